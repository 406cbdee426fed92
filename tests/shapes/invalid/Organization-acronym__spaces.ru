# The African Union's acronym has a space.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <org/african-union> a4p:acronym ?old } INSERT { <org/african-union> a4p:acronym "A U" } WHERE { <org/african-union> a4p:acronym ?old }
