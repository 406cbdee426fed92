# Section I.A has level 0.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/section/I-A> a4p:level ?old } INSERT { <report/A-99-100/section/I-A> a4p:level 0 } WHERE { <report/A-99-100/section/I-A> a4p:level ?old }
