# The policy has two English names.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
INSERT DATA { <policy/policy-on-the-protection-of-civilians> skos:prefLabel "POC policy"@en . }
