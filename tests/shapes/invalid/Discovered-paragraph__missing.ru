# The discovered Joint Operations Centre does not say where it was found.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX prov: <http://www.w3.org/ns/prov#>
DELETE WHERE { <org/joint-operations-centre> prov:wasDerivedFrom ?value }
