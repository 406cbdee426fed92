# The observation's value is an xsd:integer.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/para/2/obs/11> a4p:value ?old } INSERT { <report/A-99-100/para/2/obs/11> a4p:value 45 } WHERE { <report/A-99-100/para/2/obs/11> a4p:value ?old }
