# The series names no measure.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE WHERE { <report/A-99-100/para/2/series/share-of-women-among-staff> a4p:measure ?value }
