# The cited resolution has no symbol.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE WHERE { <doc/S-RES-1325-2000> a4p:symbol ?value }
