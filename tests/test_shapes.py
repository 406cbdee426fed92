"""The SHACL shapes: standard SHACL Core with a human message on every shape; every shape and check accepts
the valid examples and rejects its own invalid example, alone; the built graph conforms."""

from __future__ import annotations

import pytest
from rdflib import BNode, Graph, Literal, URIRef

from a4p_kg.namespaces import A4P, OWL, RDF, RDFS, SH, SKOS
from a4p_kg.validate import SHAPES_NS, checks, data_graph, ontology_graph, shapes_graph, validate_dataset
from shapes.examples import base, examples

VALID = examples("valid")
INVALID = examples("invalid")

#: SHACL Core vocabulary that the shapes may use (https://www.w3.org/TR/shacl/#core-components); nothing of
#: SHACL-SPARQL (sh:sparql, sh:select), SHACL-AF (sh:rule, sh:expression) or a validator's own dialect
CORE = {SH[t] for t in (
    "targetClass targetNode targetSubjectsOf targetObjectsOf path property node message severity deactivated "
    "class datatype nodeKind minCount maxCount minExclusive minInclusive maxExclusive maxInclusive minLength "
    "maxLength pattern flags languageIn uniqueLang equals disjoint lessThan lessThanOrEquals not and or xone "
    "qualifiedValueShape qualifiedMinCount qualifiedMaxCount closed ignoredProperties hasValue in name "
    "description order group defaultValue inversePath alternativePath zeroOrMorePath oneOrMorePath "
    "zeroOrOnePath").split()}


def targeted_shapes(shapes: Graph) -> dict[str, set[tuple[URIRef, URIRef]]]:
    """Shape name -> its targets (target predicate, value): the shapes that can fail on their own."""
    out: dict[str, set] = {}
    for pred in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode):
        for shape, value in shapes.subject_objects(pred):
            out.setdefault("shape:" + str(shape)[len(SHAPES_NS):], set()).add((pred, value))
    return out


def rules() -> set[str]:
    return set(targeted_shapes(shapes_graph())) | {c.shape for c in checks()}


def test_shapes_use_only_shacl_core():
    shapes = shapes_graph()
    used = {p for p in shapes.predicates() if str(p).startswith(str(SH))}
    used |= {o for o in shapes.objects(predicate=RDF.type) if str(o).startswith(str(SH))} - {
        SH.NodeShape, SH.PropertyShape}
    assert used <= CORE, f"not SHACL Core: {sorted(used - CORE)}"


def test_every_shape_is_named_and_has_a_message_in_english():
    shapes = shapes_graph()
    named = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(RDF.type, SH.PropertyShape))
    referenced = set(shapes.objects(predicate=SH.node)) | set(shapes.objects(predicate=SH.property))
    targeted = {s for p in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)
                for s in shapes.subjects(p)}
    for shape in named | referenced | targeted:
        assert isinstance(shape, URIRef) and str(shape).startswith(SHAPES_NS), f"unnamed shape: {shape}"
        messages = [m for m in shapes.objects(shape, SH.message) if isinstance(m, Literal) and m.language == "en"]
        assert len(messages) == 1 and len(str(messages[0])) > 30, f"{shape} needs one sh:message in English"
    assert len(targeted) > 100  # a rule per property of every class, not a handful


def test_every_shape_and_check_has_an_invalid_example():
    covered = {ex.rule for ex in INVALID}
    assert rules() - covered == set(), "rules without an invalid example in tests/shapes/invalid/"
    assert covered - rules() == set(), "invalid examples named after rules that do not exist"


def test_every_shape_applies_to_the_valid_example():
    """A shape whose targets are absent from the valid example is not exercised by it."""
    data = data_graph(base().graph())
    for name, targets in targeted_shapes(shapes_graph()).items():
        found = False
        for pred, value in targets:
            if pred == SH.targetClass:
                found |= bool(data.query("ASK { ?x a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* ?c }",
                                         initBindings={"c": value}))
            elif pred == SH.targetSubjectsOf:
                found |= (None, value, None) in data
        assert found, f"{name} has no focus node in tests/shapes/valid/report.ttl"


