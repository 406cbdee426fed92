# The Joint Operations Centre, not in the reference data, is not flagged discovered.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE WHERE { <org/joint-operations-centre> a4p:discovered ?value }
