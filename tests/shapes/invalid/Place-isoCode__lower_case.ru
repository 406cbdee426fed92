# Kosovo's code is lower-case.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
INSERT DATA { <place/kosovo> a4p:isoCode "xk" . }
