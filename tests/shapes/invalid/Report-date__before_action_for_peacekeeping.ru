# The report is dated 2015, before A4P began.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { <report/A-99-100> dcterms:date ?old } INSERT { <report/A-99-100> dcterms:date "2015-01-01"^^xsd:date } WHERE { <report/A-99-100> dcterms:date ?old }
