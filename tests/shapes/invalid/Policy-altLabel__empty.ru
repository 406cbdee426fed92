# The policy's other name is empty.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
DELETE { <policy/policy-on-the-protection-of-civilians> skos:altLabel ?old } INSERT { <policy/policy-on-the-protection-of-civilians> skos:altLabel ""@en } WHERE { <policy/policy-on-the-protection-of-civilians> skos:altLabel ?old }
