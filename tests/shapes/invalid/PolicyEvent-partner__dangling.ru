# The event's partner is not described.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/para/3/event/policy-on-the-protection-of-civilians-revised> a4p:partner ?old } INSERT { <report/A-99-100/para/3/event/policy-on-the-protection-of-civilians-revised> a4p:partner <org/no-such-organization> } WHERE { <report/A-99-100/para/3/event/policy-on-the-protection-of-civilians-revised> a4p:partner ?old }
