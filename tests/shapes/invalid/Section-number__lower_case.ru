# Section I.A is numbered with a lower-case letter.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/section/I-A> a4p:number ?old } INSERT { <report/A-99-100/section/I-A> a4p:number "a" } WHERE { <report/A-99-100/section/I-A> a4p:number ?old }
