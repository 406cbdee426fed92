# The theme is linked to an SDG target, not a Goal.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <theme/protection> a4p:linkedGoal ?old } INSERT { <theme/protection> a4p:linkedGoal <http://metadata.un.org/sdg/16.1> } WHERE { <theme/protection> a4p:linkedGoal ?old }
