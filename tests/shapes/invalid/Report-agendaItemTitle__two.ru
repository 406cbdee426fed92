# The report has two agenda item titles.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
INSERT DATA { <report/A-99-100> a4p:agendaItemTitle "Another item"@en . }
