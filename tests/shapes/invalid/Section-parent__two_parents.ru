# Section I.A is part of both section I and the report.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX dcterms: <http://purl.org/dc/terms/>
INSERT DATA { <report/A-99-100/section/I-A> dcterms:isPartOf <report/A-99-100> . }
