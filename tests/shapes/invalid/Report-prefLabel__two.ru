# The report has two preferred labels.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
INSERT DATA { <report/A-99-100> skos:prefLabel "A/99/100"@fr . }
