# Section I's label is a plain string.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
DELETE { <report/A-99-100/section/I> skos:prefLabel ?old } INSERT { <report/A-99-100/section/I> skos:prefLabel "I. Protection" } WHERE { <report/A-99-100/section/I> skos:prefLabel ?old }
