"""Holding up to the public: read-only (updates refused), no federated SERVICE calls, the query time and result
limits, request size limits, escaping of report text and of query strings, dumps confined to their folder,
loopback binding by default. Each limit answers with a clear error and leaves the server working."""

from __future__ import annotations

import os
import socket
import threading
import time

import pytest
from fastapi.testclient import TestClient

from server_support import TEST_LIMITS, make_app

HTML = {"accept": "text/html"}
JSON_TYPE = "application/sparql-results+json"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def count(client) -> int:
    r = client.get("/sparql", params={"query": COUNT}, headers={"accept": JSON_TYPE})
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


# ------------------------------------------------------------------------------------------- read-only


UPDATES = [
    "INSERT DATA { <http://e/a> <http://e/p> <http://e/o> }",
    "PREFIX a4p: <https://w3id.org/a4p/ontology#> DELETE WHERE { ?s a4p:acronym ?o }",
    "DROP ALL", "CLEAR DEFAULT", "LOAD <http://example.org/data.ttl>",
    "WITH <http://e/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
]


@pytest.mark.parametrize("update", UPDATES)
def test_updates_are_refused_every_way(client, update):
    before = count(client)
    attempts = [
        client.get("/sparql", params={"update": update}),
        client.post("/sparql", data={"update": update}),
        client.post("/sparql", content=update.encode(), headers={"content-type": "application/sparql-update"}),
        client.get("/sparql", params={"query": update}),
        client.post("/sparql", data={"query": update}),
    ]
    for r in attempts:
        assert r.status_code == 403, (r.status_code, r.text)
        assert "read-only" in r.text
    assert count(client) == before


# ------------------------------------------------------------------------------------------- SERVICE


