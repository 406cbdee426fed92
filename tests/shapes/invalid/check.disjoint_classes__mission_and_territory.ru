# MINUSCA is also typed a territory.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
INSERT DATA { <operation/MINUSCA> a a4p:Territory . }
