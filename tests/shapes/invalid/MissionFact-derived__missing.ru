# The mission fact does not say which paragraph it comes from.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX prov: <http://www.w3.org/ns/prov#>
DELETE WHERE { <report/A-99-100/para/3/fact/MINUSCA-highRisk> prov:wasDerivedFrom ?value }
