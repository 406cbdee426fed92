# The recommendation's end offset is a string.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
DELETE { <report/A-99-100/para/2/rec/111> nif:endIndex ?old } INSERT { <report/A-99-100/para/2/rec/111> nif:endIndex ?new } WHERE { <report/A-99-100/para/2/rec/111> nif:endIndex ?old BIND(STR(?old) AS ?new) }
