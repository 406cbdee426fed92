# The event type is capitalised.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/para/3/event/policy-on-the-protection-of-civilians-revised> a4p:eventType ?old } INSERT { <report/A-99-100/para/3/event/policy-on-the-protection-of-civilians-revised> a4p:eventType "Revised" } WHERE { <report/A-99-100/para/3/event/policy-on-the-protection-of-civilians-revised> a4p:eventType ?old }
