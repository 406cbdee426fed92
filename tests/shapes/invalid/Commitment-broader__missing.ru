# The commitment area is narrower than nothing.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
DELETE WHERE { <commitment/provision-of-physical-protection> skos:broader ?value }
