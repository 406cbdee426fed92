# A tally counts in a paragraph, not in a report.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT DATA {
  <tally/example> a a4p:Tally ; a4p:inReport <report/A-99-100/para/1> ; a4p:theme <theme/protection> ; a4p:paragraphCount 3 .
}
