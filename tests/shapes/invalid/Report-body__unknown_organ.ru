# The report is issued to a body that issues no such reports.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100> a4p:body ?old } INSERT { <report/A-99-100> a4p:body "Human Rights Council" } WHERE { <report/A-99-100> a4p:body ?old }
