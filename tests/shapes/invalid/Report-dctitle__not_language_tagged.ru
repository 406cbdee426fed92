# The report's dcterms:title is a plain string.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX dcterms: <http://purl.org/dc/terms/>
DELETE { <report/A-99-100> dcterms:title ?old } INSERT { <report/A-99-100> dcterms:title "Protection in peacekeeping" } WHERE { <report/A-99-100> dcterms:title ?old }
