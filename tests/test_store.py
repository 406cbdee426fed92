"""Where the graph lives: the persistent embedded store (named graph per report, one report rebuilt alone),
safe parameter binding, and remote endpoints that fail cleanly."""

from __future__ import annotations

import pytest

from a4p_kg.errors import BadInput, EndpointError, QueryError
from a4p_kg.store import (EmbeddedStore, RdflibStore, RemoteStore, Term, fill_from_trig, inject_values,
                          load_dataset, open_store, publish, values_clause)

REPORT_G = "https://w3id.org/a4p/id/graph/report/"
PROV_G = "https://w3id.org/a4p/id/graph/provenance"


def _count(store: EmbeddedStore, graph: str) -> int:
    res = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return int(res.rows[0][0].value)


def test_build_fills_a_persistent_store_with_one_named_graph_per_report(two_reports, tmp_path):
    counts = load_dataset(two_reports.dataset, tmp_path / "store")
    reports = sorted(g for g in counts if REPORT_G in g)
    assert len(reports) == 2
    assert counts["https://w3id.org/a4p/id/graph/entities"] > 0, "measures and documents described once"
    with EmbeddedStore.open(tmp_path / "store", read_only=True) as s:
        assert {g for g in s.graphs() if REPORT_G in g} == set(reports)
        for g in reports:
            assert _count(s, g) == counts[g]
        symbols = {r[0].value for r in s.select(
            "PREFIX a4p: <https://w3id.org/a4p/ontology#> SELECT ?s WHERE { ?r a a4p:Report ; a4p:symbol ?s } "
            "ORDER BY ?s").rows}
    assert "A/74/533" in symbols and len(symbols) == 2


def test_rebuilding_one_report_replaces_its_graph_only(two_reports, tmp_path):
    from rdflib import Dataset, URIRef

    from a4p_kg.build import build_dataset
    from support import SMALL

    load_dataset(two_reports.dataset, tmp_path / "store")
    with EmbeddedStore.open(tmp_path / "store", read_only=True) as s:
        before = {g: _count(s, g) for g in s.graphs()}
    small = build_dataset([SMALL])
    # change the small report's graph: drop one paragraph's text
    ds = Dataset()
    for g in small.dataset.graphs():
        target = ds.graph(g.identifier)
        dropped = False
        for t in g:
            if not dropped and str(t[1]).endswith("#text") and REPORT_G in str(g.identifier):
                dropped = True
                continue
            target.add(t)
    load_dataset(ds, tmp_path / "store")
    with EmbeddedStore.open(tmp_path / "store", read_only=True) as s:
        after = {g: _count(s, g) for g in s.graphs()}
        prov = s.select(f"SELECT ?s WHERE {{ GRAPH <{PROV_G}> {{ ?s a <https://w3id.org/a4p/ontology#Build> }} }} "
                        "ORDER BY ?s")
    small_graph = next(str(g.identifier) for g in small.dataset.graphs() if REPORT_G in str(g.identifier))
    seed_graph = next(g for g in before if REPORT_G in g and g != small_graph)
    assert after[seed_graph] == before[seed_graph], "the other report's graph is untouched"
    assert after[small_graph] == before[small_graph] - 1, "the rebuilt report's graph is replaced, not added to"
    assert len(prov.rows) == 2, "provenance keeps the other report's build and replaces this one's"
    assert URIRef(small_graph)


def test_a_missing_store_is_one_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("A4P_HOME", str(tmp_path))  # no graph/ to fill it from either
    with pytest.raises(BadInput, match="holds no store: run `a4p-kg build`"):
        open_store(store=tmp_path / "nothing")
    with pytest.raises(BadInput, match="holds no store"):
        EmbeddedStore.open(tmp_path / "nothing", read_only=True)


def test_the_store_can_be_filled_from_the_trig_export(two_reports, tmp_path):
    from a4p_kg.export import write_exports

    out = tmp_path / "graph"
    out.mkdir()
    write_exports(two_reports.dataset, out)
    fill_from_trig(out / "a4p.trig", tmp_path / "store")
    with EmbeddedStore.open(tmp_path / "store", read_only=True) as s:
        assert sum(1 for g in s.graphs() if REPORT_G in g) == 2


