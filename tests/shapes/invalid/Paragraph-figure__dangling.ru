# Paragraph 2 refers to a figure the report does not have.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/para/2> a4p:refersToFigure ?old } INSERT { <report/A-99-100/para/2> a4p:refersToFigure <report/A-99-100/figure/IX> } WHERE { <report/A-99-100/para/2> a4p:refersToFigure ?old }
