# The same mention with offsets counted in UTF-16 code units (as JavaScript would): they point past the word.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { <report/A-99-100/para/0> a4p:text ?old } INSERT { <report/A-99-100/para/0> a4p:text "𝐓𝐡𝐞 present report reviews protection in peacekeeping."@en ; a4p:mentions <theme/protection> .
  <report/A-99-100/para/0/mention/30-40> a a4p:Mention ; nif:referenceContext <report/A-99-100/para/0> ;
    nif:beginIndex "30"^^xsd:nonNegativeInteger ; nif:endIndex "40"^^xsd:nonNegativeInteger ;
    nif:anchorOf "protection" ; itsrdf:taIdentRef <theme/protection> ; prov:wasDerivedFrom <report/A-99-100/para/0> . }
WHERE { <report/A-99-100/para/0> a4p:text ?old }
