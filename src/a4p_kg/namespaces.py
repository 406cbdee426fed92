"""Prefixes, base IRIs and the a4p ontology's terms as a DefinedNamespace (a typo in a term fails loudly).

This is the only home of base IRIs; :mod:`a4p_kg.iris` mints instance IRIs from them.

>>> str(A4P.Report)
'https://w3id.org/a4p/ontology#Report'
>>> A4P.Reportt  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
AttributeError: term 'Reportt' not in namespace 'https://w3id.org/a4p/ontology#'
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace
from rdflib.term import URIRef

__all__ = [
    "A4P", "ONTOLOGY_IRI", "DEFAULT_BASE", "SDG", "ORG", "NIF", "ITSRDF", "OA", "UNDO", "FABIO",
    "VOID", "DCAT", "SD", "SH", "DOCO", "ALLOT", "VANN", "PREFIXES", "bind_prefixes",
    "DCTERMS", "OWL", "PROV", "RDF", "RDFS", "SKOS", "XSD",
]

ONTOLOGY_IRI = "https://w3id.org/a4p/ontology"
DEFAULT_BASE = "https://w3id.org/a4p/id/"
SDG = Namespace("http://metadata.un.org/sdg/")
ORG = Namespace("http://www.w3.org/ns/org#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
OA = Namespace("http://www.w3.org/ns/oa#")
UNDO = Namespace("https://w3id.org/un/ontology/undo/")
FABIO = Namespace("http://purl.org/spar/fabio/")
VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
SH = Namespace("http://www.w3.org/ns/shacl#")
DOCO = Namespace("http://purl.org/spar/doco/")
ALLOT = Namespace("https://w3id.org/akn/ontology/allot/")
VANN = Namespace("http://purl.org/vocab/vann/")


class A4P(DefinedNamespace):
    """Terms of the a4p ontology (``ontology/a4p.ttl``); keep in step with it (a test compares)."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # --- classes: document structure
    Report: URIRef
    Section: URIRef
    Subheading: URIRef
    Paragraph: URIRef
    Figure: URIRef
    Footnote: URIRef
    # --- classes: things the report speaks of
    PeaceOperation: URIRef
    PeacekeepingMission: URIRef
    SpecialPoliticalMission: URIRef
    RegionalOperation: URIRef
    Organization: URIRef
    RegionalOrganization: URIRef
    InternationalOrganization: URIRef
    UNBody: URIRef
    SecretariatUnit: URIRef
    Policy: URIRef
    Framework: URIRef
    Strategy: URIRef
    ActionPlan: URIRef
    System: URIRef
    Agreement: URIRef
    Initiative: URIRef
    Programme: URIRef
    Document: URIRef
    Resolution: URIRef
    Place: URIRef
    Country: URIRef
    Territory: URIRef
    Theme: URIRef
    Commitment: URIRef
    Goal: URIRef
    Addressee: URIRef
    HighRiskMission: URIRef
    # --- classes: extracted statements
    Mention: URIRef
    Reference: URIRef
    SupportEvidence: URIRef
    Observation: URIRef
    Measure: URIRef
    Series: URIRef
    Recommendation: URIRef
    PolicyEvent: URIRef
    MissionFact: URIRef
    GoalLink: URIRef
    Build: URIRef
    Tally: URIRef
    # --- concept schemes
    themes: URIRef
    commitments: URIRef

    # --- structure properties
    number: URIRef
    title: URIRef
    text: URIRef
    order: URIRef
    level: URIRef
    firstParagraph: URIRef
    lastParagraph: URIRef
    subheading: URIRef
    caption: URIRef
    source: URIRef
    note: URIRef
    afterParagraph: URIRef
    refersToFigure: URIRef
    attachedTo: URIRef
    footnote: URIRef
    session: URIRef
    agendaItem: URIRef
    agendaItemTitle: URIRef
    body: URIRef
    sha256: URIRef
    # --- entity properties
    acronym: URIRef
    symbol: URIRef
    host: URIRef
    hostLabel: URIRef
    isoCode: URIRef
    startYear: URIRef
    endYear: URIRef
    discovered: URIRef
    declarationNumber: URIRef
    # --- extraction properties
    mentions: URIRef
    refersTo: URIRef
    cites: URIRef
    theme: URIRef
    commitment: URIRef
    supports: URIRef
    supportsTheme: URIRef
    linkedGoal: URIRef
    operation: URIRef
    partner: URIRef
    quote: URIRef
    entity: URIRef
    value: URIRef
    unit: URIRef
    measure: URIRef
    measureKind: URIRef
    period: URIRef
    periodStart: URIRef
    periodEnd: URIRef
    qualifier: URIRef
    about: URIRef
    inSeries: URIRef
    addressee: URIRef
    modality: URIRef
    eventType: URIRef
    date: URIRef
    agent: URIRef
    policy: URIRef
    factType: URIRef
    highRisk: URIRef
    # --- tallies (kept by stores beside the report graphs)
    inReport: URIRef
    reportCount: URIRef
    evidenceCount: URIRef
    paragraphCount: URIRef
    missionCount: URIRef
    figureCount: URIRef
    recommendationCount: URIRef
    aboutOperation: URIRef
    aspect: URIRef
    item: URIRef
    context: URIRef
    relation: URIRef
    latestReport: URIRef
    latestEvidence: URIRef
    latestParagraph: URIRef
    goal: URIRef


PREFIXES: dict[str, Namespace | str] = {
    "a4p": A4P._NS,
    "sdg": SDG,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "prov": PROV,
    "org": ORG,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "nif": NIF,
    "itsrdf": ITSRDF,
    "oa": OA,
    "undo": UNDO,
    "fabio": FABIO,
    "void": VOID,
    "dcat": DCAT,
    "doco": DOCO,
    "allot": ALLOT,
    "vann": VANN,
}


def bind_prefixes(graph, *, base: str = DEFAULT_BASE) -> None:
    """Bind the project's prefixes (and ``id:`` for the data base IRI) on an rdflib graph."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    graph.bind("id", Namespace(base), override=True, replace=True)
