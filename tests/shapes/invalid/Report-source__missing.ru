# The report does not say which source text it was built from.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX prov: <http://www.w3.org/ns/prov#>
DELETE WHERE { <report/A-99-100> prov:wasDerivedFrom ?value }
