# The observation's period starts in 1900.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { <report/A-99-100/para/2/obs/11> a4p:periodStart ?old } INSERT { <report/A-99-100/para/2/obs/11> a4p:periodStart "1900"^^xsd:gYear } WHERE { <report/A-99-100/para/2/obs/11> a4p:periodStart ?old }
