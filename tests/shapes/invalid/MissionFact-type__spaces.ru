# The fact type has a space.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/para/3/fact/MINUSCA-highRisk> a4p:factType ?old } INSERT { <report/A-99-100/para/3/fact/MINUSCA-highRisk> a4p:factType "high risk" } WHERE { <report/A-99-100/para/3/fact/MINUSCA-highRisk> a4p:factType ?old }
