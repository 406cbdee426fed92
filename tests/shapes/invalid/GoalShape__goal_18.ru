# There is no Goal 18.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
PREFIX sdg: <http://metadata.un.org/sdg/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
INSERT DATA { sdg:18 a a4p:Goal ; skos:prefLabel "Eighteen"@en . }
