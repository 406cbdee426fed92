"""`a4p-kg build`: exports that load anywhere, byte-identical rebuilds, clean refusal of bad input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from a4p_kg.cli import main
from a4p_kg.errors import EXIT_BAD_INPUT

from support import ROOT, SEED, SMALL

EXPORTS = ("a4p.ttl", "a4p.nt", "a4p.trig", "a4p.jsonld")
A4P = "https://w3id.org/a4p/ontology#"


def test_build_writes_every_export(built_graph_dir):
    assert sorted(p.name for p in built_graph_dir.iterdir()) == sorted(EXPORTS)


def test_turtle_parses_in_rdflib_and_pyoxigraph(built_graph_dir):
    import pyoxigraph

    g = Graph().parse(built_graph_dir / "a4p.ttl", format="turtle")
    store = pyoxigraph.Store()
    store.load(path=str(built_graph_dir / "a4p.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(g) > 3000


def test_jsonld_and_trig_round_trip_to_the_same_graph(built_graph_dir):
    ttl = Graph().parse(built_graph_dir / "a4p.ttl", format="turtle")
    jsonld = Graph().parse(built_graph_dir / "a4p.jsonld", format="json-ld")
    ds = Dataset()
    ds.parse(built_graph_dir / "a4p.trig", format="trig")
    trig_union = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        trig_union.add((s, p, o))
    nt = Graph().parse(built_graph_dir / "a4p.nt", format="nt")
    assert isomorphic(ttl, jsonld)
    assert isomorphic(ttl, trig_union)
    assert isomorphic(ttl, nt)


def test_jsonld_uses_the_local_context_not_a_remote_one(built_graph_dir):
    data = json.loads((built_graph_dir / "a4p.jsonld").read_text(encoding="utf-8"))
    local = json.loads((ROOT / "ontology" / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert data["@context"] == local
    assert isinstance(data["@context"], dict)  # inline, so nothing is fetched to read the file


def test_trig_has_one_named_graph_per_report_plus_reference_and_provenance(built_graph_dir):
    ds = Dataset()
    ds.parse(built_graph_dir / "a4p.trig", format="trig")
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert {"https://w3id.org/a4p/id/graph/report/A-74-533", "https://w3id.org/a4p/id/graph/reference",
            "https://w3id.org/a4p/id/graph/provenance"} <= names


def test_paragraph_text_and_structure_are_in_the_graph(built_graph_dir):
    g = Graph().parse(built_graph_dir / "a4p.ttl", format="turtle")
    rows = list(g.query("""
        PREFIX a4p: <https://w3id.org/a4p/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?text ?sec ?sub ?top ?report WHERE {
          ?p a4p:number 13 ; a4p:text ?text ; dcterms:isPartOf ?s .
          ?s a4p:number ?sec ; dcterms:isPartOf ?up . ?up a4p:number ?top ; dcterms:isPartOf ?r .
          ?r dcterms:identifier ?report . BIND("" AS ?sub) }"""))
    assert len(rows) == 1
    text, sec, _, top, report = rows[0]
    assert "established in January 2019 to support" in str(text)
    assert (str(sec), str(top), str(report)) == ("C", "II", "A/74/533")


def test_provenance_names_software_and_input_hash_without_wall_clock(built_graph_dir):
    g = Graph().parse(built_graph_dir / "a4p.ttl", format="turtle")
    sha = json.loads((ROOT / "seeds" / "A-74-533.json").read_text())["sha256"]
    assert any(str(o) == sha for o in g.objects(None, g.namespace_manager.expand_curie("a4p:sha256")))
    assert "endedAtTime" not in (built_graph_dir / "a4p.ttl").read_text(encoding="utf-8")


def _build(out: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "a4p_kg.cli", "build", "--quiet", "--out", str(out), *extra],
                          capture_output=True, text=True, env={**os.environ, **(env or {})}, cwd=ROOT)


@pytest.mark.slow
def test_two_builds_are_byte_identical_even_with_other_hash_seeds(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert _build(a, env={"PYTHONHASHSEED": "1"}).returncode == 0
    assert _build(b, env={"PYTHONHASHSEED": "2"}).returncode == 0
    for name in EXPORTS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_source_date_epoch_puts_the_build_time_in_provenance(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert main(["build", "--quiet", "--out", str(tmp_path / "g"), str(SMALL)]) == 0
    assert "2023-11-14T22:13:20" in (tmp_path / "g" / "a4p.ttl").read_text(encoding="utf-8")


def test_base_iri_moves_data_and_reference_iris(tmp_path):
    assert main(["build", "--quiet", "--out", str(tmp_path / "g"), "--base-iri", "http://example.org/pk/",
                 str(SMALL)]) == 0
    text = (tmp_path / "g" / "a4p.nt").read_text(encoding="utf-8")
    assert "<http://example.org/pk/report/A-76-999/para/3>" in text
    assert "<http://example.org/pk/operation/UNISFA>" in text
    assert "https://w3id.org/a4p/id/" not in text


def test_report_outside_seeds_takes_symbol_option(tmp_path):
    report = tmp_path / "other.txt"
    shutil.copy(SMALL, report)
    assert main(["build", "--quiet", "--out", str(tmp_path / "g"), "--symbol", "A/76/111", str(report)]) == 0
    assert "report/A-76-111/para/8" in (tmp_path / "g" / "a4p.nt").read_text(encoding="utf-8")


# ---- bad input: one line naming the file and the problem, exit 2, graph folder untouched

def _latin1(p: Path) -> None:
    p.write_bytes(SMALL.read_text(encoding="utf-8").replace("Summary", "Résumé").encode("latin-1", "replace")
                  + "Côte d'Ivoire".encode("latin-1"))


BAD_INPUTS = {
    "empty": (lambda p: p.write_text(""), "is empty"),
    "binary": (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))), "binary"),
    "latin1": (_latin1, "is not UTF-8"),
    "html": (lambda p: p.write_text("<!DOCTYPE html><html><body><p>1. Text</p></body></html>"), "HTML"),
    "no_paragraphs": (lambda p: p.write_text("I. Context\n\nSome prose without numbers.\n"), "no numbered paragraphs"),
    "duplicated": (lambda p: p.write_text("I. Context\n\n1. One.\n\n2. Two.\n\n2. Two again.\n"), "appears twice"),
    "out_of_order": (lambda p: p.write_text("I. Context\n\n1. One.\n\n3. Three.\n\n2. Two.\n"), "out of order"),
    "missing": (lambda p: None, "no such file"),
    "directory": (lambda p: p.mkdir(), "is a directory"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_gets_one_line_exit_2_and_keeps_previous_output(case, tmp_path, capsys):
    out = tmp_path / "graph"
    out.mkdir()
    (out / "a4p.ttl").write_text("previous build\n")
    make, problem = BAD_INPUTS[case]
    report = tmp_path / f"{case}.txt"
    make(report)
    code = main(["build", "--out", str(out), "--symbol", "A/1/1", str(report)])
    err = capsys.readouterr().err
    assert code == EXIT_BAD_INPUT
    assert err.count("\n") == 1 and str(report) in err and problem in err, err
    assert "Traceback" not in err
    assert sorted(p.name for p in out.iterdir()) == ["a4p.ttl"]
    assert (out / "a4p.ttl").read_text() == "previous build\n"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".graph.")]


def test_seed_whose_text_no_longer_matches_its_sha256_is_refused(tmp_path, capsys):
    report = tmp_path / "A-74-533.txt"
    report.write_text(SEED.read_text(encoding="utf-8").replace("90,000", "95,000"), encoding="utf-8")
    shutil.copy(SEED.with_suffix(".json"), tmp_path / "A-74-533.json")
    assert main(["build", "--out", str(tmp_path / "g"), str(report)]) == EXIT_BAD_INPUT
    assert "does not match the sha256" in capsys.readouterr().err
    assert not (tmp_path / "g").exists()


def test_report_without_symbol_is_refused(tmp_path, capsys):
    report = tmp_path / "r.txt"
    shutil.copy(SMALL, report)
    assert main(["build", "--out", str(tmp_path / "g"), str(report)]) == EXIT_BAD_INPUT
    assert "has no symbol" in capsys.readouterr().err
