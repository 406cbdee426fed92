# A mission tally that names its latest report but no paragraph of it.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
INSERT DATA {
  <tally/example> a a4p:Tally ; a4p:aboutOperation <operation/MINUSCA> ; a4p:aspect "paragraph" ;
      a4p:reportCount 1 ; a4p:evidenceCount 1 ; a4p:latestReport <report/A-99-100> ;
      a4p:latestEvidence <report/A-99-100/para/1> .
}
