# Figure I's source line keeps the printed word "Source:".
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/figure/I> a4p:source ?old } INSERT { <report/A-99-100/figure/I> a4p:source "Source: Action for Peacekeeping survey, October 2019."@en } WHERE { <report/A-99-100/figure/I> a4p:source ?old }
