# A mention ends past the end of its paragraph.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { <report/A-99-100/para/1/mention/9-16> nif:endIndex ?old } INSERT { <report/A-99-100/para/1/mention/9-16> nif:endIndex "500"^^xsd:nonNegativeInteger } WHERE { <report/A-99-100/para/1/mention/9-16> nif:endIndex ?old }
