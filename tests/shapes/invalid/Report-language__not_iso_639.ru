# The report's language is a word, not an ISO 639-1 code.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX dcterms: <http://purl.org/dc/terms/>
DELETE { <report/A-99-100> dcterms:language ?old } INSERT { <report/A-99-100> dcterms:language "English" } WHERE { <report/A-99-100> dcterms:language ?old }
