# The report's date is a string as printed.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX dcterms: <http://purl.org/dc/terms/>
DELETE { <report/A-99-100> dcterms:date ?old } INSERT { <report/A-99-100> dcterms:date "5 November 2019" } WHERE { <report/A-99-100> dcterms:date ?old }
