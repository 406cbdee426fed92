# Support evidence has no quote.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE WHERE { <report/A-99-100/para/1/support/MINUSCA-protection> a4p:quote ?value }
