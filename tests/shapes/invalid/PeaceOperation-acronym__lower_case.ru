# UNAMID's acronym is not in capitals.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <operation/UNAMID> a4p:acronym ?old } INSERT { <operation/UNAMID> a4p:acronym "Unamid" } WHERE { <operation/UNAMID> a4p:acronym ?old }
