# The cited resolution is derived from no paragraph.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX prov: <http://www.w3.org/ns/prov#>
DELETE WHERE { <doc/S-RES-1325-2000> prov:wasDerivedFrom ?value }
