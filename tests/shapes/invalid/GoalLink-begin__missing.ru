# The Goal link has no start offset.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
DELETE WHERE { <report/A-99-100/para/2/goal/16> nif:beginIndex ?value }
