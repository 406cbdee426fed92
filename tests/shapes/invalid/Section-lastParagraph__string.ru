# Section I.A's last paragraph number is a string.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/section/I-A> a4p:lastParagraph ?old } INSERT { <report/A-99-100/section/I-A> a4p:lastParagraph "3" } WHERE { <report/A-99-100/section/I-A> a4p:lastParagraph ?old }
