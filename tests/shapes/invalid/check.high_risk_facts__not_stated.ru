# The high-risk fact's operation is not stated a4p:highRisk true.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE WHERE { <operation/MINUSCA> a4p:highRisk ?value }
