# Figure I has no caption.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE WHERE { <report/A-99-100/figure/I> a4p:title ?value }
