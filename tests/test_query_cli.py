"""``a4p-kg query``, ``a4p-kg sparql`` and ``a4p-kg publish`` as a user runs them (in-process), with their
documented exit codes: 0 answered, 2 bad input (query, parameter, file, store), 3 endpoint."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from a4p_kg.cli import main
from a4p_kg.tallies import refresh as refresh_tallies

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    """An embedded store on disk holding the hand-written sample graph and the reference data."""
    from a4p_kg.reference import load_reference
    from a4p_kg.store import EmbeddedStore

    folder = tmp_path_factory.mktemp("cli") / "store"
    with EmbeddedStore.open(folder) as s:
        s.load_quads((ROOT / "tests" / "golden" / "sample.trig").read_bytes(), format="trig")
        s.replace_graph("https://w3id.org/a4p/id/graph/reference",
                        load_reference().serialize(format="nt", encoding="utf-8"))
        refresh_tallies(s)  # as a build's store fill does
        s.flush()
    return str(folder)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_names_every_query_with_its_summary_and_parameters(capsys):
    from a4p_kg import queries

    code, out, _ = run(capsys, "query", "--list")
    assert code == 0
    for q in queries.list_queries():
        assert f"{q.name}\n    {q.summary}" in out
    assert "params: mission=MINUSCA, report?=A/74/533" in out


def test_table_is_aligned_with_labels(capsys, store_dir):
    code, out, err = run(capsys, "query", "commitments_by_mission", "--param", "mission=MINUSCA",
                         "--store", store_dir)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["theme", "commitment"]
    assert set(lines[1]) <= {"-", " "}
    assert "Political solutions" in out and "African Union; Economic Community of Central African States" in out
    assert "https://" not in out
    assert lines[-1] == "(4 rows)"


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json"])
def test_machine_formats(capsys, store_dir, fmt):
    code, out, _ = run(capsys, "query", "missions_by_theme", "-p", "theme=id:theme/political-solutions",
                       "--format", fmt, "--store", store_dir)
    assert code == 0
    if fmt == "json":
        doc = json.loads(out)
        assert doc["head"]["vars"][0] == "mission"
        assert {b["mission"]["value"].rsplit("/", 1)[1] for b in doc["results"]["bindings"]} == {
            "MINUSCA", "MINUSMA", "UNMISS"}
    elif fmt == "csv":
        assert out.splitlines()[0] == "mission,missionLabel,theme,themeLabel,report,evidence,areas,paragraphs"
        assert len(out.splitlines()) == 4
    else:
        assert out.splitlines()[0].startswith("?mission\t?missionLabel")
        assert "<https://w3id.org/a4p/id/operation/MINUSMA>\t\"MINUSMA\"" in out


@pytest.mark.parametrize("argv, message", [
    (["query", "no_such_query"], "unknown query 'no_such_query'"),
    (["query"], "name a query"),
    (["query", "commitments_by_mission"], "needs --param mission=VALUE"),
    (["query", "commitments_by_mission", "-p", "mision=MINUSCA"], "has no parameter 'mision'"),
    (["query", "commitments_by_mission", "-p", "mission"], "--param takes NAME=VALUE"),
    (["query", "commitments_by_mission", "-p", "mission=NOSUCHMISSION"], "no entity is named 'NOSUCHMISSION'"),
    (["query", "commitments_by_mission", "-p", "mission=<http://e/a b>"], "not a valid IRI"),
])
def test_bad_input_is_one_clear_line_and_exit_2(capsys, store_dir, argv, message):
    code, out, err = run(capsys, *argv, "--store", store_dir)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and message in err


def test_unreachable_endpoint_is_one_clear_line_and_exit_3(capsys, monkeypatch):
    monkeypatch.setenv("A4P_ENDPOINT_PASSWORD", "s3cret-pw")
    code, out, err = run(capsys, "query", "reports", "--endpoint", "http://127.0.0.1:9/sparql", "--timeout", "5")
    assert code == 3 and out == ""
    assert err.count("\n") == 1 and "cannot reach http://127.0.0.1:9/sparql" in err
    assert "s3cret-pw" not in err


def test_a_missing_store_is_exit_2(capsys, tmp_path):
    code, _, err = run(capsys, "query", "reports", "--store", str(tmp_path / "none"))
    assert code == 2 and "holds no store" in err


def test_sparql_from_a_file_and_from_standard_input(capsys, store_dir, tmp_path, monkeypatch):
    f = tmp_path / "q.rq"
    f.write_text("PREFIX a4p: <https://w3id.org/a4p/ontology#>\n"
                 "SELECT ?s WHERE { ?r a a4p:Report ; a4p:symbol ?s } ORDER BY ?s\n", encoding="utf-8")
    code, out, _ = run(capsys, "sparql", str(f), "--store", store_dir, "--format", "csv")
    assert code == 0 and out == "s\nX/SAMPLE/1\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO("ASK { ?s a <https://w3id.org/a4p/ontology#Report> }"))
    code, out, _ = run(capsys, "sparql", "-", "--store", store_dir)
    assert code == 0 and out == "true\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(
        "CONSTRUCT { ?r <http://e/p> ?s } WHERE { ?r <https://w3id.org/a4p/ontology#symbol> ?s . "
        "?r a <https://w3id.org/a4p/ontology#Report> }"))
    code, out, _ = run(capsys, "sparql", "-", "--store", store_dir)
    assert code == 0 and out.strip().endswith('<http://e/p> "X/SAMPLE/1" .')


@pytest.mark.parametrize("text, message", [
    ("SELECT ?x WHERE { ?x }", "does not parse"),
    ("   ", "holds no query"),
    ("PREFIX a: <http://e/>", "has no SELECT, ASK, CONSTRUCT or DESCRIBE"),
])
def test_sparql_that_does_not_parse_is_exit_2(capsys, store_dir, monkeypatch, text, message):
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    code, out, err = run(capsys, "sparql", "-", "--store", store_dir)
    assert code == 2 and out == "" and message in err and err.count("\n") == 1


def test_sparql_file_that_cannot_be_read_is_exit_2(capsys, store_dir, tmp_path):
    code, _, err = run(capsys, "sparql", str(tmp_path / "missing.rq"), "--store", store_dir)
    assert code == 2 and "missing.rq: cannot be read" in err


def test_publish_to_an_unreachable_endpoint_is_exit_3(capsys, store_dir, monkeypatch):
    monkeypatch.setenv("A4P_ENDPOINT_USER", "dba")
    monkeypatch.setenv("A4P_ENDPOINT_PASSWORD", "s3cret-pw")
    code, out, err = run(capsys, "publish", "--endpoint", "http://127.0.0.1:9/store", "--store", store_dir,
                         "--timeout", "5")
    assert code == 3 and out == "" and "cannot reach" in err and "s3cret-pw" not in err


def test_publish_needs_named_graphs(capsys, tmp_path):
    f = tmp_path / "x.ttl"
    f.write_text("<http://e/a> <http://e/p> 1 .\n", encoding="utf-8")
    code, _, err = run(capsys, "publish", "--endpoint", "http://127.0.0.1:9/store", "--from", str(f))
    assert code == 2 and "is not TriG (.trig) or N-Quads (.nq)" in err


def test_the_query_path_imports_no_heavy_library(store_dir):
    """What a user waits for: `a4p-kg query NAME` loads neither rdflib nor owlready2, pyshacl, fastapi or
    SPARQLWrapper (the embedded store needs none of them)."""
    code = ("import sys; from a4p_kg.cli import main; "
            f"rc = main(['query', 'theme_overview', '--store', {store_dir!r}]); "
            "heavy = sorted({m.split('.')[0] for m in sys.modules} & "
            "{'rdflib', 'owlready2', 'pyshacl', 'fastapi', 'uvicorn', 'SPARQLWrapper', 'jinja2'}); "
            "print('HEAVY', heavy, rc)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "HEAVY [] 0" in proc.stdout
