"""Every route answers, and each page shows what a reader came for: labels (not raw IRIs), the paragraph text
with its mentions highlighted and linked at their offsets, a mission's themes with evidence, partners and
figures, the pictures, links to the machine-readable forms."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import unquote

import pytest

import sample_extraction as fx

HTML = {"accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
ID = "https://w3id.org/a4p/id/"


def path(iri: str) -> str:
    assert iri.startswith(ID)
    return "/id/" + iri[len(ID):]


class Links(HTMLParser):
    """Collects <a> elements (href, class, text) and <link rel=alternate>."""

    def __init__(self) -> None:
        super().__init__()
        self.anchors: list[dict] = []
        self.alternates: list[dict] = []
        self._open: list[dict] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a":
            self._open.append({**a, "text": ""})
        elif tag == "link" and a.get("rel") == "alternate":
            self.alternates.append(a)

    def handle_data(self, data):
        for a in self._open:
            a["text"] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._open:
            self.anchors.append(self._open.pop())


def parse(html: str) -> Links:
    p = Links()
    p.feed(html)
    return p


def get_html(client, url: str, status: int = 200):
    r = client.get(url, headers=HTML)
    assert r.status_code == status, (url, r.status_code, r.text[:500])
    assert r.headers["content-type"].startswith("text/html")
    return r


# ------------------------------------------------------------------------------------------- every route


PAGES = [
    "/", "/browse/missions", "/browse/organizations", "/browse/policies", "/browse/themes", "/browse/goals",
    "/browse/documents", "/browse/places", "/browse/measures",
    path(str(fx.REPORT)), path(str(fx.SECTION)), path(str(fx.para(1))),
    "/id/report/A-74-533", "/id/report/A-74-533/para/28", "/id/report/A-74-533/section/IV",
    "/id/operation/MINUSCA", "/id/org/african-union", path(str(fx.AGREEMENT)), path(str(fx.CPAS)),
    "/id/theme/political-solutions", path(str(fx.ADVANCING)), "/resource?iri=http%3A%2F%2Fmetadata.un.org%2Fsdg%2F5",
    path(str(fx.DOC)), "/id/place/CF", path(str(fx.MEASURE)), path(str(fx.para(2))) + "/series/fixture-fatalities",
    "/id/addressee/member-states", "/id/report/A-74-533/figure/I", "/id/graph/report/A-74-533",
    "/ontology", "/sparql", "/queries", "/queries/reports", "/id/dataset", "/dumps/",
]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_answers_html_with_labels_and_data_links(client, url):
    r = get_html(client, url)
    links = parse(r.text)
    assert "<title>" in r.text
    # labels, not raw IRIs, as link texts of entity links
    for a in links.anchors:
        if "ent" in (a.get("class") or "").split():
            assert not a["text"].strip().startswith(("http://", "https://")), a
    if url.startswith(("/id/", "/resource")) and url != "/id/dataset":
        types = {a["type"] for a in links.alternates}
        assert {"text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml"} <= types


def test_a_resource_without_a_page_of_its_own_lists_its_statements_and_what_points_at_it(client):
    """A figure has no dedicated page: the generic one shows what is said about it, labelled and linked, and
    what points at it (its section holds it)."""
    r = get_html(client, "/id/report/A-74-533/figure/I")
    links = parse(r.text)
    texts = {a["text"].strip() for a in links.anchors}
    assert "Pointing at it" in r.text
    assert any(a.get("href", "").endswith("/id/report/A-74-533") or "para/" in a.get("href", "")
               for a in links.anchors)
    assert "title" in texts and "after paragraph" in texts, sorted(texts)[:40]


def test_static_health_openapi(client):
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/healthz").text == "ok\n"
    spec = client.get("/openapi.json").json()
    assert "/sparql" in spec["paths"]
    # each canned query is an operation with its parameters (the grlc idea)
    op = spec["paths"]["/queries/partners_of_mission"]["get"]
    names = {p["name"]: p for p in op["parameters"]}
    assert names["mission"]["required"] is True and "format" in names
    assert "/docs" not in spec["paths"]  # no Swagger UI: it would load scripts from a CDN


def test_redirects(client):
    for url in ("/dataset", "/.well-known/void"):
        r = client.get(url, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].endswith("/id/dataset")
    r = client.get("/resource", params={"iri": ID + "operation/MINUSCA"}, follow_redirects=False)
    assert r.status_code == 301 and r.headers["location"] == "/id/operation/MINUSCA"
    assert client.get("/dumps", follow_redirects=False).status_code == 301


# ------------------------------------------------------------------------------------------- pages


def test_home_heat_map_links_missions_to_their_evidence(client):
    r = get_html(client, "/")
    assert "<svg" in r.text and 'class="chart heatmap"' in r.text
    cells = [a for a in parse(r.text).anchors if a.get("class") == "cell"]
    assert cells, "the heat map has linked cells"
    minusca = [a for a in cells if a.get("data-mission") == "MINUSCA"]
    assert any(a["href"] == "/id/operation/MINUSCA#theme-political-solutions" for a in minusca)
    # the cell's anchor exists on the mission page, with the fixture's evidence paragraph under it
    page = get_html(client, "/id/operation/MINUSCA").text
    block = page[page.index('id="theme-political-solutions"'):]
    block = block[: block.index('class="theme-block"', 10) if 'class="theme-block"' in block[10:] else len(block)]
    assert path(str(fx.para(1))) in block
    assert "A/00/000" in r.text  # the fixture report is listed (its title escaped, see test_security)


def test_report_toc_goes_down_to_paragraphs(client):
    r = get_html(client, "/id/report/A-74-533")
    hrefs = {a["href"] for a in parse(r.text).anchors}
    assert "/id/report/A-74-533/section/IV" in hrefs
    for n in (0, 1, 28, 170):
        assert f"/id/report/A-74-533/para/{n}" in hrefs
    assert "/id/report/A-74-533/figure/I" in hrefs


def test_paragraph_mentions_are_highlighted_at_their_offsets(client):
    r = get_html(client, path(str(fx.para(1))))
    body = r.text[r.text.index('class="para-body"'):r.text.index("</article>")]
    marks = [a for a in parse(body).anchors if "mention" in (a.get("class") or "")]
    got = [(a["text"], unquote(a["href"])) for a in marks]
    text = fx.TEXTS[1]
    expected = []
    for n, surface, entity in fx.MENTIONS:
        if n == 1:
            expected += [(surface, path(str(entity)))] * text.count(surface)
    assert sorted(got) == sorted(expected)
    # the text between the marks is the paragraph's own text, in order
    plain = re.sub(r"<[^>]+>", "", body[body.index("</span>") + 7:]).strip()
    assert plain.replace("&amp;", "&") == text
    assert 'class="mention k-operation"' in body and 'class="mention k-org"' in body


def test_paragraph_shows_what_was_extracted_from_it(client):
    page = get_html(client, path(str(fx.para(1)))).text
    assert "Mission support" in page and "Policy events" in page
    assert 'href="/id/theme/political-solutions"' in page
    page2 = get_html(client, path(str(fx.para(2)))).text
    assert "Figures" in page2 and "58 in 2017" in page2


def test_mission_page_themes_partners_policies_figures_host(client):
    page = get_html(client, "/id/operation/MINUSMA").text
    assert 'id="theme-safety-and-security"' in page
    assert path(str(fx.para(2))) in page  # the fixture's evidence paragraph
    assert "Figures" in page and 'class="chart bars"' in page  # the fixture series about MINUSMA
    minusca = get_html(client, "/id/operation/MINUSCA").text
    links = parse(minusca)
    partners = minusca[minusca.index('id="partners"'):minusca.index('id="policies"')]
    assert 'href="/id/org/african-union"' in partners and 'class="chart network"' in partners
    policies = minusca[minusca.index('id="policies"'):minusca.index('id="figures"')]
    assert path(str(fx.CPAS)) in policies
    assert any(a["href"] == "/id/place/CF" and a["text"] == "Central African Republic" for a in links.anchors)


def test_theme_commitment_goal_document_pages(client):
    theme = get_html(client, "/id/theme/political-solutions").text
    assert "Missions supporting it" in theme and "/id/operation/MINUSCA" in theme
    area = get_html(client, path(str(fx.ADVANCING))).text
    assert path(str(fx.para(1))) in area
    goal = get_html(client, "/resource?iri=http%3A%2F%2Fmetadata.un.org%2Fsdg%2F5").text
    assert "/id/theme/women-and-peace-and-security" in goal and path(str(fx.para(4))) in goal
    doc = get_html(client, path(str(fx.DOC))).text
    assert "Where it is cited" in doc and path(str(fx.para(5))) in doc
    wps = get_html(client, "/id/theme/women-and-peace-and-security").text
    assert "Sustainable Development Goals" in wps


def test_organization_and_policy_pages(client):
    au = get_html(client, "/id/org/african-union").text
    assert "Missions it partners" in au and "/id/operation/MINUSCA" in au
    agreement = get_html(client, path(str(fx.AGREEMENT))).text
    assert "signed" in agreement and "2019-02" in agreement
    cpas = get_html(client, path(str(fx.CPAS))).text
    assert "Missions using it" in cpas and "cpas rollout" in cpas


def test_measure_page_charts_its_series(client):
    page = get_html(client, path(str(fx.MEASURE))).text
    svg = page[page.index('<svg'):page.index('</svg>')]
    assert svg.count("<rect") == 3  # one bar per observation of the series
    for year in ("2017", "2018", "2019"):
        assert year in svg


def test_unknown_resource_is_a_helpful_404(client):
    r = get_html(client, "/id/operation/MINUSCAA", 404)
    assert "no resource" in r.text and 'href="/id/operation/MINUSCA"' in r.text  # a suggestion
    r = client.get("/id/operation/MINUSCAA", headers={"accept": "text/turtle"})
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/plain")
    assert get_html(client, "/no/such/page", 404).text.count("home page") == 1
    assert client.get("/browse/nothing", headers=HTML).status_code == 404
    assert client.get("/queries/no_such_query", headers=HTML).status_code == 404


def test_dumps_are_downloadable(client, dumps_dir):
    listing = client.get("/dumps/", headers={"accept": "application/json"}).json()
    names = {d["name"] for d in listing}
    assert {"a4p.ttl", "a4p.nt", "a4p.trig", "a4p.jsonld"} <= names
    assert ".hidden" not in names and "escape.ttl" not in names
    r = client.get("/dumps/a4p.nt")
    assert r.status_code == 200 and r.content == (dumps_dir / "a4p.nt").read_bytes()
    assert r.headers["content-type"].startswith("application/n-triples")


def test_dataset_description_void_dcat(client):
    from rdflib import Graph, URIRef
    from rdflib.namespace import DCTERMS

    from a4p_kg.namespaces import DCAT, VOID

    r = client.get("/id/dataset", headers={"accept": "text/turtle"})
    assert r.status_code == 200 and r.headers["vary"] == "Accept"
    g = Graph().parse(data=r.text, format="turtle")
    ds = URIRef(ID + "dataset")
    assert int(g.value(ds, VOID.triples)) > 10_000
    assert int(g.value(ds, VOID.entities)) > 500
    assert g.value(ds, DCTERMS.license) is not None
    assert str(g.value(ds, VOID.sparqlEndpoint)).endswith("/sparql")
    dumps = {str(o) for o in g.objects(ds, VOID.dataDump)}
    assert any(d.endswith("/dumps/a4p.ttl") for d in dumps)
    assert set(g.objects(ds, DCAT.distribution)) and set(g.objects(ds, DCAT.accessService))
    vocabularies = {str(o) for o in g.objects(ds, VOID.vocabulary)}
    assert "https://w3id.org/a4p/ontology" in vocabularies and "http://www.w3.org/2004/02/skos/core#" in vocabularies
    builds = set(g.objects(ds, URIRef("http://www.w3.org/ns/prov#wasGeneratedBy")))
    assert builds and all(str(b).startswith(ID + "build/") for b in builds)
    # the build provenance is itself a page
    build_path = path(str(next(iter(builds))))
    assert client.get(build_path, headers=HTML).status_code == 200


def test_canned_queries_over_http(client, store):
    from a4p_kg import queries

    listing = client.get("/queries", headers={"accept": "application/json"}).json()
    assert {"missions_by_theme", "partners_of_mission"} <= {q["name"] for q in listing}
    r = client.get("/queries/partners_of_mission", params={"mission": "MINUSCA"},
                   headers={"accept": "application/sparql-results+json"})
    assert r.status_code == 200
    expected = queries.run("partners_of_mission", store, {"mission": "MINUSCA"}).to_json()
    assert r.json() == expected
    csv_text = client.get("/queries/partners_of_mission?mission=MINUSCA&format=csv").text
    assert csv_text.splitlines()[0].split(",") == list(expected["head"]["vars"])
    html = get_html(client, "/queries/partners_of_mission?mission=MINUSCA").text
    assert 'class="data results"' in html and "African Union" in html


def test_canned_query_bad_parameter_is_a_clear_400(client):
    r = client.get("/queries/partners_of_mission", headers={"accept": "text/csv"})
    assert r.status_code == 400 and "mission" in r.text
    r = client.get("/queries/partners_of_mission", params={"mission": "MINUSCA", "colour": "red"},
                   headers={"accept": "text/csv"})
    assert r.status_code == 400 and "colour" in r.text
    # a browser without parameters gets the form, filled with the examples
    page = get_html(client, "/queries/partners_of_mission").text
    assert 'name="mission"' in page and 'value="MINUSCA"' in page


# ------------------------------------------------------------------------------------------- behind a proxy


def test_iri_map_works_for_any_base():
    from a4p_kg.server.urls import IriMap

    m = IriMap("https://example.org/lod/resource/", root_path="/kg/")
    assert m.data_path == "/resource/"
    assert m.path_of("https://example.org/lod/resource/report/X/para/1") == "/resource/report/X/para/1"
    assert m.href("https://example.org/lod/resource/report/X") == "/kg/resource/report/X"
    assert m.href("https://example.org/lod/resource/report/X", ext="ttl") == "/kg/resource/report/X.ttl"
    assert m.iri_of("/resource/org/african-union") == "https://example.org/lod/resource/org/african-union"
    assert m.href("https://w3id.org/a4p/ontology#Report") == "/kg/ontology#Report"
    assert m.path_of("http://elsewhere.example/x") is None


def test_behind_a_proxy_that_mounts_the_server_under_a_prefix(store, dumps_dir):
    """w3id.org/a4p/* redirects to the host; a proxy there mounts the app under /a4p and strips the prefix:
    the IRIs stay the public ones, the links carry the prefix."""
    from fastapi.testclient import TestClient

    from a4p_kg.server import Limits, create_app

    app = create_app(store, dumps_dir=dumps_dir, root_path="/a4p", limits=Limits(query_workers=1))
    with TestClient(app, root_path="/a4p") as c:
        r = c.get("/id/operation/MINUSCA", headers=HTML)
        assert r.status_code == 200
        hrefs = {a["href"] for a in parse(r.text).anchors}
        assert "/a4p/id/org/african-union" in hrefs or "/a4p/id/place/CF" in hrefs
        assert not any(h.startswith("/id/") for h in hrefs)
        assert "https://w3id.org/a4p/id/operation/MINUSCA" in r.text  # the public IRI, shown
        t = c.get("/id/operation/MINUSCA", headers={"accept": "text/turtle"})
        assert t.headers["content-location"] == "/a4p/id/operation/MINUSCA.ttl"
        assert "<https://w3id.org/a4p/id/operation/MINUSCA>" in t.text or "id:operation/MINUSCA" in t.text
        ttl = c.get("/id/dataset", headers={"accept": "text/turtle"}).text
        assert "/a4p/sparql" in ttl and "/a4p/dumps/a4p.ttl" in ttl


def test_head_requests(client):
    r = client.head("/id/operation/MINUSCA", headers={"accept": "text/turtle"})
    assert r.status_code == 200 and r.content == b""
    assert r.headers["content-type"].startswith("text/turtle") and int(r.headers["content-length"]) > 100
    assert client.head("/id/operation/NOPE").status_code == 404


def test_pages_do_not_link_to_blank_nodes(client):
    """The store's tallies are blank nodes pointing at reports, missions and themes: they have no page, so no
    page lists them among what points at it."""
    for url in ("/id/report/A-74-533", "/id/operation/MINUSCA", "/id/theme/protection"):
        r = get_html(client, url)
        assert not re.search(r'/resource\?iri=[0-9a-f]{16,}"', r.text), url
        assert "in report</a>" not in r.text, url
