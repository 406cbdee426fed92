# The build used no source.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX prov: <http://www.w3.org/ns/prov#>
DELETE WHERE { <build/0000000000000000> prov:used ?value }
