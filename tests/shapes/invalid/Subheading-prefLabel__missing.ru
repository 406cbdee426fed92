# The subheading has no label.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
DELETE WHERE { <report/A-99-100/heading/3> skos:prefLabel ?value }
