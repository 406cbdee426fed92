# The commitment has Declaration number 0.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <commitment/provision-of-physical-protection> a4p:declarationNumber ?old } INSERT { <commitment/provision-of-physical-protection> a4p:declarationNumber 0 } WHERE { <commitment/provision-of-physical-protection> a4p:declarationNumber ?old }
