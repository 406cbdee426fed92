# Section I.A starts at paragraph 3, but paragraph 2 is in it.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/section/I-A> a4p:firstParagraph ?old } INSERT { <report/A-99-100/section/I-A> a4p:firstParagraph 3 } WHERE { <report/A-99-100/section/I-A> a4p:firstParagraph ?old }
