# Paragraph 1 mentions the African Union but lacks a4p:mentions.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE DATA { <report/A-99-100/para/1> a4p:mentions <org/african-union> . }
