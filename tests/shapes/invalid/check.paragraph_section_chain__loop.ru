# Section I is part of its own subsection: paragraphs 1-3 never reach the report.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX dcterms: <http://purl.org/dc/terms/>
DELETE { <report/A-99-100/section/I> dcterms:isPartOf ?old } INSERT { <report/A-99-100/section/I> dcterms:isPartOf <report/A-99-100/section/I-A> } WHERE { <report/A-99-100/section/I> dcterms:isPartOf ?old }
