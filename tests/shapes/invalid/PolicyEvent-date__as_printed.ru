# The event date is the printed words.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/para/3/event/policy-on-the-protection-of-civilians-revised> a4p:date ?old } INSERT { <report/A-99-100/para/3/event/policy-on-the-protection-of-civilians-revised> a4p:date "March 2019"@en } WHERE { <report/A-99-100/para/3/event/policy-on-the-protection-of-civilians-revised> a4p:date ?old }
