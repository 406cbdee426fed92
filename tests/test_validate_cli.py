"""`a4p-kg validate`: a readable report grouped by shape, three formats, and exit codes 0 / 1 / 2."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph, URIRef

from a4p_kg.cli import main
from a4p_kg.namespaces import RDF, SH
from shapes.examples import base, examples

ID = "https://w3id.org/a4p/id/"


def write(tmp_path, name: str, graph: Graph, fmt: str = "turtle"):
    path = tmp_path / name
    graph.serialize(destination=str(path), format=fmt)
    return path


@pytest.fixture
def broken(tmp_path):
    """A graph with two violations of one shape and one of a check."""
    g = next(e for e in examples("invalid") if e.name == "Observation-quote__missing").graph()
    g.remove((URIRef(ID + "report/A-99-100/para/3/fact/MINUSCA-highRisk"), None, None))
    g.update(next(e for e in examples("invalid") if e.name == "check.paragraph_numbers_contiguous__gap")
             .path.read_text(encoding="utf-8"))
    for s, p, o in list(g.triples((None, URIRef("https://w3id.org/a4p/ontology#quote"), None))):
        if "/support/" in str(s):
            g.remove((s, p, o))
            break
    return write(tmp_path, "broken.ttl", g)


def test_conforming_graph_exits_0(tmp_path, capsys):
    path = write(tmp_path, "report.ttl", base().graph())
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out.startswith("conforms: no violation")


def test_violations_exit_1_with_a_report_grouped_by_shape(broken, capsys):
    assert main(["validate", str(broken)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("does not conform:")
    assert "check:paragraph_numbers_contiguous (1)" in out
    group = out.split("shape:SupportEvidence-quote (1)")[1].split("\n\n")[0]
    assert "Support evidence has exactly one quote (a4p:quote)" in group
    assert "focus:     id:report/A-99-100/para/" in group and "path:      a4p:quote" in group
    assert "paragraph: A/99/100 para." in group
    assert "shape:Observation-quote (1)" in out


def test_json_report_lists_every_result(broken, capsys):
    assert main(["validate", "--format", "json", str(broken)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["conforms"] is False and data["violations"] == len(data["results"]) == 3
    result = next(r for r in data["results"] if r["shape"] == "shape:Observation-quote")
    assert result["focus"].startswith(ID + "report/A-99-100/para/2/obs/")
    assert result["path"] == "https://w3id.org/a4p/ontology#quote"
    assert result["paragraph"] == ID + "report/A-99-100/para/2" and result["paragraph_label"] == "A/99/100 para. 2"
    assert result["component"] == "MinCountConstraintComponent"


def test_turtle_report_is_a_shacl_validation_report(broken, capsys):
    assert main(["validate", "--format", "turtle", str(broken)]) == 1
    g = Graph().parse(data=capsys.readouterr().out, format="turtle")
    report = g.value(predicate=RDF.type, object=SH.ValidationReport)
    assert report is not None and g.value(report, SH.conforms).toPython() is False
    shapes = {str(s) for s in g.objects(None, SH.sourceShape)}
    assert "https://w3id.org/a4p/shapes#Observation-quote" in shapes
    assert "https://w3id.org/a4p/checks#paragraph_numbers_contiguous" in shapes


def test_several_files_are_validated_together(tmp_path, capsys):
    """A report graph and the reference data it points at, in two files (and two formats)."""
    g = base().graph()
    reference, report = Graph(), Graph()
    for t in g:
        (reference if str(t[0]).startswith((ID + "operation/", ID + "place/")) else report).add(t)
    a = write(tmp_path, "report.nt", report, "nt")
    b = write(tmp_path, "reference.ttl", reference)
    assert main(["validate", str(a)]) == 1
    capsys.readouterr()
    assert main(["validate", str(a), str(b)]) == 0


def test_trig_dataset_is_validated_as_the_union_of_its_graphs(tmp_path, capsys):
    from rdflib import Dataset

    ds = Dataset()
    g = ds.graph(URIRef(ID + "graph/report/A-99-100"))
    for t in base().graph():
        g.add(t)
    path = tmp_path / "a4p.trig"
    ds.serialize(destination=str(path), format="trig")
    assert main(["validate", str(path)]) == 0


@pytest.mark.parametrize("content, problem", [
    (None, "no such file"),
    ("@prefix a4p: <https://w3id.org/a4p/ontology#> .\n<x> a4p:number \"1 .", "does not parse as turtle"),
])
def test_bad_input_exits_2_with_one_line_naming_the_file(tmp_path, capsys, content, problem):
    path = tmp_path / "graph.ttl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and problem in lines[0]
    assert "Traceback" not in captured.err


def test_default_graph_missing_says_to_build_first(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("A4P_HOME", str(tmp_path))
    assert main(["validate"]) == 2
    err = capsys.readouterr().err
    assert "graph/a4p.trig: no such file" in err and "a4p-kg build" in err


def test_unknown_file_kind_exits_2(tmp_path, capsys):
    path = tmp_path / "graph.csv"
    path.write_text("a,b\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    assert "unknown graph format" in capsys.readouterr().err
