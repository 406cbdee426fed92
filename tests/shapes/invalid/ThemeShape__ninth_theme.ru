# A ninth theme that is not in the Declaration.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
INSERT DATA { <theme/gender> a a4p:Theme ; skos:prefLabel "Gender"@en ; a4p:order 2 ; skos:topConceptOf a4p:themes . }
