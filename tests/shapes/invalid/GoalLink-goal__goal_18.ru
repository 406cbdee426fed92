# The Goal link names Goal 18.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
PREFIX sdg: <http://metadata.un.org/sdg/>
DELETE { <report/A-99-100/para/2/goal/16> a4p:goal ?old } INSERT { <report/A-99-100/para/2/goal/16> a4p:goal sdg:18 } WHERE { <report/A-99-100/para/2/goal/16> a4p:goal ?old }
