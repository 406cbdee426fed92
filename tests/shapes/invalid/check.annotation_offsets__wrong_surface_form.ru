# The text at a mention's offsets is MINUSCA, not its surface form.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
DELETE { <report/A-99-100/para/1/mention/9-16> nif:anchorOf ?old } INSERT { <report/A-99-100/para/1/mention/9-16> nif:anchorOf "MINUSMA" } WHERE { <report/A-99-100/para/1/mention/9-16> nif:anchorOf ?old }