class Listener:
    """A TCP listener on 127.0.0.1 that counts connections (a SPARQL endpoint a query might call)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.stop = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop:
            try:
                conn, _ = self.sock.accept()
                self.connections += 1
                conn.close()
            except OSError:
                continue

    def close(self) -> None:
        self.stop = True
        self.thread.join(timeout=2)
        self.sock.close()


def test_service_is_refused_and_no_request_leaves(client):
    listener = Listener()
    try:
        url = f"http://127.0.0.1:{listener.port}/sparql"
        for q in [f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
                  f"select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}",
                  f"SELECT * WHERE {{ SERV\\u0049CE <{url}> {{ ?s ?p ?o }} }}",
                  "SELECT * WHERE { BIND(<" + url + "> AS ?e) SERVICE ?e { ?s ?p ?o } }",
                  f"# comment\nSELECT * WHERE {{ {{ ?a ?b ?c }} UNION {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}"]:
            for r in (client.get("/sparql", params={"query": q}, headers={"accept": JSON_TYPE}),
                      client.post("/sparql", data={"query": q}, headers={"accept": JSON_TYPE})):
                assert r.status_code == 403, (q, r.status_code, r.text)
                assert "SERVICE" in r.text
        time.sleep(0.3)
        assert listener.connections == 0
    finally:
        listener.close()


def test_the_word_service_elsewhere_is_fine(client):
    q = 'SELECT ?service WHERE { ?service ?p "SERVICE" } LIMIT 1  # SERVICE in a comment'
    assert client.get("/sparql", params={"query": q}, headers={"accept": JSON_TYPE}).status_code == 200


# ------------------------------------------------------------------------------------------- time and size limits


def test_query_time_limit_stops_the_query_and_keeps_serving(store, dumps_dir):
    app = make_app(store, dumps_dir, query_timeout=1.0)
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with TestClient(app) as c:
        assert c.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}, headers={"accept": JSON_TYPE}).json()[
            "boolean"] is True  # the worker is up
        t0 = time.monotonic()
        r = c.get("/sparql", params={"query": heavy}, headers={"accept": JSON_TYPE})
        took = time.monotonic() - t0
        assert r.status_code == 503
        assert "time limit" in r.text and "1 s" in r.text
        assert took < 5, f"the client waited {took:.1f} s"
        pool = app.state.pool
        assert len(pool.killed) == 1
        pid = pool.killed[0]
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)  # the runaway query's process is gone, not burning a core
        # and the endpoint answers the next query at once
        ok = c.get("/sparql", params={"query": "SELECT ?s WHERE { ?s ?p ?o } LIMIT 3"},
                   headers={"accept": JSON_TYPE})
        assert ok.status_code == 200 and len(ok.json()["results"]["bindings"]) == 3
        page = c.get("/sparql", params={"query": heavy + " "}, headers=HTML)
        assert page.status_code == 503 and "time limit" in page.text and "<textarea" in page.text


def test_result_size_limit(client):
    limit = TEST_LIMITS["max_results"]
    r = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"}, headers={"accept": JSON_TYPE})
    assert r.status_code == 400 and f"{limit:,}" in r.text and "LIMIT" in r.text
    r = client.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"}, headers={"accept": "text/turtle"})
    assert r.status_code == 400
    r = client.get("/sparql", params={"query": f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {limit}"},
                   headers={"accept": JSON_TYPE})
    assert r.status_code == 200 and len(r.json()["results"]["bindings"]) == limit


def test_request_size_limits(client):
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * (TEST_LIMITS["max_body"] + 10)
    r = client.post("/sparql", data={"query": big})
    assert r.status_code == 413 and "larger" in r.text
    r = client.post("/sparql", content=big.encode(), headers={"content-type": "application/sparql-query"})
    assert r.status_code == 413

    def chunks():  # no Content-Length: the limit holds while reading
        for _ in range(40):
            yield b"#" + b"y" * 1023

    r = client.post("/sparql", content=chunks(), headers={"content-type": "application/sparql-query"})
    assert r.status_code == 413
    r = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } #" + "z" * TEST_LIMITS["max_url"]})
    assert r.status_code == 414
    assert client.get("/").status_code == 200  # still serving


# ------------------------------------------------------------------------------------------- escaping


def test_report_text_is_shown_not_run(client):
    page = client.get("/id/report/A-00-000/para/3", headers=HTML).text
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>bold" not in page
    assert "&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;" in page or "&lt;script&gt;alert(" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    # the mention inside the hostile text is still a link
    assert 'class="mention k-operation" href="/id/operation/MINUSCA"' in page
    for url in ("/", "/id/report/A-00-000", "/id/operation/MINUSCA", "/browse/missions"):
        body = client.get(url, headers=HTML).text
        assert "<script>" not in body, url
    assert "&lt;script&gt;alert(&#39;title&#39;)" in client.get("/", headers=HTML).text


def test_query_strings_are_shown_not_run(client):
    evil = '<script>alert("q")</script>'
    r = client.get("/sparql", params={"query": evil}, headers=HTML)
    assert evil not in r.text and "&lt;script&gt;" in r.text
    r = client.get("/queries/partners_of_mission", params={"mission": evil}, headers=HTML)
    assert r.status_code == 400 and evil not in r.text and "&lt;script&gt;" in r.text
    r = client.get("/id/" + evil, headers=HTML)
    assert r.status_code == 404 and "<script>" not in r.text
    r = client.get("/resource", params={"iri": "javascript:" + evil}, headers=HTML)
    assert "<script>" not in r.text
    r = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p '" + evil + "' }"}, headers=HTML)
    assert "<script>" not in r.text


def test_security_headers(client):
    r = client.get("/", headers=HTML)
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'self'" in csp  # inline script never runs
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"


# ------------------------------------------------------------------------------------------- dumps


@pytest.mark.parametrize("raw", [
    "/dumps/..%2fsecret.txt", "/dumps/%2e%2e%2fsecret.txt", "/dumps/%2e%2e", "/dumps/..%5csecret.txt",
    "/dumps/escape.ttl", "/dumps/.hidden", "/dumps/%2fetc%2fpasswd", "/dumps//etc/passwd",
    "/dumps/a4p.ttl%00.txt", "/dumps/graph%2fa4p.ttl",
])
def test_downloads_cannot_leave_the_dumps_folder(client, raw):
    r = client.get(raw)
    assert r.status_code == 404, (raw, r.status_code)
    assert b"not for the public" not in r.content and b"root:" not in r.content


def test_dumps_traversal_over_a_raw_socket(live_server):
    """Raw request targets that an HTTP client library would normalise first."""
    for target in ("/dumps/../secret.txt", "/dumps/../../pyproject.toml", "/dumps/./../secret.txt"):
        with socket.create_connection(("127.0.0.1", live_server.port), timeout=5) as s:
            s.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
            data = b""
            while chunk := s.recv(65536):
                data += chunk
        status = int(data.split(b" ", 2)[1])
        assert status in (400, 404), (target, data[:200])
        assert b"not for the public" not in data and b"[project]" not in data


# ------------------------------------------------------------------------------------------- binding


def test_serve_binds_loopback_unless_told(monkeypatch, store_path):
    import argparse

    import uvicorn

    from a4p_kg.commands import serve

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: calls.append(kw))
    p = argparse.ArgumentParser()
    serve.add_arguments(p)
    assert serve.run(p.parse_args(["--store", str(store_path)])) == 0
    assert calls[-1]["host"] == "127.0.0.1" and calls[-1]["port"] == 8000
    assert serve.run(p.parse_args(["--store", str(store_path), "--host", "0.0.0.0", "--port", "9"])) == 0
    assert calls[-1]["host"] == "0.0.0.0" and calls[-1]["port"] == 9


def test_keywords_in_names_strings_and_comments_are_not_refused(client):
    """The check reads keywords, not text: a prefixed name, a string or a comment holding SERVICE or INSERT
    is an ordinary query."""
    q = ('PREFIX ex: <http://example.org/> SELECT ?s WHERE { ?s ex:SERVICE "INSERT DATA { }" } '
         '# DROP ALL\nLIMIT 1')
    r = client.get("/sparql", params={"query": q}, headers={"accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.text
    assert r.json()["results"]["bindings"] == []
