# The report's identifier is not its symbol.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX dcterms: <http://purl.org/dc/terms/>
DELETE { <report/A-99-100> dcterms:identifier ?old } INSERT { <report/A-99-100> dcterms:identifier "A/99/101" } WHERE { <report/A-99-100> dcterms:identifier ?old }
