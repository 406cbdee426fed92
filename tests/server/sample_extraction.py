"""A small fixture report, ``A/00/000``, shaped as docs/model.md says the build emits a report: structure,
mentions with NIF offsets, support evidence with partners, observations forming a series, an SDG link, a
recommendation, a citation, a policy event, a mission fact, and a paragraph whose text holds markup.

The server's tests load it beside the real report (A/74/533 as built), so every kind of page has something
known to show whatever state the extraction is in. Its own IRIs (``report/A-00-000/...``, a fixture measure)
never collide with the real report's; it names real entities (MINUSCA, the African Union, themes).
Offsets are computed from the texts, so they are right by construction.
"""

from __future__ import annotations

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS, XSD

from a4p_kg.namespaces import A4P, DEFAULT_BASE, ITSRDF, NIF, SDG

ID = DEFAULT_BASE
SYMBOL = "A/00/000"
REPORT = URIRef(ID + "report/A-00-000")
SECTION = URIRef(ID + "report/A-00-000/section/I")
GRAPH = URIRef(ID + "graph/report/A-00-000")
MARKUP = 'Evil <script>alert("xss")</script> & MINUSCA <b>bold</b> <img src=x onerror=alert(1)>'
TITLE = "Fixture report <script>alert('title')</script>"


def para(n: int) -> URIRef:
    return URIRef(f"{REPORT}/para/{n}")


def op(acr: str) -> URIRef:
    return URIRef(ID + "operation/" + acr)


AU = URIRef(ID + "org/african-union")
ECCAS = URIRef(ID + "org/economic-community-of-central-african-states")
MAS = URIRef(ID + "org/mine-action-service")
CAR = URIRef(ID + "place/CF")
AGREEMENT = URIRef(ID + "policy/political-agreement-for-peace-and-reconciliation-in-the-central-african-republic")
CPAS = URIRef(ID + "policy/comprehensive-performance-assessment-system")
POLITICAL = URIRef(ID + "theme/political-solutions")
SAFETY = URIRef(ID + "theme/safety-and-security")
WPS = URIRef(ID + "theme/women-and-peace-and-security")
PARTNERSHIPS = URIRef(ID + "theme/partnerships")
ADVANCING = URIRef(ID + "commitment/advancing-political-solutions-and-complementary-political-objectives-at-the-"
                        "national-and-local-levels")
MEASURE = URIRef(ID + "measure/fixture-fatalities")
DOC = URIRef(ID + "doc/A-RES-73-293")

TEXTS = {
    1: "The African Union and ECCAS, with the support of MINUSCA, brokered the Political Agreement for Peace and "
       "Reconciliation in the Central African Republic, signed in February 2019.",
    2: "Fixture fatalities fell from 58 in 2017 to 27 in 2018 and 21 in 2019, mostly in MINUSMA and MONUSCO.",
    3: MARKUP,
    4: "Peacekeeping contributes to gender equality (Goal 5).",
    5: "As requested in resolution 73/293, Member States could support the Mine Action Service.",
    6: "The comprehensive performance assessment system has been rolled out in MINUSCA.",
}
#: (paragraph, surface form, entity): every occurrence of the surface form is a mention
MENTIONS = [
    (1, "African Union", AU), (1, "ECCAS", ECCAS), (1, "MINUSCA", op("MINUSCA")),
    (1, "Political Agreement for Peace and Reconciliation in the Central African Republic", AGREEMENT),
    (2, "MINUSMA", op("MINUSMA")), (2, "MONUSCO", op("MONUSCO")),
    (3, "MINUSCA", op("MINUSCA")),
    (5, "resolution 73/293", DOC), (5, "Mine Action Service", MAS),
    (6, "comprehensive performance assessment system", CPAS), (6, "MINUSCA", op("MINUSCA")),
]
SERIES = [("58 in 2017", "58", "2017"), ("27 in 2018", "27", "2018"), ("21 in 2019", "21", "2019")]


