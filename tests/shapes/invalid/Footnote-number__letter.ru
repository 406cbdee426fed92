# Footnote 1's marker is a letter.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/footnote/1> a4p:number ?old } INSERT { <report/A-99-100/footnote/1> a4p:number "a" } WHERE { <report/A-99-100/footnote/1> a4p:number ?old }
