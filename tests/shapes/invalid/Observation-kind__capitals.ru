# The observation's kind is capitalised.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/para/2/obs/11> a4p:measureKind ?old } INSERT { <report/A-99-100/para/2/obs/11> a4p:measureKind "Percentage" } WHERE { <report/A-99-100/para/2/obs/11> a4p:measureKind ?old }
