# The addressee has no name.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
DELETE WHERE { <addressee/member-states> skos:prefLabel ?value }
