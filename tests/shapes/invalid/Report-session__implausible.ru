# The report's session is 500.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100> a4p:session ?old } INSERT { <report/A-99-100> a4p:session 500 } WHERE { <report/A-99-100> a4p:session ?old }
