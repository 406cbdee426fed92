"""The ontology (ontology/a4p.ttl), the curated reference data (ontology/reference/*.ttl) and the JSON-LD context.

Checks that the ontology declares exactly the terms the code uses (namespaces.A4P), that the reference data
follows the IRI rules of a4p_kg.iris and holds what the project's reference tables and the hand-checked
canonical names hold, that OWL tools load it all and HermiT finds it consistent, and that the JSON-LD
context round-trips a graph.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from a4p_kg.iris import Minter
from a4p_kg.namespaces import A4P, SDG

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "a4p.ttl"
CONTEXT = ROOT / "ontology" / "context.jsonld"
REFERENCE = ROOT / "ontology" / "reference"
DATA = ROOT / "tests" / "data"
NS = str(A4P._NS)
ORG = Namespace("http://www.w3.org/ns/org#")

DECLARATION_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
                     OWL.NamedIndividual}
THEMES = ["Political solutions", "Women and peace and security", "Protection", "Safety and security",
          "Performance and accountability", "Peacebuilding and sustaining peace", "Partnerships",
          "Conduct of peacekeepers and peacekeeping operations"]
ORG_CLASS = {"regional_org": A4P.RegionalOrganization, "international_org": A4P.InternationalOrganization,
             "un_body": A4P.UNBody, "un_secretariat_unit": A4P.SecretariatUnit, "other": A4P.Organization}
POLICY_CLASS = {"policy": A4P.Policy, "other": A4P.Policy, "framework": A4P.Framework, "strategy": A4P.Strategy,
                "action_plan": A4P.ActionPlan, "system": A4P.System, "agreement": A4P.Agreement,
                "initiative": A4P.Initiative, "programme": A4P.Programme}
OPERATION_CLASS = {"un_peacekeeping": A4P.PeacekeepingMission,
                   "un_special_political_mission": A4P.SpecialPoliticalMission,
                   "au_peace_support_operation": A4P.RegionalOperation}


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


@pytest.fixture(scope="module")
def reference() -> Graph:
    graph = Graph()
    for path in sorted(REFERENCE.glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


@pytest.fixture(scope="module")
def reference_files() -> dict[str, Graph]:
    return {path.stem: Graph().parse(path, format="turtle") for path in sorted(REFERENCE.glob("*.ttl"))}


@pytest.fixture(scope="module")
def combined_rdfxml(ontology, reference, tmp_path_factory) -> Path:
    """Ontology and reference data as one RDF/XML file, the form owlready2 reads best."""
    graph = Graph()
    for triple in ontology:
        graph.add(triple)
    for triple in reference:
        graph.add(triple)
    path = tmp_path_factory.mktemp("owl") / "a4p-with-reference.owl"
    graph.serialize(path, format="xml")
    return path


def a4p_terms_declared(ontology: Graph) -> set[str]:
    return {str(s)[len(NS):] for s, _, t in ontology.triples((None, RDF.type, None))
            if isinstance(s, URIRef) and str(s).startswith(NS) and t in DECLARATION_TYPES}


def en(graph: Graph, s: URIRef, p: URIRef) -> list[str]:
    return [str(o) for o in graph.objects(s, p) if isinstance(o, Literal) and o.language == "en"]


# --------------------------------------------------------------------------- the ontology


def test_ontology_header(ontology):
    onto = URIRef("https://w3id.org/a4p/ontology")
    assert (onto, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(onto, OWL.versionIRI) == URIRef("https://w3id.org/a4p/ontology/0.1.0")
    assert str(ontology.value(onto, OWL.versionInfo)) == "0.1.0"
    assert ontology.value(onto, DCTERMS.license) == URIRef("https://www.apache.org/licenses/LICENSE-2.0")
    assert en(ontology, onto, DCTERMS.title) and en(ontology, onto, DCTERMS.description)
    vann = Namespace("http://purl.org/vocab/vann/")
    assert str(ontology.value(onto, vann.preferredNamespacePrefix)) == "a4p"
    assert str(ontology.value(onto, vann.preferredNamespaceUri)) == NS


def test_every_namespace_term_is_declared_with_label_and_definition(ontology):
    missing = []
    for name in A4P.__annotations__:
        term = URIRef(NS + name)
        types = set(ontology.objects(term, RDF.type)) & DECLARATION_TYPES
        if not types or not en(ontology, term, RDFS.label) or not en(ontology, term, SKOS.definition):
            missing.append(name)
    assert not missing, f"not declared with an English rdfs:label and skos:definition: {missing}"


def test_ontology_declares_no_term_the_namespace_lacks(ontology):
    extra = a4p_terms_declared(ontology) - set(A4P.__annotations__)
    assert not extra, f"add these to namespaces.A4P or remove them from a4p.ttl: {sorted(extra)}"


def test_properties_are_typed_once(ontology):
    both = set(ontology.subjects(RDF.type, OWL.ObjectProperty)) & set(ontology.subjects(RDF.type, OWL.DatatypeProperty))
    assert not both
    for name in A4P.__annotations__:
        term = URIRef(NS + name)
        if name[0].islower() and name not in {"themes", "commitments"}:
            assert {OWL.ObjectProperty, OWL.DatatypeProperty} & set(ontology.objects(term, RDF.type)), name


@pytest.mark.parametrize("prop, range_", [
    (A4P.value, XSD.decimal), (A4P.startYear, XSD.gYear), (A4P.endYear, XSD.gYear), (A4P.highRisk, XSD.boolean),
    (A4P.linkedGoal, A4P.Goal), (A4P.supports, SKOS.Concept), (A4P.date, RDFS.Literal),
])
def test_ranges(ontology, prop, range_):
    assert ontology.value(prop, RDFS.range) == range_


def test_number_has_no_range_because_it_is_an_integer_or_a_label(ontology):
    assert ontology.value(A4P.number, RDFS.range) is None


@pytest.mark.parametrize("prop", [A4P.number, A4P.text, A4P.startYear, A4P.endYear, A4P.value, A4P.symbol])
def test_functional(ontology, prop):
    assert (prop, RDF.type, OWL.FunctionalProperty) in ontology


def test_reuse_alignments(ontology):
    fabio = Namespace("http://purl.org/spar/fabio/")
    oa = Namespace("http://www.w3.org/ns/oa#")
    prov = Namespace("http://www.w3.org/ns/prov#")
    undo = Namespace("https://w3id.org/un/ontology/undo/")
    expected = [
        (A4P.Report, fabio.Report), (A4P.Document, undo.Document), (A4P.Resolution, undo.Resolution),
        (A4P.Organization, ORG.Organization), (A4P.PeaceOperation, ORG.Organization),
        (A4P.Theme, SKOS.Concept), (A4P.Commitment, SKOS.Concept), (A4P.Mention, oa.Annotation),
        (A4P.Mention, prov.Entity), (A4P.Observation, prov.Entity), (A4P.SupportEvidence, prov.Entity),
        (A4P.Recommendation, prov.Entity), (A4P.Build, prov.Activity),
    ]
    for sub, sup in expected:
        assert (sub, RDFS.subClassOf, sup) in ontology, (sub, sup)


def test_disjointness(ontology):
    def disjoint(a, b):
        if (a, OWL.disjointWith, b) in ontology or (b, OWL.disjointWith, a) in ontology:
            return True
        for node in ontology.subjects(RDF.type, OWL.AllDisjointClasses):
            members = set(ontology.items(ontology.value(node, OWL.members)))
            if {a, b} <= members:
                return True
        return False

    pairs = [(A4P.PeaceOperation, A4P.Organization), (A4P.Organization, A4P.Place), (A4P.Country, A4P.Territory),
             (A4P.Theme, A4P.Commitment), (A4P.Paragraph, A4P.Section), (A4P.Report, A4P.Figure),
             (A4P.PeacekeepingMission, A4P.SpecialPoliticalMission), (A4P.SpecialPoliticalMission, A4P.RegionalOperation),
             (A4P.Policy, A4P.Document)]
    for a, b in pairs:
        assert disjoint(a, b), (a, b)


def test_concept_schemes_are_individuals(ontology):
    for scheme in (A4P.themes, A4P.commitments):
        assert (scheme, RDF.type, OWL.NamedIndividual) in ontology
        assert (scheme, RDF.type, SKOS.ConceptScheme) in ontology


# --------------------------------------------------------------------------- the reference data


def test_reference_uses_only_declared_a4p_terms(ontology, reference):
    declared = a4p_terms_declared(ontology)
    used = {str(t)[len(NS):] for triple in reference for t in triple
            if isinstance(t, URIRef) and str(t).startswith(NS)}
    assert used - declared == set()


def test_reference_properties_are_declared(ontology, reference):
    """Every predicate of the reference data is typed in the ontology (or built into RDF, RDFS, OWL)."""
    builtin = {RDF.type, RDFS.comment, RDFS.label, RDFS.seeAlso}
    typed = {s for s, _, t in ontology.triples((None, RDF.type, None))
             if t in {OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}}
    assert set(reference.predicates()) - typed - builtin == set()


def test_reference_subjects_are_typed_with_a_label(reference_files):
    for name, graph in reference_files.items():
        for s in set(graph.subjects()):
            assert isinstance(s, URIRef), f"{name}: blank node subject"
            assert graph.value(s, RDF.type) is not None, f"{name}: {s} has no type"
            assert len(en(graph, s, SKOS.prefLabel)) == 1, f"{name}: {s} needs one English skos:prefLabel"


def test_themes(reference):
    m = Minter()
    for order, name in enumerate(THEMES, 1):
        theme = m.theme(name)
        assert (theme, RDF.type, A4P.Theme) in reference
        assert en(reference, theme, SKOS.prefLabel) == [name]
        assert reference.value(theme, A4P.order) == Literal(order)
        assert (theme, SKOS.topConceptOf, A4P.themes) in reference
    assert len(set(reference.subjects(RDF.type, A4P.Theme))) == 8


def test_commitments(reference):
    structure = read_csv(DATA / "eval" / "structure.csv")
    headings = {(r["section_number"], r["subsection_title"], r["subsubsection_title"]) for r in structure}
    m = Minter()
    commitments = set(reference.subjects(RDF.type, A4P.Commitment))
    assert len(commitments) == 40  # 26 lettered areas and 14 numbered ones in A/74/533
    labels = set()
    for c in commitments:
        (label,) = en(reference, c, SKOS.prefLabel)
        labels.add(label)
        assert c == m.commitment(label)
        assert (c, SKOS.inScheme, A4P.commitments) in reference
        broader = reference.value(c, SKOS.broader)
        theme = reference.value(c, A4P.theme)
        assert (theme, RDF.type, A4P.Theme) in reference
        assert broader == theme or (broader, RDF.type, A4P.Commitment) in reference
        if broader != theme:
            assert reference.value(broader, A4P.theme) == theme
    printed = {t for _, sub, subsub in headings for t in (sub, subsub) if t}
    assert labels <= printed, labels - printed
    assert "Gender parity" in labels and "Aviation" in labels
    assert not any(label == "Overview" or label.startswith("Overall assessment") for label in labels)


def test_goals(reference):
    goals = read_csv(DATA / "reference" / "sdg_goals.csv")
    assert len(set(reference.subjects(RDF.type, A4P.Goal))) == 17
    for row in goals:
        goal = SDG[row["goal"]]
        assert str(goal) == row["iri"]
        assert (goal, RDF.type, A4P.Goal) in reference and (goal, RDF.type, SKOS.Concept) in reference
        assert str(reference.value(goal, SKOS.notation)) == row["goal"]
        assert en(reference, goal, SKOS.prefLabel) == [row["short_title"]]
        assert reference.value(goal, A4P.linkedGoal) is None


def test_operations(reference):
    m = Minter()
    rows = read_csv(DATA / "reference" / "peace_operations.csv")
    assert len(rows) == 19
    for row in rows:
        op = m.operation(row["acronym"])
        assert (op, RDF.type, OPERATION_CLASS[row["kind"]]) in reference, row["acronym"]
        assert en(reference, op, SKOS.prefLabel) == [row["name"]]
        assert str(reference.value(op, A4P.acronym)) == row["acronym"]
        assert reference.value(op, A4P.startYear) == Literal(row["start_year"], datatype=XSD.gYear)
        end = reference.value(op, A4P.endYear)
        assert end == (Literal(row["end_year"], datatype=XSD.gYear) if row["end_year"] else None)
        hosts = set(reference.objects(op, A4P.host))
        codes = row["host_iso3166"].split("|") if row["host_iso3166"] else [row["host"]]
        assert hosts == {m.country(code) for code in codes}, row["acronym"]
        for host in hosts:
            assert reference.value(host, RDF.type) in {A4P.Country, A4P.Territory}
        assert str(reference.value(op, A4P.hostLabel)) == row["host"]


def test_report_names_of_operations_are_labels(reference):
    m = Minter()
    assert "United Nations Integrated Office for Haiti" in en(reference, m.operation("BINUH"), SKOS.altLabel)
    assert "United Nations Mission in the Republic of South Sudan" in en(reference, m.operation("UNMISS"), SKOS.altLabel)
    assert (m.operation("BINUH"), DCTERMS.replaces, m.operation("MINUJUSTH")) in reference
    assert (m.operation("MINUSTAH"), DCTERMS.isReplacedBy, m.operation("MINUJUSTH")) in reference


def test_places(reference):
    m = Minter()
    for country in reference.subjects(RDF.type, A4P.Country):
        code = str(reference.value(country, A4P.isoCode))
        assert country == m.country(code)
    for code in ["CF", "ML", "CD", "SS", "SD", "HT", "LB", "CY", "SO", "UG", "IT", "GH", "CN", "ET", "BR", "MA", "VN"]:
        assert (m.country(code), RDF.type, A4P.Country) in reference, code
    for name in ["Kosovo", "Abyei"]:
        assert (m.country(name), RDF.type, A4P.Territory) in reference
        assert reference.value(m.country(name), A4P.isoCode) is None


def test_canonical_organizations(reference):
    m = Minter()
    for row in read_csv(DATA / "eval" / "org_canonical.csv"):
        org = m.organization(row["canonical"])
        assert en(reference, org, SKOS.prefLabel) == [row["canonical"]], row["canonical"]
        assert (org, RDF.type, ORG_CLASS[row["type"]]) in reference, row["canonical"]


def test_organizations_named_after_paragraph_85(reference):
    labels = {str(o) for s in reference.subjects(RDF.type, None) for o in reference.objects(s, SKOS.prefLabel)}
    for name in ["Police Division", "Office of the United Nations High Commissioner for Human Rights",
                 "Standing Police Capacity", "Justice and Corrections Standing Capacity", "Peacebuilding Fund",
                 "Peacebuilding Commission", "Office of Internal Oversight Services", "Department of Safety and Security",
                 "North Atlantic Treaty Organization", "Association of Southeast Asian Nations"]:
        assert name in labels, name


def test_organization_labels_are_no_bare_back_references(reference):
    weak = {"the Division", "the Board", "Council", "the Commission", "the Mission"}
    for org in reference.subjects(RDF.type, None):
        assert not weak & set(en(reference, org, SKOS.altLabel)), org


def test_interpol(reference):
    interpol = Minter().organization("INTERPOL")
    assert en(reference, interpol, SKOS.prefLabel) == ["INTERPOL"]
    assert "International Criminal Police Organization" in en(reference, interpol, SKOS.altLabel)


def test_canonical_policies(reference):
    m = Minter()
    for row in read_csv(DATA / "eval" / "policy_canonical.csv"):
        policy = m.policy(row["canonical"])
        assert en(reference, policy, SKOS.prefLabel) == [row["canonical"]], row["canonical"]
        assert (policy, RDF.type, POLICY_CLASS[row["kind"]]) in reference, row["canonical"]
    acronyms = {str(o) for o in reference.objects(None, A4P.acronym)}
    assert {"CPAS", "HRDDP", "UNISS", "PCRS"} <= acronyms


def test_policies_named_after_paragraph_85(reference):
    labels = {str(o) for s in reference.subjects(RDF.type, None) for o in reference.objects(s, SKOS.prefLabel)}
    for name in ["Peacekeeping Capability Readiness System", "triangular partnership project",
                 "policy on authority, command and control in United Nations peacekeeping operations",
                 "environment strategy for field missions"]:
        assert name in labels, name


def test_entity_iris_follow_the_minter(reference):
    m = Minter()
    mint = {A4P.Organization: m.organization, A4P.Policy: m.policy, A4P.Addressee: m.addressee}
    subclasses = {A4P.RegionalOrganization: A4P.Organization, A4P.InternationalOrganization: A4P.Organization,
                  A4P.UNBody: A4P.Organization, A4P.SecretariatUnit: A4P.Organization}
    subclasses.update({c: A4P.Policy for c in POLICY_CLASS.values()})
    for s, cls in reference.subject_objects(RDF.type):
        kind = subclasses.get(cls, cls)
        if kind in mint:
            (label,) = en(reference, s, SKOS.prefLabel)
            assert s == mint[kind](label), s
    organizations = {s for s, c in reference.subject_objects(RDF.type) if subclasses.get(c, c) == A4P.Organization}
    assert len(organizations) >= 50


def test_addressees(reference):
    m = Minter()
    for name in ["Member States", "troop- and police-contributing countries", "Secretariat", "Security Council",
                 "host Governments"]:
        assert (m.addressee(name), RDF.type, A4P.Addressee) in reference


# --------------------------------------------------------------------------- OWL tools


def _reason(path: Path, extra: str | None = None):
    """Load into a fresh owlready2 world and run HermiT; returns the world.

    xsd:gYear (a4p:startYear, a4p:endYear) is outside the OWL 2 datatype map, which is all HermiT supports;
    HermiT is told to ignore such datatypes rather than stop.
    """
    import owlready2

    if extra:
        graph = Graph().parse(path, format="xml")
        graph.parse(data=extra, format="turtle")
        path = path.with_name(path.stem + "-extra.owl")
        graph.serialize(path, format="xml")
    world = owlready2.World()
    world.get_ontology(path.as_uri()).load()
    owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0, ignore_unsupported_datatypes=True)
    return world


needs_java = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT (owlready2) needs Java: `java` is not on PATH")


def test_owlready2_loads_ontology_and_reference(combined_rdfxml):
    import owlready2

    world = owlready2.World()
    onto = world.get_ontology(combined_rdfxml.as_uri()).load()
    assert world[str(A4P.PeaceOperation)] is not None
    assert world[str(Minter().operation("MINUSCA"))] is not None
    assert len(list(onto.classes())) >= 45


@needs_java
@pytest.mark.slow
def test_hermit_finds_ontology_and_reference_consistent(combined_rdfxml):
    world = _reason(combined_rdfxml)
    assert list(world.inconsistent_classes()) == []


PREFIXES = """@prefix a4p: <https://w3id.org/a4p/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@base <https://w3id.org/a4p/id/> .
"""


@needs_java
@pytest.mark.slow
def test_hermit_classifies_high_risk_missions(combined_rdfxml):
    world = _reason(combined_rdfxml, PREFIXES + "<operation/MINUSCA> a4p:highRisk true .")
    minusca = world[str(Minter().operation("MINUSCA"))]
    assert world[str(A4P.HighRiskMission)] in minusca.is_a


@needs_java
@pytest.mark.slow
@pytest.mark.parametrize("clash", [
    "<operation/MINUSCA> a a4p:Organization .",  # a peace operation is no partner organization
    "<operation/MINUSCA> a4p:host <org/african-union> .",  # a host is a place, and organizations are no places
    '<operation/MINUSCA> a4p:acronym "MINUSCA-2" .',  # an operation has at most one acronym
])
def test_hermit_detects_clashes(combined_rdfxml, clash):
    import owlready2

    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        _reason(combined_rdfxml, PREFIXES + clash)


# --------------------------------------------------------------------------- JSON-LD context


@pytest.fixture(scope="module")
def context() -> dict:
    return json.loads(CONTEXT.read_text(encoding="utf-8"))["@context"]


def test_context_names_every_term(ontology, context):
    for name in A4P.__annotations__:
        entry = context.get(name)
        iri = entry if isinstance(entry, str) else (entry or {}).get("@id")
        assert iri == f"a4p:{name}", name
        term = URIRef(NS + name)
        if (term, RDF.type, OWL.ObjectProperty) in ontology:
            assert entry.get("@type") == "@id", name
        if (term, RDF.type, OWL.DatatypeProperty) in ontology:
            assert isinstance(entry, dict) and entry.get("@type") != "@id", name
    assert context["a4p"] == NS
    assert context["@version"] == 1.1


def test_context_round_trips_a_graph(reference, context):
    m = Minter()
    nif = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    itsrdf = Namespace("http://www.w3.org/2005/11/its/rdf#")
    graph = Graph()
    for s in [m.operation("MINUSCA"), m.theme("Protection"), m.commitment("Gender parity")]:
        for triple in reference.triples((s, None, None)):
            graph.add(triple)
    para = m.paragraph("A/74/533", 26)
    mention = m.in_paragraph("A/74/533", 26, "mention", "280-287")
    obs = m.in_paragraph("A/74/533", 18, "observation", "216")
    graph.add((para, RDF.type, A4P.Paragraph))
    graph.add((para, A4P.number, Literal(26)))
    graph.add((para, A4P.text, Literal("On political solutions, MINUSCA ...", lang="en")))
    graph.add((para, A4P.mentions, m.operation("MINUSCA")))
    graph.add((mention, RDF.type, A4P.Mention))
    graph.add((mention, nif.referenceContext, para))
    graph.add((mention, nif.beginIndex, Literal(280, datatype=XSD.nonNegativeInteger)))
    graph.add((mention, nif.endIndex, Literal(287)))
    graph.add((mention, nif.anchorOf, Literal("MINUSCA")))
    graph.add((mention, itsrdf.taIdentRef, m.operation("MINUSCA")))
    graph.add((obs, RDF.type, A4P.Observation))
    graph.add((obs, A4P.value, Literal("216000000", datatype=XSD.decimal)))
    graph.add((obs, A4P.unit, Literal("USD")))
    graph.add((obs, A4P.date, Literal("2019-03", datatype=XSD.gYearMonth)))
    graph.add((obs, A4P.about, BNode()))
    text = graph.serialize(format="json-ld", context=context)
    assert '"@context"' in text and '"Paragraph"' in text
    back = Graph().parse(data=text, format="json-ld")
    assert isomorphic(graph, back)
