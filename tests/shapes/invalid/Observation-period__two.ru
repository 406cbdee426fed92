# The observation has two periods.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
INSERT DATA { <report/A-99-100/para/2/obs/11> a4p:period "2018"@en . }
