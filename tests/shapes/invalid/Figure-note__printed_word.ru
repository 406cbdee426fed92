# Figure I's note keeps the printed word "Note:".
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/figure/I> a4p:note ?old } INSERT { <report/A-99-100/figure/I> a4p:note "Note: Figures for 2019 are provisional."@en } WHERE { <report/A-99-100/figure/I> a4p:note ?old }
