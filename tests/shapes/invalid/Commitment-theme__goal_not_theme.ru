# The commitment area's theme is a Goal.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
PREFIX sdg: <http://metadata.un.org/sdg/>
DELETE { <commitment/provision-of-physical-protection> a4p:theme ?old } INSERT { <commitment/provision-of-physical-protection> a4p:theme sdg:16 } WHERE { <commitment/provision-of-physical-protection> a4p:theme ?old }
