# The agenda item is written in words.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100> a4p:agendaItem ?old } INSERT { <report/A-99-100> a4p:agendaItem "fifty-two" } WHERE { <report/A-99-100> a4p:agendaItem ?old }
