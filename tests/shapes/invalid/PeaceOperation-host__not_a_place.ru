# UNAMID's host is an organization.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <operation/UNAMID> a4p:host ?old } INSERT { <operation/UNAMID> a4p:host <org/african-union> } WHERE { <operation/UNAMID> a4p:host ?old }
