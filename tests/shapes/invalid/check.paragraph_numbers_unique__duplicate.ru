# Paragraphs 2 and 3 both have number 2.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/para/3> a4p:number ?old } INSERT { <report/A-99-100/para/3> a4p:number 2 } WHERE { <report/A-99-100/para/3> a4p:number ?old }
