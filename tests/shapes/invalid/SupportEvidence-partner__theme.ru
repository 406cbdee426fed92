# Support evidence's partner is a theme.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/para/1/support/MINUSCA-protection> a4p:partner ?old } INSERT { <report/A-99-100/para/1/support/MINUSCA-protection> a4p:partner <theme/protection> } WHERE { <report/A-99-100/para/1/support/MINUSCA-protection> a4p:partner ?old }
