# MINUSCA lacks a4p:supports for the commitment area its evidence names.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE DATA { <operation/MINUSCA> a4p:supports <commitment/provision-of-physical-protection> . }
