# MINUSCA's supportsTheme is a commitment area.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
INSERT DATA { <operation/MINUSCA> a4p:supportsTheme <commitment/provision-of-physical-protection> . }
