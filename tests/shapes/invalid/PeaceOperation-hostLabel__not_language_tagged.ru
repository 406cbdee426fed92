# MINUSCA's host label is a plain string.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <operation/MINUSCA> a4p:hostLabel ?old } INSERT { <operation/MINUSCA> a4p:hostLabel "Central African Republic" } WHERE { <operation/MINUSCA> a4p:hostLabel ?old }
