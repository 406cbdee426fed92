# A tally counts for an organization, not a peace operation.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT DATA {
  <tally/example> a a4p:Tally ; a4p:operation <org/african-union> ; a4p:theme <theme/protection> ; a4p:reportCount 1 .
}
