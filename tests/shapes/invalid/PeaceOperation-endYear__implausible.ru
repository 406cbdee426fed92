# UNAMID ends in 2120.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { <operation/UNAMID> a4p:endYear ?old } INSERT { <operation/UNAMID> a4p:endYear "2120"^^xsd:gYear } WHERE { <operation/UNAMID> a4p:endYear ?old }
