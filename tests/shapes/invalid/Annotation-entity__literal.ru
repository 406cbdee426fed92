# The reference resolves to a string.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
DELETE { <report/A-99-100/para/1/reference/79-90> itsrdf:taIdentRef ?old } INSERT { <report/A-99-100/para/1/reference/79-90> itsrdf:taIdentRef "MINUSCA" } WHERE { <report/A-99-100/para/1/reference/79-90> itsrdf:taIdentRef ?old }
