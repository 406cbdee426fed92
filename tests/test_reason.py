"""OWL reasoning: HermiT finds injected contradictions and `reason` says which individuals break which axioms;
the materialized entailments agree with HermiT's; without Java `reason` says so and exits 2."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from rdflib import Graph, Literal, URIRef

from a4p_kg.cli import main
from a4p_kg.namespaces import A4P, RDF, XSD
from a4p_kg.reason import materialize, reason, reasoning_graph
from shapes.examples import base

ID = "https://w3id.org/a4p/id/"
MINUSCA = URIRef(ID + "operation/MINUSCA")
needs_java = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java (a JRE) on PATH")


def graph_with(*triples) -> Graph:
    g = Graph()
    for t in triples:
        g.add(t)
    return g


@needs_java
def test_ontology_and_reference_data_are_consistent():
    report = reason()
    assert report.consistent, report.to_text()
    assert "a4p:PeaceOperation" in report.inferred_types()  # missions are peace operations


@needs_java
def test_an_entity_both_a_mission_and_a_country_is_inconsistent():
    report = reason(graph_with((MINUSCA, RDF.type, A4P.Country)))
    assert not report.consistent
    (conflict,) = [c for c in report.conflicts if c.individual == MINUSCA]
    assert "disjoint" in conflict.axiom
    assert "a4p:PeaceOperation" in conflict.detail and "a4p:Place" in conflict.detail
    text = report.to_text()
    assert "INCONSISTENT" in text and "id:operation/MINUSCA" in text


@needs_java
def test_two_different_start_years_are_inconsistent():
    """a4p:startYear is functional; the reference data says 2014."""
    report = reason(graph_with((MINUSCA, A4P.startYear, Literal("2013", datatype=XSD.gYear))))
    assert not report.consistent
    (conflict,) = report.conflicts
    assert conflict.individual == MINUSCA
    assert conflict.axiom == "a4p:startYear is an owl:FunctionalProperty"
    assert '"2013"' in conflict.detail and '"2014"' in conflict.detail


@needs_java
def test_a_value_of_a_class_disjoint_with_the_range_is_explained():
    paragraph = URIRef(ID + "report/A-99-100/para/1")
    report = reason(graph_with((paragraph, RDF.type, A4P.Paragraph), (paragraph, A4P.theme, MINUSCA)))
    assert not report.consistent
    assert any(c.individual == MINUSCA and "rdfs:range is a4p:Theme" in c.detail for c in report.conflicts)


@needs_java
def test_cli_exit_codes_and_formats(tmp_path, capsys):
    bad = tmp_path / "bad.ttl"
    graph_with((MINUSCA, RDF.type, A4P.Country)).serialize(destination=str(bad), format="turtle")
    assert main(["reason", "--graph", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "INCONSISTENT" in out and "axiom: disjoint classes" in out
    good = tmp_path / "good.ttl"
    graph_with((MINUSCA, A4P.highRisk, Literal(True))).serialize(destination=str(good), format="turtle")
    assert main(["reason", "--graph", str(good), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["consistent"] is True
    assert data["inferred_types"]["a4p:HighRiskMission"] == ["id:operation/MINUSCA"]


def test_missing_graph_file_exits_2(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("a4p_kg.reason.shutil.which", lambda name: "/usr/bin/java")
    assert main(["reason", "--graph", str(tmp_path / "none.trig")]) == 2
    assert "none.trig: no such file" in capsys.readouterr().err


def test_without_java_reason_says_so_and_exits_2(monkeypatch, capsys):
    monkeypatch.setattr("a4p_kg.reason.shutil.which", lambda name: None)
    assert main(["reason"]) == 2
    captured = capsys.readouterr()
    assert captured.err.strip() == "a4p-kg reason: reason needs Java for HermiT; install a JRE"
    assert captured.out == ""


def test_nothing_else_needs_java_or_owlready2():
    """Validation and materialization run without Java; neither imports owlready2."""
    code = ("import sys; from rdflib import Graph; import a4p_kg.validate as v, a4p_kg.reason as r;"
            "assert 'pyshacl' not in sys.modules;"
            "g = Graph().parse(sys.argv[1]); r.materialize(g); v.validate_dataset(g);"
            "assert 'owlready2' not in sys.modules, 'owlready2 imported'")
    env = {"PATH": "/nonexistent", "PYTHONPATH": ":".join(sys.path)}
    done = subprocess.run([sys.executable, "-c", code, str(base().path)], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_materialize_returns_only_new_triples_users_need():
    g = base().graph()
    inferred = materialize(g)
    assert all(t not in g for t in inferred)
    assert (MINUSCA, RDF.type, A4P.HighRiskMission) in inferred
    assert (MINUSCA, RDF.type, A4P.PeaceOperation) in inferred
    assert (URIRef(ID + "org/african-union"), RDF.type, A4P.Organization) in inferred
    assert (URIRef(ID + "doc/S-RES-1325-2000"), RDF.type, A4P.Document) in inferred
    assert not any(str(o).startswith("http://purl.org/spar/") for o in inferred.objects())


def test_supports_theme_follows_commitment_areas_to_their_theme():
    g = base().graph()
    unamid = URIRef(ID + "operation/UNAMID")
    g.add((unamid, A4P.supports, URIRef(ID + "commitment/provision-of-physical-protection")))
    assert (unamid, A4P.supportsTheme, URIRef(ID + "theme/protection")) in materialize(g)


@needs_java
def test_materialized_triples_agree_with_hermit():
    """For the axioms the rules implement (subclass types, the defined class a4p:HighRiskMission, the chain
    a4p:supports o a4p:theme), the rules infer exactly what HermiT infers, on the reference data and a
    report graph."""
    from a4p_kg.reason import hermit

    data = reasoning_graph(base().graph())
    data.add((URIRef(ID + "operation/UNMISS"), A4P.highRisk, Literal(True)))
    data.add((URIRef(ID + "operation/UNMISS"), A4P.supports, URIRef(ID + "commitment/gender-parity")))
    consistent, by_hermit = hermit(data)
    assert consistent

    def users_need(g: Graph) -> set:
        return {(s, p, o) for s, p, o in g
                if (p == RDF.type and str(o).startswith(str(A4P._NS))) or p == A4P.supportsTheme}

    expected = users_need(by_hermit)
    assert len(expected) > 100
    assert users_need(materialize(data)) == expected
