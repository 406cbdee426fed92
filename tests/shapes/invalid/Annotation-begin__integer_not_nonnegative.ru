# The reference's start offset is an xsd:integer, not NIF's xsd:nonNegativeInteger.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { <report/A-99-100/para/1/reference/79-90> nif:beginIndex ?old } INSERT { <report/A-99-100/para/1/reference/79-90> nif:beginIndex ?new } WHERE { <report/A-99-100/para/1/reference/79-90> nif:beginIndex ?old BIND(xsd:integer(?old) AS ?new) }
