# Paragraph 2 carries a footnote the graph does not describe.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/para/2> a4p:footnote ?old } INSERT { <report/A-99-100/para/2> a4p:footnote <report/A-99-100/footnote/9> } WHERE { <report/A-99-100/para/2> a4p:footnote ?old }
