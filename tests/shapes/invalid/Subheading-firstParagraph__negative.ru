# The subheading's first paragraph is numbered -3.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/heading/3> a4p:firstParagraph ?old } INSERT { <report/A-99-100/heading/3> a4p:firstParagraph -3 } WHERE { <report/A-99-100/heading/3> a4p:firstParagraph ?old }
