# The African Union's other name is a plain string.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
DELETE { <org/african-union> skos:altLabel ?old } INSERT { <org/african-union> skos:altLabel "the AU" } WHERE { <org/african-union> skos:altLabel ?old }
