# The Summary's text is empty.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/para/0> a4p:text ?old } INSERT { <report/A-99-100/para/0> a4p:text ""@en } WHERE { <report/A-99-100/para/0> a4p:text ?old }
