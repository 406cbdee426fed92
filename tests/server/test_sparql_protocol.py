"""The SPARQL 1.1 Protocol at /sparql: the three ways to send a query, the four result formats by negotiation,
graph results as RDF, ASK, dataset parameters, the service description, errors, and the browser's query page.
Answers are compared with the embedded store's own."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import pytest
from rdflib import Graph, URIRef

from a4p_kg.namespaces import SD

SELECT = """PREFIX a4p: <https://w3id.org/a4p/ontology#>
SELECT ?op ?acronym WHERE { ?op a a4p:PeacekeepingMission ; a4p:acronym ?acronym } ORDER BY ?acronym"""
CONSTRUCT = """PREFIX a4p: <https://w3id.org/a4p/ontology#>
CONSTRUCT { ?op a4p:acronym ?a } WHERE { ?op a a4p:PeacekeepingMission ; a4p:acronym ?a }"""
ASK = "ASK { <https://w3id.org/a4p/id/operation/MINUSCA> ?p ?o }"
JSON_TYPE = "application/sparql-results+json"


def embedded_rows(store, query=SELECT) -> list[tuple[str, ...]]:
    res = store.select(query)
    return [tuple(t.value for t in row) for row in res.rows]


def json_rows(data: dict) -> list[tuple[str, ...]]:
    names = data["head"]["vars"]
    return [tuple(b[n]["value"] if n in b else None for n in names) for b in data["results"]["bindings"]]


def test_get_post_form_and_post_direct_agree_with_the_store(client, store):
    expected = embedded_rows(store)
    assert len(expected) > 10
    r1 = client.get("/sparql", params={"query": SELECT}, headers={"accept": JSON_TYPE})
    r2 = client.post("/sparql", data={"query": SELECT}, headers={"accept": JSON_TYPE})
    r3 = client.post("/sparql", content=SELECT.encode(), headers={"content-type": "application/sparql-query",
                                                                  "accept": JSON_TYPE})
    for r in (r1, r2, r3):
        assert r.status_code == 200, r.text
        assert r.headers["content-type"].startswith(JSON_TYPE)
        assert json_rows(r.json()) == expected


def test_result_formats_by_accept_and_by_format(client, store):
    expected = embedded_rows(store)
    xml = client.get("/sparql", params={"query": SELECT}, headers={"accept": "application/sparql-results+xml"})
    assert xml.headers["content-type"].startswith("application/sparql-results+xml")
    ns = {"s": "http://www.w3.org/2005/sparql-results#"}
    root = ET.fromstring(xml.content)
    got = [tuple(b.find("*").text for b in res.findall("s:binding", ns)) for res in root.iter(
        "{http://www.w3.org/2005/sparql-results#}result")]
    assert got == expected
    c = client.get("/sparql", params={"query": SELECT}, headers={"accept": "text/csv"})
    assert c.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(c.text)))
    assert rows[0] == ["op", "acronym"] and [tuple(r) for r in rows[1:]] == expected
    t = client.get("/sparql", params={"query": SELECT, "format": "tsv"})
    assert t.headers["content-type"].startswith("text/tab-separated-values")
    lines = t.text.splitlines()
    assert lines[0] == "?op\t?acronym" and lines[1].startswith("<https://w3id.org/a4p/id/operation/")
    j = client.get("/sparql", params={"query": SELECT, "format": "json"}, headers={"accept": "text/csv"})
    assert j.headers["content-type"].startswith(JSON_TYPE)
    # a program that takes anything gets SPARQL JSON
    assert client.get("/sparql", params={"query": SELECT}, headers={"accept": "*/*"}).headers[
        "content-type"].startswith(JSON_TYPE)


@pytest.mark.parametrize("accept, fmt", [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                                         ("application/rdf+xml", "xml"), ("application/ld+json", "json-ld")])
def test_construct_answers_rdf(client, store, accept, fmt):
    r = client.get("/sparql", params={"query": CONSTRUCT}, headers={"accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(accept)
    g = Graph().parse(data=r.content, format=fmt)
    expected = Graph().parse(data=store.construct(CONSTRUCT), format="nt")
    assert set(g) == set(expected) and len(g) > 10


def test_describe_and_ask(client):
    r = client.get("/sparql", params={"query": "DESCRIBE <https://w3id.org/a4p/id/operation/MINUSCA>"},
                   headers={"accept": "text/turtle"})
    g = Graph().parse(data=r.text, format="turtle")
    assert (URIRef("https://w3id.org/a4p/id/operation/MINUSCA"), None, None) in g
    a = client.get("/sparql", params={"query": ASK}, headers={"accept": JSON_TYPE})
    assert a.json()["boolean"] is True
    x = client.get("/sparql", params={"query": ASK.replace("MINUSCA", "NOPE")},
                   headers={"accept": "application/sparql-results+xml"})
    assert b"<boolean>false</boolean>" in x.content


def test_dataset_parameters(client):
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    ref = "https://w3id.org/a4p/id/graph/reference"
    whole = int(client.get("/sparql", params={"query": q}, headers={"accept": JSON_TYPE}).json()[
        "results"]["bindings"][0]["n"]["value"])
    only_ref = int(client.get("/sparql", params={"query": q, "default-graph-uri": ref},
                              headers={"accept": JSON_TYPE}).json()["results"]["bindings"][0]["n"]["value"])
    assert 0 < only_ref < whole
    named = client.get("/sparql", params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                                          "named-graph-uri": ref}, headers={"accept": JSON_TYPE}).json()
    assert [b["g"]["value"] for b in named["results"]["bindings"]] == [ref]


def test_service_description(client):
    r = client.get("/sparql", headers={"accept": "text/turtle"})
    assert r.status_code == 200
    g = Graph().parse(data=r.text, format="turtle")
    services = list(g.subjects(None, SD.Service))
    assert len(services) == 1
    svc = services[0]
    assert str(svc).endswith("/sparql") and (svc, SD.endpoint, svc) in g
    assert (svc, SD.supportedLanguage, SD.SPARQL11Query) in g
    assert (svc, SD.feature, SD.BasicFederatedQuery) not in g
    names = {str(o) for o in g.objects(None, SD.name)}
    assert "https://w3id.org/a4p/id/graph/report/A-74-533" in names


def test_protocol_errors(client):
    r = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p "}, headers={"accept": JSON_TYPE})
    assert r.status_code == 400 and "parse" in r.text.lower()
    r = client.post("/sparql", content=b"SELECT * {}", headers={"content-type": "text/plain"})
    assert r.status_code == 415
    r = client.get("/sparql", params=[("query", SELECT), ("query", SELECT)])
    assert r.status_code == 400
    r = client.post("/sparql", content=b"\xff\xfe", headers={"content-type": "application/sparql-query"})
    assert r.status_code == 400
    assert client.request("DELETE", "/sparql").status_code == 405


def test_query_page_in_the_browser(client):
    page = client.get("/sparql", headers={"accept": "text/html"})
    assert page.status_code == 200 and "<textarea" in page.text
    assert 'href="/queries/missions_by_theme"' in page.text  # canned queries one click away
    loaded = client.get("/sparql", params={"load": "partners_of_mission"}, headers={"accept": "text/html"})
    assert "a4p:partner" in loaded.text or "partner" in loaded.text
    r = client.get("/sparql", params={"query": SELECT}, headers={"accept": "text/html"})
    assert r.status_code == 200 and 'class="data results"' in r.text and ">MINUSCA<" in r.text
    g = client.get("/sparql", params={"query": CONSTRUCT}, headers={"accept": "text/html"})
    assert '<pre class="rdf">' in g.text


def test_canned_queries_through_the_endpoint_match_the_embedded_store(client, store):
    from a4p_kg import queries

    q = queries.load("missions_by_theme")
    r = client.post("/sparql", data={"query": q.text}, headers={"accept": JSON_TYPE})
    assert r.status_code == 200
    data = r.json()
    expected = store.select(q.text)
    assert data["head"]["vars"] == expected.vars
    assert json_rows(data) == [tuple(t.value if t else None for t in row) for row in expected.rows]
    assert len(expected.rows) > 5


def test_an_in_memory_store_is_served_too(built):
    """create_app over a store without a folder: the query workers load its quads."""
    from fastapi.testclient import TestClient

    from a4p_kg.server import Limits, create_app
    from a4p_kg.store import EmbeddedStore

    mem = EmbeddedStore.memory()
    mem.load_dataset(built.dataset)
    with TestClient(create_app(mem, limits=Limits(query_workers=1))) as c:
        assert c.get("/sparql", params={"query": ASK}, headers={"accept": JSON_TYPE}).json()["boolean"] is True
        assert c.get("/id/operation/MINUSCA", headers={"accept": "text/html"}).status_code == 200
