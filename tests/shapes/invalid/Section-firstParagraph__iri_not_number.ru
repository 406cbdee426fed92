# Section I.A names its first paragraph by IRI, not by number.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/section/I-A> a4p:firstParagraph ?old } INSERT { <report/A-99-100/section/I-A> a4p:firstParagraph <report/A-99-100/para/2> } WHERE { <report/A-99-100/section/I-A> a4p:firstParagraph ?old }
