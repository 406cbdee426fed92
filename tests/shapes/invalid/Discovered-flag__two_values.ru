# The Joint Operations Centre is flagged twice, once with a string.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
INSERT DATA { <org/joint-operations-centre> a4p:discovered "yes" . }
