"""Content negotiation of resources and of the ontology: Accept headers (with q-values), extensions, ?format=,
Vary and Content-Location, and the RDF each form carries."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from a4p_kg.namespaces import A4P
from a4p_kg.server import negotiation as neg

MINUSCA = URIRef("https://w3id.org/a4p/id/operation/MINUSCA")
PARA = "/id/report/A-74-533/para/28"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"


@pytest.mark.parametrize("accept, expected", [
    (BROWSER, "text/html"),
    ("*/*", "text/html"),
    (None, "text/html"),
    ("image/png", "text/html"),  # unknown types get the page
    ("text/turtle", "text/turtle"),
    ("application/x-turtle", "text/turtle"),
    ("application/ld+json", "application/ld+json"),
    ("application/json", "application/ld+json"),
    ("application/n-triples", "application/n-triples"),
    ("application/rdf+xml", "application/rdf+xml"),
    ("text/turtle;q=0.5, application/rdf+xml;q=0.9", "application/rdf+xml"),
    ("text/html;q=0.1, text/turtle", "text/turtle"),
    ("text/*", "text/html"),
    ("application/*", "application/ld+json"),
])
def test_accept_header_picks_the_form(client, accept, expected):
    headers = {"accept": accept} if accept else {}
    r = client.get("/id/operation/MINUSCA", headers=headers)
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == expected
    assert r.headers["vary"] == "Accept"
    ext = {"text/html": "html", "text/turtle": "ttl", "application/ld+json": "jsonld",
           "application/n-triples": "nt", "application/rdf+xml": "rdf"}[expected]
    assert r.headers["content-location"] == f"/id/operation/MINUSCA.{ext}"
    assert "alternate" in r.headers["link"]


def _graph(r, fmt: str) -> Graph:
    return Graph().parse(data=r.content, format=fmt, publicID="https://w3id.org/a4p/id/")


@pytest.mark.parametrize("ext, media, fmt", [
    ("ttl", "text/turtle", "turtle"), ("nt", "application/n-triples", "nt"),
    ("rdf", "application/rdf+xml", "xml"), ("jsonld", "application/ld+json", "json-ld"),
])
def test_extension_forms_carry_the_description(client, ext, media, fmt):
    r = client.get(f"/id/operation/MINUSCA.{ext}", headers={"accept": "text/html"})  # the extension wins
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    assert "vary" not in r.headers  # one representation per URL: nothing to vary
    g = _graph(r, fmt)
    assert (MINUSCA, RDF.type, A4P.PeacekeepingMission) in g
    assert (MINUSCA, A4P.acronym, Literal("MINUSCA")) in g
    # statements pointing at it are part of its description (where it is mentioned, supported ...)
    assert any(o == MINUSCA for o in g.objects(None, A4P.operation))


def test_format_parameter_and_html_extension(client):
    assert client.get("/id/operation/MINUSCA?format=ttl").headers["content-type"].startswith("text/turtle")
    assert client.get("/id/operation/MINUSCA?format=jsonld").headers["content-type"].startswith(
        "application/ld+json")
    r = client.get("/id/operation/MINUSCA.html", headers={"accept": "text/turtle"})
    assert r.headers["content-type"].startswith("text/html")


def test_json_ld_is_compacted_with_the_local_context(client):
    r = client.get(PARA, headers={"accept": "application/ld+json"})
    data = json.loads(r.content)
    assert isinstance(data["@context"], dict) and data["@context"]["a4p"] == "https://w3id.org/a4p/ontology#"
    g = _graph(r, "json-ld")
    p = URIRef("https://w3id.org/a4p/id" + PARA[3:])
    assert (p, RDF.type, A4P.Paragraph) in g
    assert str(g.value(p, A4P.text)).startswith("The African Union")


def test_paragraph_rdf_includes_its_mentions(client):
    g = _graph(client.get(PARA, headers={"accept": "text/turtle"}), "turtle")
    p = URIRef("https://w3id.org/a4p/id" + PARA[3:])
    nif = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#referenceContext"
    assert set(g.subjects(URIRef(nif), p)), "the mentions anchored in its text point at it"


def test_resources_outside_the_base(client):
    r = client.get("/resource", params={"iri": "http://metadata.un.org/sdg/5"},
                   headers={"accept": "text/turtle"})
    assert r.status_code == 200 and r.headers["vary"] == "Accept"
    g = _graph(r, "turtle")
    assert (URIRef("http://metadata.un.org/sdg/5"), SKOS.notation, Literal("5")) in g
    r = client.get("/resource", params={"iri": "http://metadata.un.org/sdg/5", "format": "nt"})
    assert r.headers["content-type"].startswith("application/n-triples")
    assert client.get("/resource", params={"iri": "http://example.org/none"},
                      headers={"accept": "text/turtle"}).status_code == 404


def test_unknown_iri_404_in_every_form(client):
    for accept in (BROWSER, "text/turtle", "application/ld+json"):
        assert client.get("/id/org/no-such-organization", headers={"accept": accept}).status_code == 404
    assert client.get("/id/org/no-such-organization.ttl").status_code == 404


@pytest.mark.parametrize("accept, media", [
    (BROWSER, "text/html"), ("text/turtle", "text/turtle"), ("application/rdf+xml", "application/rdf+xml"),
    ("application/ld+json", "application/ld+json"), ("application/n-triples", "application/n-triples"),
])
def test_ontology_at_its_namespace(client, accept, media):
    r = client.get("/ontology", headers={"accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    assert r.headers["vary"] == "Accept"
    if media == "text/html":
        assert 'id="Report"' in r.text and 'id="supportsTheme"' in r.text  # a4p:Report -> /ontology#Report
    else:
        fmt = {"text/turtle": "turtle", "application/rdf+xml": "xml", "application/ld+json": "json-ld",
               "application/n-triples": "nt"}[media]
        g = Graph().parse(data=r.content, format=fmt)
        assert (A4P.Report, RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")) in g


def test_ontology_files_and_version_iri(client):
    r = client.get("/ontology.ttl")
    assert r.status_code == 200 and b"a4p:Report a owl:Class" in r.content
    assert client.get("/ontology.rdf").headers["content-type"].startswith("application/rdf+xml")
    assert client.get("/ontology/0.1.0", headers={"accept": "text/turtle"}).status_code == 200
    # ontology terms in pages link to their anchor in the documentation
    page = client.get("/id/operation/MINUSCA", headers={"accept": BROWSER}).text
    assert 'href="/ontology#PeacekeepingMission"' in page


def test_pick_unit_cases():
    assert neg.pick("text/turtle;q=0, */*", neg.RESOURCE).name == "html"
    assert neg.pick("application/sparql-results+xml", neg.SELECT_RESULTS).name == "xml"
    assert neg.pick("text/csv, application/sparql-results+json;q=0.5", neg.SELECT_RESULTS).name == "csv"
    assert neg.pick("garbage", neg.SELECT_RESULTS).name == "json"
    assert neg.by_name("json", neg.RESOURCE).name == "jsonld"
    assert neg.by_name("json", neg.SELECT_RESULTS).name == "json"
    assert neg.by_name("ttl", neg.GRAPH_RESULTS).name == "turtle"
    assert neg.by_name("bogus", neg.RESOURCE) is None
