# The subheading is part of no section.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX dcterms: <http://purl.org/dc/terms/>
DELETE WHERE { <report/A-99-100/heading/3> dcterms:isPartOf ?value }