def test_every_class_the_model_uses_has_shapes():
    targets = {v for p, v in set().union(*targeted_shapes(shapes_graph()).values()) if p == SH.targetClass}
    onto = ontology_graph()
    for cls in onto.subjects(RDF.type, OWL.Class):
        if not str(cls).startswith(str(A4P._NS)) or cls in (A4P.HighRiskMission,):
            continue  # a defined class: its members are peacekeeping missions, checked as such
        supers = {cls} | set(onto.transitive_objects(cls, RDFS.subClassOf))
        assert supers & targets, f"no shape targets {cls} or a superclass of it"


@pytest.mark.parametrize("example", VALID, ids=lambda e: e.name)
def test_valid_example_conforms(example):
    report = validate_dataset(example.graph())
    assert report.conforms, report.to_text()


@pytest.mark.parametrize("example", INVALID, ids=lambda e: e.name)
def test_invalid_example_fails_with_its_rule_and_no_other(example):
    report = validate_dataset(example.graph())
    assert not report.conforms
    assert {r.shape for r in report.results} == {example.rule}, report.to_text()
    assert all(r.message and r.severity == "Violation" for r in report.results)


def test_results_carry_the_shape_message_and_the_paragraph():
    example = next(e for e in INVALID if e.name == "Observation-quote__missing")
    (result,) = validate_dataset(example.graph()).results
    assert result.message == str(shapes_graph().value(URIRef(SHAPES_NS + "Observation-quote"), SH.message))
    assert result.paragraph == URIRef("https://w3id.org/a4p/id/report/A-99-100/para/2")
    assert result.paragraph_label == "A/99/100 para. 2"
    assert result.path == A4P.quote


def test_a_blank_value_shape_failure_is_reported_on_the_rule_that_uses_it():
    example = next(e for e in INVALID if e.name == "GoalLink-goal__goal_18")
    shapes = {r.shape for r in validate_dataset(example.graph()).results}
    assert shapes == {"shape:GoalLink-goal"}  # not shape:SdgIri, which pySHACL lists as a detail


@pytest.fixture(scope="module")
def built():
    from a4p_kg.build import build_dataset
    from support import SEED

    return build_dataset([SEED])


def test_built_graph_conforms(built):
    report = validate_dataset(built.dataset)
    assert report.conforms, report.to_text()[:6000]


def test_built_graph_classes_all_have_shapes(built):
    """Every a4p class an instance of the built graph has is targeted by some shape."""
    targets = {v for p, v in set().union(*targeted_shapes(shapes_graph()).values()) if p == SH.targetClass}
    onto = ontology_graph()
    used = {o for _, _, o, _ in built.dataset.quads((None, RDF.type, None, None)) if str(o).startswith(str(A4P._NS))}
    for cls in used - {A4P.HighRiskMission}:
        assert ({cls} | set(onto.transitive_objects(cls, RDFS.subClassOf))) & targets, cls


def test_theme_list_is_closed_under_any_base_iri():
    """The eight themes are checked by their IRI's tail, so a rebased graph (--base-iri) still conforms."""
    g = Graph()
    ex = base().graph()
    old, new = "https://w3id.org/a4p/id/", "https://example.org/data/"
    for s, p, o in ex:
        g.add(tuple(URIRef(str(t).replace(old, new)) if isinstance(t, URIRef) else t for t in (s, p, o)))
    report = validate_dataset(g, base=new)
    assert report.conforms, report.to_text()
    g.add((URIRef(new + "theme/gender"), RDF.type, A4P.Theme))
    assert "shape:ThemeShape" in {r.shape for r in validate_dataset(g, base=new).results}


def test_skos_labels_are_checked_per_language():
    example = next(e for e in INVALID if e.name == "Policy-prefLabel__two_in_english").graph()
    policy = URIRef("https://w3id.org/a4p/id/policy/policy-on-the-protection-of-civilians")
    example.remove((policy, SKOS.prefLabel, Literal("POC policy", lang="en")))
    example.add((policy, SKOS.prefLabel, Literal("politique de protection des civils", lang="fr")))
    assert validate_dataset(example).conforms
    assert not isinstance(policy, BNode)
