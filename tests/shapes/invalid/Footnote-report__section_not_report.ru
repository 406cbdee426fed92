# Footnote 1 is part of a section instead of the report.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX dcterms: <http://purl.org/dc/terms/>
DELETE { <report/A-99-100/footnote/1> dcterms:isPartOf ?old } INSERT { <report/A-99-100/footnote/1> dcterms:isPartOf <report/A-99-100/section/I> } WHERE { <report/A-99-100/footnote/1> dcterms:isPartOf ?old }
