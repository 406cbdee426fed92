# The protection theme is ninth of eight.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <theme/protection> a4p:order ?old } INSERT { <theme/protection> a4p:order 9 } WHERE { <theme/protection> a4p:order ?old }
