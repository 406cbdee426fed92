"""SPARQLWrapper, a real SPARQL client, against the server running on a loopback port: the same answers as the
embedded store, in each result format and request method it speaks; errors reach it as HTTP errors."""

from __future__ import annotations

import urllib.error

import pytest

SPARQLWrapper = pytest.importorskip("SPARQLWrapper", reason="SPARQLWrapper is not installed")
from SPARQLWrapper import CSV, GET, JSON, POST, POSTDIRECTLY, TSV, TURTLE, URLENCODED, XML  # noqa: E402
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed  # noqa: E402

SELECT = """PREFIX a4p: <https://w3id.org/a4p/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?op ?acronym ?label WHERE {
  ?op a a4p:PeacekeepingMission ; a4p:acronym ?acronym ; skos:prefLabel ?label
} ORDER BY ?acronym"""
SUPPORT = """PREFIX a4p: <https://w3id.org/a4p/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?op ?theme (COUNT(DISTINCT ?para) AS ?n) WHERE {
  ?ev a a4p:SupportEvidence ; a4p:operation ?op ; a4p:theme ?theme ; prov:wasDerivedFrom ?para
} GROUP BY ?op ?theme ORDER BY ?op ?theme"""


def wrapper(live_server, query: str, *, fmt=JSON, method=GET, request=URLENCODED):
    w = SPARQLWrapper.SPARQLWrapper(live_server.url + "/sparql")
    w.setQuery(query)
    w.setReturnFormat(fmt)
    w.setMethod(method)
    if method == POST:
        w.setRequestMethod(request)
    w.setTimeout(30)
    return w


def embedded(store, query: str) -> list[tuple]:
    return [tuple(t.value if t else None for t in row) for row in store.select(query).rows]


@pytest.mark.parametrize("method, request_method", [(GET, URLENCODED), (POST, URLENCODED), (POST, POSTDIRECTLY)])
@pytest.mark.parametrize("query", [SELECT, SUPPORT])
def test_select_json_same_as_embedded(live_server, store, method, request_method, query):
    data = wrapper(live_server, query, method=method, request=request_method).queryAndConvert()
    names = data["head"]["vars"]
    got = [tuple(b[n]["value"] if n in b else None for n in names) for b in data["results"]["bindings"]]
    expected = embedded(store, query)
    assert got == expected and len(expected) > 5


def test_select_xml_csv_tsv(live_server, store):
    expected = embedded(store, SELECT)
    doc = wrapper(live_server, SELECT, fmt=XML).queryAndConvert()  # a minidom document
    results = doc.getElementsByTagName("result")
    assert len(results) == len(expected)
    first = results[0].getElementsByTagName("binding")[0].getElementsByTagName("uri")[0].firstChild.data
    assert first == expected[0][0]
    csv_bytes = wrapper(live_server, SELECT, fmt=CSV).queryAndConvert()
    lines = csv_bytes.decode("utf-8").splitlines()
    assert lines[0] == "op,acronym,label" and len(lines) == len(expected) + 1
    tsv_bytes = wrapper(live_server, SELECT, fmt=TSV).queryAndConvert()
    assert tsv_bytes.decode("utf-8").splitlines()[0] == "?op\t?acronym\t?label"


def test_ask_and_construct(live_server, store):
    ask = wrapper(live_server, "ASK { <https://w3id.org/a4p/id/operation/MINUSCA> ?p ?o }").queryAndConvert()
    assert ask["boolean"] is True
    construct = """PREFIX a4p: <https://w3id.org/a4p/ontology#>
    CONSTRUCT { ?op a4p:acronym ?a } WHERE { ?op a a4p:PeacekeepingMission ; a4p:acronym ?a }"""
    g = wrapper(live_server, construct, fmt=TURTLE).queryAndConvert()
    from rdflib import Graph

    graph = Graph().parse(data=g, format="turtle") if isinstance(g, (bytes, str)) else g
    expected = Graph().parse(data=store.construct(construct), format="nt")
    assert set(graph) == set(expected)


def test_canned_queries_same_answers_over_http(live_server, store):
    from a4p_kg import queries

    for name in ("missions_by_theme", "missions_by_commitment", "theme_overview", "sdg_links"):
        q = queries.load(name)
        data = wrapper(live_server, q.text, method=POST).queryAndConvert()
        names = data["head"]["vars"]
        got = [tuple(b[n]["value"] if n in b else None for n in names) for b in data["results"]["bindings"]]
        assert got == embedded(store, q.text), name


def test_errors_reach_the_client(live_server):
    with pytest.raises(QueryBadFormed):
        wrapper(live_server, "SELECT * WHERE { ?s ?p ").query()
    # SPARQLWrapper passes a 403 on as urllib's HTTPError
    with pytest.raises(urllib.error.HTTPError) as info:
        wrapper(live_server, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }").query()
    assert info.value.code == 403 and b"SERVICE" in info.value.read()
    with pytest.raises(urllib.error.HTTPError) as info:
        wrapper(live_server, "INSERT DATA { <http://e/a> <http://e/p> <http://e/o> }", method=POST).query()
    assert info.value.code == 403 and b"read-only" in info.value.read()
