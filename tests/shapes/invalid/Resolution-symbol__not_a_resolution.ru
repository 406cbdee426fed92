# A resolution has the symbol of a report.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <doc/S-RES-1325-2000> a4p:symbol ?old } INSERT { <doc/S-RES-1325-2000> a4p:symbol "A/73/480" } WHERE { <doc/S-RES-1325-2000> a4p:symbol ?old }
