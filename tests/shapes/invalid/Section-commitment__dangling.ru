# Section I.A stands for a commitment area that the graph does not describe.
# Applied to tests/shapes/valid/report.ttl.
BASE <https://w3id.org/a4p/id/>
PREFIX a4p: <https://w3id.org/a4p/ontology#>
DELETE { <report/A-99-100/section/I-A> a4p:commitment ?old } INSERT { <report/A-99-100/section/I-A> a4p:commitment <commitment/no-such-area> } WHERE { <report/A-99-100/section/I-A> a4p:commitment ?old }
