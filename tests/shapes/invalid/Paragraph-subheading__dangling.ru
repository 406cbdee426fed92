# Paragraph 3 falls under a subheading the graph does not describe.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/para/3> a4p:subheading ?old } INSERT { <report/A-99-100/para/3> a4p:subheading <report/A-99-100/heading/99> } WHERE { <report/A-99-100/para/3> a4p:subheading ?old }
