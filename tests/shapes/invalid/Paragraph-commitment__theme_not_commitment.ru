# Paragraph 2's commitment area is a theme.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/para/2> a4p:commitment ?old } INSERT { <report/A-99-100/para/2> a4p:commitment <theme/protection> } WHERE { <report/A-99-100/para/2> a4p:commitment ?old }
