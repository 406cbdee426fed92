# Footnote 1 cites an organization.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
INSERT DATA { <report/A-99-100/footnote/1> a4p:cites <org/african-union> . }
