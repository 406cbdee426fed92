# The Goal link's theme is a commitment area.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/para/2/goal/16> a4p:theme ?old } INSERT { <report/A-99-100/para/2/goal/16> a4p:theme <commitment/provision-of-physical-protection> } WHERE { <report/A-99-100/para/2/goal/16> a4p:theme ?old }
