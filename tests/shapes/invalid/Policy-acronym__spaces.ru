# The policy's acronym has spaces.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <policy/policy-on-the-protection-of-civilians> a4p:acronym ?old } INSERT { <policy/policy-on-the-protection-of-civilians> a4p:acronym "P O C" } WHERE { <policy/policy-on-the-protection-of-civilians> a4p:acronym ?old }
