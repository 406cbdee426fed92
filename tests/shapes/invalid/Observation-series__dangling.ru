# The observation's series is not described.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/para/2/obs/11> a4p:inSeries ?old } INSERT { <report/A-99-100/para/2/obs/11> a4p:inSeries <report/A-99-100/para/2/series/nothing> } WHERE { <report/A-99-100/para/2/obs/11> a4p:inSeries ?old }
