# MINUSCA has two different start years.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT DATA { <operation/MINUSCA> a4p:startYear "2013"^^xsd:gYear . }
