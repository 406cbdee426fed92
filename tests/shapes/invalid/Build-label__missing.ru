# The build has no label.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
DELETE WHERE { <build/0000000000000000> rdfs:label ?value }
