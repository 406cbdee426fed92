# Figure I is numbered 1.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/figure/I> a4p:number ?old } INSERT { <report/A-99-100/figure/I> a4p:number "1" } WHERE { <report/A-99-100/figure/I> a4p:number ?old }
