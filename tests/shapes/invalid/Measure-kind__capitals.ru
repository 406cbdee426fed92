# The measure's kind is capitalised.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <measure/share-of-women-among-staff> a4p:measureKind ?old } INSERT { <measure/share-of-women-among-staff> a4p:measureKind "Percentage" } WHERE { <measure/share-of-women-among-staff> a4p:measureKind ?old }
