# Sudan has no ISO code.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE WHERE { <place/SD> a4p:isoCode ?value }
