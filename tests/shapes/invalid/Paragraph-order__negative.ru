# Paragraph 1 has position -1.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/para/1> a4p:order ?old } INSERT { <report/A-99-100/para/1> a4p:order -1 } WHERE { <report/A-99-100/para/1> a4p:order ?old }
