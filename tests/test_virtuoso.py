"""Against a real SPARQL server: a private Virtuoso (Debian virtuoso-opensource) on 127.0.0.1, the graph
published to it through the SPARQL 1.1 Graph Store HTTP Protocol by `a4p-kg publish`, and every canned query
returning the same rows there as in the embedded store. Skips, saying why, only where Virtuoso is not
installed (tests/setup.sh installs it)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest

from a4p_kg import queries, virtuoso
from a4p_kg.cli import main
from a4p_kg.store import EmbeddedStore, RemoteStore
from a4p_kg.tallies import refresh as refresh_tallies

pytestmark = pytest.mark.virtuoso
ROOT = Path(__file__).resolve().parents[1]
NAMES = queries.names()


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory, seed_build):
    """The seed report, the hand-written sample report and the reference data in an on-disk store."""
    from a4p_kg.iris import Minter
    from a4p_kg.reference import load_reference

    folder = tmp_path_factory.mktemp("virtuoso") / "store"
    with EmbeddedStore.open(folder) as s:
        s.replace_graph(str(Minter().graph("report", seed_build.seed.symbol)),
                        seed_build.graph.serialize(format="nt", encoding="utf-8"))
        s.load_quads((ROOT / "tests" / "golden" / "sample.trig").read_bytes(), format="trig")
        s.replace_graph("https://w3id.org/a4p/id/graph/reference",
                        load_reference().serialize(format="nt", encoding="utf-8"))
        refresh_tallies(s)  # as a build's store fill does
        s.flush()
    return folder


@pytest.fixture(scope="module")
def server():
    reason = virtuoso.unavailable_reason()
    if reason:
        pytest.skip(reason)
    v = virtuoso.start()
    try:
        yield v
    finally:
        v.stop()


@pytest.fixture(scope="module")
def published(server, store_dir):
    """The store published twice (the second PUT replaces, never duplicates)."""
    mp = pytest.MonkeyPatch()
    for k, v in server.credentials.items():
        mp.setenv(k, v)
    try:
        for _ in range(2):
            assert main(["publish", "--endpoint", server.graph_store_url, "--store", str(store_dir), "--quiet"]) == 0
    finally:
        mp.undo()
    return RemoteStore(server.sparql_url, timeout=120)


@pytest.fixture(scope="module")
def embedded(store_dir):
    s = EmbeddedStore.open(store_dir, read_only=True)
    yield s
    s.close()


def normalized(res) -> list[tuple[str, ...]]:
    def cell(t):
        if t is None:
            return ""
        v = t.value
        if re.fullmatch(r"-?\d+(\.\d+)?", v):
            try:
                return format(Decimal(v).normalize(), "f")
            except InvalidOperation:
                return v
        return v
    return sorted(tuple(cell(t) for t in row) for row in res.rows)


def test_publish_puts_every_graph_once(published, embedded):
    q = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    local = {r[0].value: int(r[1].value) for r in embedded.select(q).rows}
    remote = {r[0].value: int(r[1].value) for r in published.select(q).rows if r[0].value in local}
    assert remote == local


@pytest.mark.parametrize("name", NAMES)
def test_every_canned_query_returns_the_same_rows_on_virtuoso(name, published, embedded):
    q = queries.load(name)
    for all_params in (False, True):
        b = queries.bind(q, q.example_params(all_params=all_params), embedded)
        expected = normalized(queries.run(q, embedded, bindings=b))
        got = normalized(queries.run(q, published, bindings=b))
        assert got == expected, f"{name} ({'all' if all_params else 'required'} example parameters)"


def test_query_command_against_the_endpoint(published, server, capsys):
    code = main(["query", "commitments_by_mission", "-p", "mission=MINUSCA", "--endpoint", server.sparql_url,
                 "--format", "csv"])
    out = capsys.readouterr().out
    assert code == 0 and "https://w3id.org/a4p/id/theme/political-solutions" in out


def test_publish_with_wrong_credentials_is_exit_3_and_prints_no_password(server, store_dir, capsys, monkeypatch):
    monkeypatch.setenv("A4P_ENDPOINT_USER", "dba")
    monkeypatch.setenv("A4P_ENDPOINT_PASSWORD", "wrong-s3cret")
    code = main(["publish", "--endpoint", server.graph_store_url, "--store", str(store_dir)])
    out, err = capsys.readouterr()
    assert code == 3 and "HTTP 401" in err and "wrong-s3cret" not in out + err
