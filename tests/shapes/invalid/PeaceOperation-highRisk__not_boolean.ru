# UNAMID's a4p:highRisk is a string.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
INSERT DATA { <operation/UNAMID> a4p:highRisk "yes" . }