# ------------------------------------------------------------------------------------------- binding


def test_terms_are_checked_and_escaped():
    assert Term.literal('a"b\\c\nd').n3() == '"a\\"b\\\\c\\nd"'
    assert Term.literal("x", lang="en").n3() == '"x"@en'
    assert Term.literal("5", datatype="http://www.w3.org/2001/XMLSchema#integer").n3().endswith("#integer>")
    for bad in ("http://e/a b", "http://e/a>", "no-scheme", 'http://e/"x'):
        with pytest.raises(ValueError):
            Term.iri(bad).n3()
    with pytest.raises(ValueError):
        Term.literal("x", lang="en; DROP").n3()
    with pytest.raises(QueryError):
        values_clause({"bad name": Term.literal("x")})


def test_values_are_injected_outside_strings_iris_and_comments():
    q = ('PREFIX e: <http://e/x#> # a comment with { braces }\n'
         'SELECT ?s WHERE { ?s e:p "a { string }" . { SELECT ?s WHERE { ?s ?p ?o } } } ORDER BY ?s')
    out = inject_values(q, {"s": Term.iri("http://e/1")})
    assert out.count("VALUES (?s)") == 2
    assert out.index("VALUES") > out.index("WHERE {")
    assert '"a { string }"' in out and "<http://e/x#>" in out
    with pytest.raises(QueryError, match="no WHERE"):
        inject_values("ASK", {"s": Term.iri("http://e/1")})


def test_a_hostile_literal_is_data_not_query():
    s = EmbeddedStore.memory()
    s.replace_graph("http://e/g", b'<http://e/a> <http://e/p> "x" .\n')
    hostile = '"} } DELETE WHERE { ?s ?p ?o } #'
    res = s.select("SELECT ?q ?o WHERE { ?s <http://e/p> ?o } ORDER BY ?o", {"q": Term.literal(hostile)})
    assert res.rows[0][0].value == hostile
    assert len(s) == 1
    r = RdflibStore()
    r.replace_graph("http://e/g", b'<http://e/a> <http://e/p> "x" .\n')
    assert r.select("SELECT ?q ?o WHERE { ?s <http://e/p> ?o } ORDER BY ?o",
                    {"q": Term.literal(hostile)}).rows[0][0].value == hostile


def test_a_query_that_does_not_parse_is_a_query_error():
    with pytest.raises(QueryError, match="does not parse"):
        EmbeddedStore.memory().select("SELECT ?x WHERE { ?x }")
    with pytest.raises(QueryError, match="does not parse"):
        RdflibStore().select("SELECT ?x WHERE { ?x }")


# ------------------------------------------------------------------------------------------- remote


def test_an_unreachable_endpoint_is_an_endpoint_error():
    with pytest.raises(EndpointError, match="cannot reach http://127.0.0.1:9/sparql"):
        RemoteStore("http://127.0.0.1:9/sparql", timeout=5).select("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    with pytest.raises(EndpointError, match="not an http"):
        RemoteStore("ftp://example.org/sparql")


def test_publishing_to_an_unreachable_endpoint_fails_without_showing_credentials(monkeypatch):
    s = EmbeddedStore.memory()
    s.replace_graph("http://e/g", b'<http://e/a> <http://e/p> "x" .\n')
    monkeypatch.setenv("A4P_ENDPOINT_USER", "someone")
    monkeypatch.setenv("A4P_ENDPOINT_PASSWORD", "s3cret-pw")
    with pytest.raises(EndpointError) as err:
        publish(s, "http://user:s3cret-pw@127.0.0.1:9/store", timeout=5)
    assert "s3cret-pw" not in str(err.value) and "cannot reach http://127.0.0.1:9/store" in str(err.value)


def test_a_store_compacted_after_a_load_keeps_every_quad(two_reports, tmp_path):
    load_dataset(two_reports.dataset, tmp_path / "store")
    with EmbeddedStore.open(tmp_path / "store") as s:
        before = sorted(s.dump_graph(g) for g in s.graphs())
        s.compact()
        assert len(before) > 2 and sorted(s.dump_graph(g) for g in s.graphs()) == before
