# Paragraph 3's number is a string.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/para/3> a4p:number ?old } INSERT { <report/A-99-100/para/3> a4p:number "3" } WHERE { <report/A-99-100/para/3> a4p:number ?old }
