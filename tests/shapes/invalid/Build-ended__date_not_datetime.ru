# The build's end is a date, not a date-time.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { <build/0000000000000000> prov:endedAtTime ?old } INSERT { <build/0000000000000000> prov:endedAtTime "2024-01-01"^^xsd:date } WHERE { <build/0000000000000000> prov:endedAtTime ?old }
