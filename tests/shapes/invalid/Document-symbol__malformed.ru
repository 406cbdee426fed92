# A document's symbol is written with spaces for slashes.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
INSERT DATA { <doc/A-73-480> a a4p:Document ; a4p:symbol "A 73 480" ; skos:prefLabel "A/73/480"@en . }
