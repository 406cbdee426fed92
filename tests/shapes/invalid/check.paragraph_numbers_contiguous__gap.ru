# Paragraph 3 is numbered 4 (and the sections end at 4): there is no paragraph 3.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/para/3> a4p:number ?old } INSERT { <report/A-99-100/para/3> a4p:number 4 } WHERE { <report/A-99-100/para/3> a4p:number ?old } ;
DELETE { ?section a4p:lastParagraph 3 } INSERT { ?section a4p:lastParagraph 4 } WHERE { ?section a4p:lastParagraph 3 }
