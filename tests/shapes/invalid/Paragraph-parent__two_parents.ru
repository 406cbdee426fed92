# Paragraph 3 is part of both section I.A and section I.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX dcterms: <http://purl.org/dc/terms/>
INSERT DATA { <report/A-99-100/para/3> dcterms:isPartOf <report/A-99-100/section/I> . }
