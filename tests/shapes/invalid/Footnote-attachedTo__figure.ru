# Footnote 1 is attached to a figure.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/footnote/1> a4p:attachedTo ?old } INSERT { <report/A-99-100/footnote/1> a4p:attachedTo <report/A-99-100/figure/I> } WHERE { <report/A-99-100/footnote/1> a4p:attachedTo ?old }