def _mention(g: Graph, p: URIRef, text: str, begin: int, end: int, entity: URIRef) -> None:
    m = URIRef(f"{p}/mention/{begin}-{end}")
    g.add((m, RDF.type, A4P.Mention))
    g.add((m, NIF.referenceContext, p))
    g.add((m, NIF.beginIndex, Literal(begin)))
    g.add((m, NIF.endIndex, Literal(end)))
    g.add((m, NIF.anchorOf, Literal(text[begin:end])))
    g.add((m, ITSRDF.taIdentRef, entity))
    g.add((m, PROV.wasDerivedFrom, p))
    g.add((p, A4P.mentions, entity))


def fixture_graph() -> Graph:
    """The named graph of the fixture report."""
    g = Graph()
    g.add((REPORT, RDF.type, A4P.Report))
    g.add((REPORT, A4P.symbol, Literal(SYMBOL)))
    g.add((REPORT, DCTERMS.identifier, Literal(SYMBOL)))
    g.add((REPORT, A4P.title, Literal(TITLE, lang="en")))
    g.add((REPORT, DCTERMS.title, Literal(TITLE, lang="en")))
    g.add((REPORT, SKOS.prefLabel, Literal(f"{SYMBOL}: {TITLE}", lang="en")))
    g.add((REPORT, DCTERMS.date, Literal("2000-01-01", datatype=XSD.date)))
    g.add((SECTION, RDF.type, A4P.Section))
    g.add((SECTION, A4P.number, Literal("I")))
    g.add((SECTION, A4P.title, Literal("Fixture section", lang="en")))
    g.add((SECTION, SKOS.prefLabel, Literal("I. Fixture section", lang="en")))
    g.add((SECTION, A4P.level, Literal(1)))
    g.add((SECTION, A4P.order, Literal(1)))
    g.add((SECTION, A4P.firstParagraph, Literal(1)))
    g.add((SECTION, A4P.lastParagraph, Literal(6)))
    g.add((SECTION, DCTERMS.isPartOf, REPORT))
    g.add((SECTION, A4P.theme, POLITICAL))
    for n, text in TEXTS.items():
        p = para(n)
        g.add((p, RDF.type, A4P.Paragraph))
        g.add((p, A4P.number, Literal(n)))
        g.add((p, A4P.order, Literal(n)))
        g.add((p, A4P.text, Literal(text, lang="en")))
        g.add((p, SKOS.prefLabel, Literal(f"{SYMBOL} para. {n}", lang="en")))
        g.add((p, DCTERMS.isPartOf, SECTION))
        g.add((p, A4P.theme, POLITICAL))
    for n, surface, entity in MENTIONS:
        text = TEXTS[n]
        start = text.find(surface)
        assert start >= 0, (n, surface)
        while start >= 0:
            _mention(g, para(n), text, start, start + len(surface), entity)
            start = text.find(surface, start + len(surface))
    # support evidence (paragraphs 1 and 2)
    for n, acr, theme, area, partners in [(1, "MINUSCA", POLITICAL, ADVANCING, [AU, ECCAS]),
                                          (2, "MINUSMA", SAFETY, None, [])]:
        ev = URIRef(f"{para(n)}/support/{acr}-{theme.split('/')[-1]}")
        g.add((ev, RDF.type, A4P.SupportEvidence))
        g.add((ev, A4P.operation, op(acr)))
        g.add((ev, A4P.theme, theme))
        if area is not None:
            g.add((ev, A4P.commitment, area))
            g.add((op(acr), A4P.supports, area))
        for partner in partners:
            g.add((ev, A4P.partner, partner))
        g.add((ev, A4P.quote, Literal(TEXTS[n], lang="en")))
        g.add((ev, PROV.wasDerivedFrom, para(n)))
        g.add((op(acr), A4P.supports, theme))
        g.add((op(acr), A4P.supportsTheme, theme))
    # a series of three observations (paragraph 2)
    series = URIRef(f"{para(2)}/series/fixture-fatalities")
    g.add((series, RDF.type, A4P.Series))
    g.add((series, A4P.measure, MEASURE))
    g.add((series, PROV.wasDerivedFrom, para(2)))
    g.add((MEASURE, RDF.type, A4P.Measure))
    g.add((MEASURE, SKOS.prefLabel, Literal("fixture fatalities", lang="en")))
    for surface, value, year in SERIES:
        begin = TEXTS[2].index(surface)
        obs = URIRef(f"{para(2)}/obs/{begin}")
        g.add((obs, RDF.type, A4P.Observation))
        g.add((obs, A4P.value, Literal(value, datatype=XSD.decimal)))
        g.add((obs, A4P.unit, Literal("fatalities")))
        g.add((obs, A4P.measure, MEASURE))
        g.add((obs, A4P.measureKind, Literal("count")))
        g.add((obs, A4P.period, Literal(year)))
        g.add((obs, A4P.periodStart, Literal(year, datatype=XSD.gYear)))
        g.add((obs, A4P.about, op("MINUSMA")))
        g.add((obs, A4P.quote, Literal(surface)))
        g.add((obs, NIF.beginIndex, Literal(begin)))
        g.add((obs, NIF.endIndex, Literal(begin + len(surface))))
        g.add((obs, A4P.inSeries, series))
        g.add((obs, PROV.wasDerivedFrom, para(2)))
    # an SDG link (paragraph 4)
    begin = TEXTS[4].index("(Goal 5)")
    link = URIRef(f"{para(4)}/goal/5")
    g.add((link, RDF.type, A4P.GoalLink))
    g.add((link, A4P.goal, SDG["5"]))
    g.add((link, A4P.theme, WPS))
    g.add((link, A4P.quote, Literal("gender equality (Goal 5)")))
    g.add((link, NIF.beginIndex, Literal(begin)))
    g.add((link, NIF.endIndex, Literal(begin + len("(Goal 5)"))))
    g.add((link, PROV.wasDerivedFrom, para(4)))
    g.add((WPS, A4P.linkedGoal, SDG["5"]))
    # a recommendation and a citation (paragraph 5)
    rec = URIRef(f"{para(5)}/rec/0")
    g.add((rec, RDF.type, A4P.Recommendation))
    g.add((rec, A4P.text, Literal(TEXTS[5], lang="en")))
    g.add((rec, A4P.addressee, URIRef(ID + "addressee/member-states")))
    g.add((rec, A4P.modality, Literal("could")))
    g.add((rec, A4P.theme, PARTNERSHIPS))
    g.add((rec, PROV.wasDerivedFrom, para(5)))
    g.add((para(5), A4P.cites, DOC))
    g.add((DOC, RDF.type, A4P.Resolution))
    g.add((DOC, A4P.symbol, Literal("A/RES/73/293")))
    g.add((DOC, SKOS.prefLabel, Literal("A/RES/73/293")))
    g.add((DOC, PROV.wasDerivedFrom, para(5)))
    # a policy event (paragraph 1) and a mission fact (paragraph 6)
    ev = URIRef(f"{para(1)}/event/{AGREEMENT.split('/')[-1]}-signed")
    g.add((ev, RDF.type, A4P.PolicyEvent))
    g.add((ev, A4P.policy, AGREEMENT))
    g.add((ev, A4P.eventType, Literal("signed")))
    g.add((ev, A4P.date, Literal("2019-02", datatype=XSD.gYearMonth)))
    g.add((ev, A4P.agent, AU))
    g.add((ev, A4P.agent, ECCAS))
    g.add((ev, A4P.partner, op("MINUSCA")))
    g.add((ev, A4P.quote, Literal(TEXTS[1], lang="en")))
    g.add((ev, PROV.wasDerivedFrom, para(1)))
    fact = URIRef(f"{para(6)}/fact/MINUSCA-cpasRollout")
    g.add((fact, RDF.type, A4P.MissionFact))
    g.add((fact, A4P.operation, op("MINUSCA")))
    g.add((fact, A4P.factType, Literal("cpasRollout")))
    g.add((fact, A4P.policy, CPAS))
    g.add((fact, A4P.quote, Literal(TEXTS[6], lang="en")))
    g.add((fact, PROV.wasDerivedFrom, para(6)))
    return g


def add_fixture_report(dataset: Dataset) -> Dataset:
    """Add the fixture report to ``dataset`` as its own named graph."""
    target = dataset.graph(GRAPH)
    for t in fixture_graph():
        target.add(t)
    return dataset
