# Goal 16 has no title.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX sdg: <http://metadata.un.org/sdg/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
DELETE WHERE { sdg:16 skos:prefLabel ?value }
