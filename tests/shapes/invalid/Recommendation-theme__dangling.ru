# The recommendation's theme is not described.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/para/2/rec/111> a4p:theme ?old } INSERT { <report/A-99-100/para/2/rec/111> a4p:theme <theme/partnerships> } WHERE { <report/A-99-100/para/2/rec/111> a4p:theme ?old }
