# The mission fact's policy is an organization.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
INSERT DATA { <report/A-99-100/para/3/fact/MINUSCA-highRisk> a4p:policy <org/african-union> . }
