# Figure I follows a paragraph the report does not have.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/figure/I> a4p:afterParagraph ?old } INSERT { <report/A-99-100/figure/I> a4p:afterParagraph <report/A-99-100/para/9> } WHERE { <report/A-99-100/figure/I> a4p:afterParagraph ?old }
