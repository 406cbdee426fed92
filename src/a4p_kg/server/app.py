"""The linked-data application: routes that wire the request to the library (pages, negotiation, the SPARQL
protocol, canned queries, dumps). Build it with :func:`create_app`; ``a4p-kg serve`` runs it with uvicorn.

    /                         home: reports, the missions x themes heat map, what the graph holds
    /id/{path}                every resource of the graph (content negotiation; .ttl .jsonld .nt .rdf .html)
    /resource?iri=IRI         resources outside the base IRI (SDG goals)
    /ontology[.ttl|...]       the ontology document and its documentation page
    /browse/{kind}            missions, organizations, policies, themes, goals, documents, places, measures
    /sparql                   SPARQL 1.1 Protocol (GET, POST form, POST direct); the query page for browsers
    /queries, /queries/{name} canned questions (queries/*.rq) over HTTP, same negotiation
    /id/dataset               VoID + DCAT description (also /dataset, /.well-known/void)
    /dumps/, /dumps/{file}    the exports of graph/
    /openapi.json             the HTTP API described in OpenAPI

Responses are computed once per process and kept in a bounded cache: the data cannot change while the server
runs (the store is opened read-only), so a page, a canned answer or a query result is the same every time.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import logging
import os
import re
import threading
from collections import OrderedDict
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import QueryError
from ..namespaces import DEFAULT_BASE, ONTOLOGY_IRI
from ..paths import graph_dir, ontology_dir, queries_dir
from ..store import EmbeddedStore, Results, Term
from . import charts, negotiation as neg, pages
from .description import DUMP_TYPES, dataset_stats, describe_dataset
from .limits import GuardMiddleware, Limits
from .rdf_forms import graph_to_triples, serialize
from .results import cell, serialize_solutions
from .site import Ontology, PageQueries, Site
from .sparql_protocol import ProtocolError, check_query, parse_request, service_description
from .urls import RDF_EXTENSIONS, IriMap
from .workers import QueryPool, QueryRejected

__all__ = ["create_app", "Limits"]

log = logging.getLogger("a4p_kg.server")
HERE = Path(__file__).resolve().parent
RDF_EXT = {"turtle": "ttl", "jsonld": "jsonld", "ntriples": "nt", "rdfxml": "rdf"}


# ------------------------------------------------------------------------------------------- cache


@dataclass
class Cached:
    status: int
    body: bytes
    media_type: str
    headers: dict[str, str] = field(default_factory=dict)

    def response(self) -> Response:
        return Response(self.body, status_code=self.status, media_type=self.media_type, headers=self.headers)


class ResponseCache:
    """A bounded LRU of finished responses (thread-safe; bodies over ``max_body`` bytes are not kept).

    With ``shared_dir``, responses are also written there (one file each, renamed into place), so the server
    processes of one ``a4p-kg serve`` compute each page once between them rather than once each.
    """

    def __init__(self, size: int, *, max_body: int = 2 * 1024 * 1024, shared_dir: Path | None = None) -> None:
        self.size = size
        self.max_body = max_body
        self.shared_dir = shared_dir
        self._data: OrderedDict[Any, Cached] = OrderedDict()
        self._lock = threading.Lock()

    def _file(self, key) -> Path:
        return self.shared_dir / hashlib.sha256(repr(key).encode("utf-8")).hexdigest()

    def get(self, key) -> Cached | None:
        with self._lock:
            hit = self._data.get(key)
            if hit is not None:
                self._data.move_to_end(key)
                return hit
        if self.shared_dir is None or self.size <= 0:
            return None
        try:
            raw = self._file(key).read_bytes()
        except OSError:
            return None
        head, _, body = raw.partition(b"\n")
        meta = json.loads(head)
        hit = Cached(meta["s"], body, meta["m"], meta["h"])
        self._remember(key, hit)
        return hit

    def _remember(self, key, value: Cached) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)

    def put(self, key, value: Cached) -> Cached:
        if self.size <= 0 or len(value.body) > self.max_body:
            return value
        self._remember(key, value)
        if self.shared_dir is not None:
            target = self._file(key)
            tmp = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}")
            try:
                head = json.dumps({"s": value.status, "m": value.media_type, "h": value.headers}).encode("utf-8")
                tmp.write_bytes(head + b"\n" + value.body)
                os.replace(tmp, target)
            except OSError:  # a full disk costs speed, not correctness
                tmp.unlink(missing_ok=True)
        return value


# ------------------------------------------------------------------------------------------- helpers


def _as_embedded(store) -> EmbeddedStore:
    if isinstance(store, EmbeddedStore):
        return store
    if type(store).__name__ == "Store" and type(store).__module__.startswith("pyoxigraph"):
        return EmbeddedStore(store)
    raise TypeError("create_app needs an a4p_kg.store.EmbeddedStore or a pyoxigraph.Store")


def _nquads(site: Site) -> bytes:
    """The whole store as N-Quads (for query workers of an in-memory store)."""
    import pyoxigraph as ox

    from .rdf_forms import to_ox

    quads = [ox.Quad(*(to_ox(t) for t in row)) for row in site.results("all_quads").rows]
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS) if quads else b""


def _wants_html(request: Request) -> bool:
    return neg.pick(request.headers.get("accept"), (neg.HTML, neg.TURTLE, neg.JSON)).name == "html"


def _absolute_root(request: Request) -> str:
    """This server's root URL as the client reached it (Starlette's base_url carries the root path)."""
    return str(request.base_url).rstrip("/") + "/"


# ------------------------------------------------------------------------------------------- the app


def create_app(store, *, base_iri: str = DEFAULT_BASE, ontology_iri: str = ONTOLOGY_IRI,
               dumps_dir: Path | None = None, ontology_file: Path | None = None,
               queries_folder: Path | None = None, pages_folder: Path | None = None, root_path: str = "",
               limits: Limits | None = None, cache_size: int = 4096, cache_dir: Path | None = None,
               title: str = "A4P knowledge graph", license_iri: str | None = None) -> FastAPI:
    """The linked-data application over ``store``.

    Args:
        store: an :class:`a4p_kg.store.EmbeddedStore` (opened read-only) or a ``pyoxigraph.Store``.
        base_iri: the data base IRI the graph was built with; its resources answer at ``/id/...``.
        dumps_dir: the folder whose files ``/dumps/`` serves (default ``graph/``).
        ontology_file: the ontology document (default ``ontology/a4p.ttl``).
        queries_folder: canned queries (default ``queries/``); ``pages_folder``: page queries
            (default ``queries/pages``).
        root_path: the prefix a proxy mounts the app under, if any (links carry it).
        limits: query time and result limits, request size limits, query worker count.
        cache_size: responses kept in memory per process (0 turns the cache off).
        cache_dir: a folder the server processes share their cached responses in (empty, private to this run:
            the data must not change while it is used).
        license_iri: the dataset's licence (default: the ontology's ``dcterms:license``).
    """
    limits = limits or Limits()
    st = _as_embedded(store)
    iris = IriMap(base_iri, ontology_iri, root_path=root_path)
    qfolder = queries_folder or queries_dir()
    onto = Ontology(ontology_file or ontology_dir() / "a4p.ttl", iri=ontology_iri)
    site = Site(st, iris=iris, pages=PageQueries(pages_folder or qfolder / "pages"), ontology=onto)
    dumps = Path(dumps_dir or graph_dir())
    license_iri = license_iri or onto.header().get("license") or None
    cache = ResponseCache(cache_size, shared_dir=cache_dir)
    pool = QueryPool(store_path=st.path, size=limits.query_workers, timeout=limits.query_timeout,
                     max_results=limits.max_results) if st.path else \
        QueryPool(nquads=_nquads(site), size=limits.query_workers, timeout=limits.query_timeout,
                  max_results=limits.max_results)
    from .. import queries as canned_lib

    try:
        canned = canned_lib.list_queries(qfolder) if qfolder.is_dir() else []
    except QueryError as exc:  # a broken header is the query author's error; serve the rest
        log.error("canned queries: %s", exc)
        canned = []
    canned_by_name = {q.name: q for q in canned}
    # the questions the home page offers first: the headline one, then a mission's, a theme's, figures ...
    headline = ["missions_by_commitment", "mission_profile", "partners_of_mission", "theme_overview",
                "measure_series", "sdg_links", "recommendations", "cited_documents", "search"]
    canned_home = [canned_by_name[n] for n in headline if n in canned_by_name] + \
        [q for q in canned if q.name not in headline]
    dataset_iri = iris.base_iri + "dataset"
    stats_holder: dict[str, Any] = {}
    stats_lock = threading.Lock()

    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(
        href=iris.href, label=site.label, short=lambda i: site.label(i, short=True), kind=site.kind,
        link=iris.link, title=title, version=__version__, fmt_number=charts.fmt_number,
        local=lambda i: i.rsplit("/", 1)[-1], browse=pages.BROWSE, ontology_iri=ontology_iri,
        theme_slug=lambda i: i.rsplit("/", 1)[-1] if i else "",
        hide_types={"http://www.w3.org/2004/02/skos/core#Concept", "http://www.w3.org/ns/prov#Entity"})

    from .site import humanize

    env.filters["words"] = humanize

    def render(template: str, **ctx) -> bytes:
        return env.get_template(template).render(**ctx).encode("utf-8")

    @asynccontextmanager
    async def lifespan(_app):
        pool.start()  # the query workers start (and open the store) while the server starts
        yield
        pool.close()

    app = FastAPI(title=f"{title} — linked data and SPARQL", version=__version__,
                  docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Linked data pages, a read-only SPARQL 1.1 endpoint and the canned questions of "
                              "a4p-kg over HTTP. Every resource IRI answers with HTML or RDF by content "
                              "negotiation.")
    app.state.site = site
    app.state.pool = pool
    app.state.cache = cache
    app.state.limits = limits
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    # ------------------------------------------------------------------ shared responses

    def html(body: bytes, status: int = 200, headers: dict | None = None) -> Cached:
        return Cached(status, body, "text/html; charset=utf-8", headers or {})

    def not_found_body(request: Request, what: str, iri: str | None = None) -> Cached:
        suggestions = []
        if iri:
            local = iri.rsplit("/", 1)[-1].lower()
            prefix = iri.rsplit("/", 1)[0] + "/"
            candidates = {i.rsplit("/", 1)[-1].lower(): i for i in site.labels if i.startswith(prefix)}
            for m in difflib.get_close_matches(local, list(candidates), n=5, cutoff=0.5):
                suggestions.append(candidates[m])
        if not _wants_html(request):
            text = f"Not found: {what}\n" + "".join(f"Did you mean <{s}>?\n" for s in suggestions)
            return Cached(404, text.encode("utf-8"), "text/plain; charset=utf-8")
        return html(render("error.html", status=404, heading="Not found", message=what, iri=iri,
                           suggestions=suggestions), 404)

    def not_found(request: Request, what: str, iri: str | None = None) -> Response:
        return not_found_body(request, what, iri).response()

    def error_response(request: Request, status: int, heading: str, message: str) -> Response:
        if _wants_html(request):
            return Response(render("error.html", status=status, heading=heading, message=message, iri=None,
                                   suggestions=[]), status_code=status, media_type="text/html; charset=utf-8")
        return Response(f"{heading}: {message}\n", status_code=status, media_type="text/plain; charset=utf-8")

    def alternates(link_of) -> tuple[list[dict], str]:
        forms = [{"name": f.name, "ext": f.ext, "media": f.media_type, "href": link_of(f.ext)}
                 for f in neg.RESOURCE if f.name != "html"]
        header = ", ".join(f'<{a["href"]}>; rel="alternate"; type="{a["media"]}"' for a in forms)
        return forms, header

    # ------------------------------------------------------------------ resources

    def build_resource(iri: str, fmt: neg.Format, request: Request) -> Cached:
        forms, link_header = alternates(lambda ext: iris.href(iri, ext=ext))
        headers = {"Link": link_header}
        if fmt.name == "html":
            page = pages.resource_page(site, iri)
            if page is None:
                return not_found_body(request, f"no resource <{iri}> in this graph", iri)
            return html(render(page.template, page=page, c=page.context, forms=forms,
                               page_title=page.title), page.status, headers)
        triples = site.describe(iri)
        if not triples:
            return not_found_body(request, f"no resource <{iri}> in this graph", iri)
        body = serialize(triples, fmt.name, base=iris.base_iri, context=_context())
        return Cached(200, body, fmt.content_type, headers)

    _ctx_cache: dict[str, Any] = {}

    def _context() -> dict | None:
        if "c" not in _ctx_cache:
            try:
                from ..export import jsonld_context

                _ctx_cache["c"] = jsonld_context()
            except (OSError, ValueError, KeyError):
                _ctx_cache["c"] = None
        return _ctx_cache["c"]

    async def serve_resource(request: Request, iri: str, forced: neg.Format | None) -> Response:
        fmt = forced or neg.by_name(request.query_params.get("format"), neg.RESOURCE) or \
            neg.pick(request.headers.get("accept"), neg.RESOURCE)
        if iri == dataset_iri:
            return await serve_dataset(request, fmt)
        try:
            Term.iri(iri).check()
        except ValueError:  # no resource of the graph has such an IRI (spaces, <, > ...)
            return not_found(request, f"no resource <{iri}> in this graph")
        key = ("r", iri, fmt.name)
        hit = cache.get(key)
        if hit is None:
            hit = await run_in_threadpool(build_resource, iri, fmt, request)
            if hit.status in (200, 404):
                cache.put(key, hit)
        resp = hit.response()
        if forced is None:
            resp.headers["Vary"] = "Accept"
            path = iris.path_of(iri)
            if path and hit.status == 200:
                resp.headers["Content-Location"] = iris.link(path) + "." + fmt.ext
        return resp

    data_route = iris.data_path.rstrip("/")

    @app.get(data_route + "/{rest:path}", include_in_schema=True, summary="A resource of the graph",
             description="HTML for browsers; Turtle, JSON-LD, N-Triples or RDF/XML by Accept header or by "
                         "extension (.ttl, .jsonld, .nt, .rdf, .html). Vary: Accept.",
             responses={200: {"content": {f.media_type: {} for f in neg.RESOURCE}}, 404: {}})
    async def data_resource(request: Request, rest: str):
        forced = None
        m = re.match(r"^(.+)\.(ttl|jsonld|nt|rdf|html)$", rest)
        if m:
            rest, forced = m.group(1), neg.FORMATS[RDF_EXTENSIONS[m.group(2)]]
        if not rest:
            return RedirectResponse(iris.link("/"), status_code=303)
        return await serve_resource(request, iris.base_iri + rest, forced)

    @app.get("/resource", summary="A resource outside the base IRI (e.g. an SDG goal)",
             responses={200: {"content": {f.media_type: {} for f in neg.RESOURCE}}, 404: {}})
    async def foreign_resource(request: Request, iri: str = "", format: str | None = None):
        if not re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]*$", iri or ""):
            return error_response(request, 400, "Bad request", "give the IRI of a resource: /resource?iri=IRI")
        local = iris.path_of(iri)
        if local and not iri.startswith(ontology_iri):
            return RedirectResponse(iris.link(local) + (f".{neg.by_name(format, neg.RESOURCE).ext}"
                                                        if neg.by_name(format, neg.RESOURCE) else ""), 301)
        forced = neg.by_name(format, neg.RESOURCE)
        return await serve_resource(request, iri, forced)

    # ------------------------------------------------------------------ home, browse

    @app.get("/", include_in_schema=False)
    async def home(request: Request):
        hit = cache.get(("home",))
        if hit is None:
            def build():
                page = pages.home_page(site)
                return html(render("home.html", page=page, c=page.context, page_title=page.title,
                                   canned=canned_home[:8]))
            hit = cache.put(("home",), await run_in_threadpool(build))
        return hit.response()

    @app.get("/browse/{kind}", include_in_schema=False)
    async def browse(request: Request, kind: str):
        key = ("browse", kind)
        hit = cache.get(key)
        if hit is None:
            def build():
                page = pages.browse_page(site, kind)
                if page is None:
                    return not_found_body(request, f"no index {kind!r}; indexes: {', '.join(pages.BROWSE)}")
                return html(render("browse.html", page=page, c=page.context, page_title=page.title))
            hit = cache.put(key, await run_in_threadpool(build))
        return hit.response()

    # ------------------------------------------------------------------ ontology

    def ontology_response(request: Request, fmt: neg.Format, vary: bool) -> Response:
        key = ("onto", fmt.name)
        hit = cache.get(key)
        if hit is None:
            if fmt.name == "html":
                terms = onto.terms()
                hit = html(render("ontology.html", header=onto.header(), terms=terms, page_title="A4P ontology",
                                  forms=alternates(lambda ext: iris.link("/ontology." + ext))[0]))
            elif fmt.name == "turtle" and onto.text:
                hit = Cached(200, onto.text, fmt.content_type)
            else:
                hit = Cached(200, serialize(graph_to_triples(onto.graph), fmt.name, base=iris.base_iri,
                                            context=None), fmt.content_type)
            cache.put(key, hit)
        resp = hit.response()
        if vary:
            resp.headers["Vary"] = "Accept"
            resp.headers["Content-Location"] = iris.link("/ontology." + fmt.ext)
        return resp

    @app.get("/ontology", summary="The A4P ontology (HTML documentation or RDF by negotiation)",
             responses={200: {"content": {f.media_type: {} for f in neg.RESOURCE}}})
    async def ontology(request: Request, format: str | None = None):
        fmt = neg.by_name(format, neg.RESOURCE) or neg.pick(request.headers.get("accept"), neg.RESOURCE)
        return ontology_response(request, fmt, vary=format is None)

    @app.get("/ontology.{ext}", include_in_schema=False)
    async def ontology_ext(request: Request, ext: str):
        fmt = neg.FORMATS.get(RDF_EXTENSIONS.get(ext, ""))
        if fmt is None:
            return not_found(request, f"no ontology form .{ext}; forms: .ttl .jsonld .nt .rdf .html")
        return ontology_response(request, fmt, vary=False)

    @app.get("/ontology/{rest:path}", include_in_schema=False)
    async def ontology_version(request: Request, rest: str):
        fmt = neg.pick(request.headers.get("accept"), neg.RESOURCE)
        return ontology_response(request, fmt, vary=True)

    # ------------------------------------------------------------------ SPARQL

    def editor_query(load: str | None) -> str:
        if load and load in canned_by_name:
            return canned_by_name[load].text
        return site.pages.text("editor_example").split("\n", 1)[1]

    def results_table(names: list[str], rows: list[list]) -> dict:
        """Rows of cells (type, value, datatype, lang) -> headers and HTML cells (labels shown for IRIs)."""
        label_cols = {n[:-5]: i for i, n in enumerate(names) if n.endswith("Label") and n[:-5] in names}
        shown = [i for i, n in enumerate(names) if not (n.endswith("Label") and n[:-5] in names)]
        out_rows = []
        for row in rows:
            cells = []
            for i in shown:
                c = row[i]
                if c is None:
                    cells.append(Markup(""))
                elif c[0] == "uri":
                    li = label_cols.get(names[i])
                    lab = row[li][1] if li is not None and row[li] is not None else site.label(c[1])
                    cells.append(Markup('<a href="{}" title="{}">{}</a>').format(iris.href(c[1]), c[1], lab))
                else:
                    v = c[1]
                    cells.append(Markup("{}").format(v if len(v) < 600 else v[:600] + "…"))
            out_rows.append(cells)
        return {"headers": [names[i] for i in shown], "rows": out_rows}

    async def sparql_page(request: Request, *, query: str | None, load: str | None, answer=None, error=None,
                          status: int = 200) -> Response:
        ctx = {"query": query if query is not None else editor_query(load), "canned": canned,
               "answer": answer, "error": error, "page_title": "SPARQL query", "limits": limits}
        return Response(render("sparql.html", **ctx), status_code=status, media_type="text/html; charset=utf-8")

    SD_OFFERS = (neg.HTML, neg.TURTLE, neg.JSONLD, neg.NTRIPLES, neg.RDFXML)

    async def sparql(request: Request):
        body = await request.body() if request.method == "POST" else b""
        accept = request.headers.get("accept")
        try:
            req = parse_request(request.method, request.url.query, request.headers.get("content-type"), body)
        except ProtocolError as exc:
            if _wants_html(request):
                return await sparql_page(request, query=None, load=None, error=(exc.title, str(exc)),
                                         status=exc.status)
            return error_response(request, exc.status, exc.title, str(exc))
        if req.query is None:
            fmt = neg.by_name(req.format, SD_OFFERS) or neg.pick(accept, SD_OFFERS)
            if fmt.name == "html":
                return await sparql_page(request, query=None, load=request.query_params.get("load"))
            endpoint = _absolute_root(request) + "sparql"
            g = service_description(endpoint, dataset=dataset_iri, graphs=stats().graphs, triples=stats().triples)
            return Response(serialize(graph_to_triples(g), fmt.name, base=iris.base_iri), media_type=fmt.content_type,
                            headers={"Vary": "Accept"})
        try:
            form = check_query(req.query)
        except ProtocolError as exc:
            if _wants_html(request):
                return await sparql_page(request, query=req.query, load=None, error=(exc.title, str(exc)),
                                         status=exc.status)
            return error_response(request, exc.status, exc.title, str(exc))
        offers = neg.GRAPH_RESULTS if form in ("CONSTRUCT", "DESCRIBE") else neg.SELECT_RESULTS
        fmt = neg.by_name(req.format, offers) or neg.pick(accept, offers)
        run_fmt = ("turtle" if offers is neg.GRAPH_RESULTS else "json") if fmt.name == "html" else fmt.name
        key = ("q", req.query, tuple(req.default_graphs), tuple(req.named_graphs), run_fmt)
        hit = cache.get(key)
        if hit is None:
            try:
                ans = await pool.run(req.query, run_fmt, default_graphs=req.default_graphs,
                                     named_graphs=req.named_graphs)
            except QueryRejected as exc:
                if fmt.name == "html":
                    return await sparql_page(request, query=req.query, load=None, error=(exc.title, exc.detail),
                                             status=exc.status)
                return error_response(request, exc.status, exc.title, exc.detail)
            media = ans.media_type
            if ";" not in media and (media.startswith("text/") or media.endswith(("json", "xml", "triples"))):
                media += "; charset=utf-8"
            hit = cache.put(key, Cached(200, ans.body, media, {"X-Result-Count": str(ans.count)}))
        if fmt.name != "html":
            resp = hit.response()
            resp.headers["Vary"] = "Accept"
            return resp
        if run_fmt == "json":
            data = json.loads(hit.body)
            if "boolean" in data:
                answer = {"boolean": data["boolean"]}
            else:
                names = data["head"]["vars"]
                rows = [[_json_cell(b.get(n)) for n in names] for b in data["results"]["bindings"]]
                answer = {"table": results_table(names, rows), "count": len(rows)}
        else:
            answer = {"text": hit.body.decode("utf-8")}
        return await sparql_page(request, query=req.query, load=None, answer=answer)

    SPARQL_DOC = dict(
        summary="SPARQL 1.1 Protocol endpoint (read-only)",
        description="query= by GET or POST (application/x-www-form-urlencoded), or the query as the body "
                    "(application/sparql-query). Results: SPARQL JSON, XML, CSV, TSV; CONSTRUCT/DESCRIBE: Turtle, "
                    "N-Triples, JSON-LD, RDF/XML. Without a query: the service description (RDF) or the query page "
                    "(HTML). Update and SERVICE are refused (403); a query over the time limit answers 503, over "
                    "the result limit 400.",
        responses={200: {"content": {m: {} for m in (
            "application/sparql-results+json", "application/sparql-results+xml", "text/csv",
            "text/tab-separated-values", "text/turtle", "application/n-triples", "application/ld+json",
            "application/rdf+xml", "text/html")}}, 400: {}, 403: {}, 413: {}, 415: {}, 503: {}})
    app.add_api_route("/sparql", sparql, methods=["GET"], operation_id="sparql_get", **SPARQL_DOC)
    app.add_api_route("/sparql", sparql, methods=["POST"], operation_id="sparql_post", **SPARQL_DOC)

    # ------------------------------------------------------------------ canned queries

    CANNED_OFFERS = neg.SELECT_RESULTS

    @app.get("/queries", summary="The canned questions (queries/*.rq) with their parameters",
             responses={200: {"content": {"application/json": {}, "text/html": {}}}})
    async def list_canned(request: Request):
        fmt = neg.pick(request.headers.get("accept"), (neg.HTML, neg.Format("json", "application/json")))
        if fmt.name == "html" and request.query_params.get("format") != "json":
            return Response(render("queries.html", canned=canned, page_title="Canned questions"),
                            media_type="text/html; charset=utf-8")
        data = [{"name": q.name, "summary": q.summary, "tags": list(q.tags), "returns": list(q.returns),
                 "url": iris.link(f"/queries/{q.name}"),
                 "params": {p.name: {"type": p.type, "required": p.required, "example": p.example,
                                     "description": p.description} for p in q.params.values()}}
                for q in canned]
        return Response(json.dumps(data, indent=1).encode("utf-8"), media_type="application/json")

    async def run_canned(request: Request, name: str) -> Response:
        q = canned_by_name.get(name)
        if q is None:
            close = difflib.get_close_matches(name, list(canned_by_name), n=3)
            return not_found(request, f"no canned query {name!r}" + (
                f"; did you mean {', '.join(close)}?" if close else f"; see {iris.link('/queries')}"))
        raw = {k: v for k, v in request.query_params.multi_items() if k != "format"}
        fmt = neg.by_name(request.query_params.get("format"), CANNED_OFFERS) or \
            neg.pick(request.headers.get("accept"), CANNED_OFFERS)
        key = ("canned", name, tuple(sorted(raw.items())), fmt.name)
        hit = cache.get(key)
        if hit is not None:
            return hit.response()
        if fmt.name == "html" and not raw and any(p.required for p in q.params.values()):
            raw_form = q.example_params()
            hit = html(render("query.html", q=q, values=raw_form, answer=None, error=None, needs_input=True,
                              page_title=q.name, formats=_canned_forms(q.name, raw_form)))
            return cache.put(key, hit).response()
        try:
            res: Results = await run_in_threadpool(canned_lib.run, q, st, raw)
        except QueryError as exc:
            if fmt.name == "html":
                return Response(render("query.html", q=q, values=raw, answer=None, error=str(exc), needs_input=False,
                                       page_title=q.name, formats=_canned_forms(q.name, raw)),
                                status_code=400, media_type="text/html; charset=utf-8")
            return Response(f"Bad request: {exc}\n", status_code=400, media_type="text/plain; charset=utf-8")
        if fmt.name == "html":
            rows = [[cell(t) for t in row] for row in res.rows]
            hit = html(render("query.html", q=q, values=raw, error=None, needs_input=False, page_title=q.name,
                              answer={"table": results_table(res.vars, rows), "count": len(rows)},
                              formats=_canned_forms(q.name, raw)))
        else:
            media, body = serialize_solutions(res.vars, res.rows, fmt.name)
            hit = Cached(200, body, media + ("; charset=utf-8" if media.startswith("text/") or
                                                media.endswith(("json", "xml")) else ""), {"Vary": "Accept"})
        return cache.put(key, hit).response()

    def _canned_forms(name: str, raw: dict) -> list[dict]:
        out = []
        for f in ("csv", "tsv", "json", "xml"):
            out.append({"name": f.upper(), "href": iris.link(f"/queries/{name}?" + urlencode({**raw, "format": f}))})
        return out

    for q in canned:
        params = [{"name": p.name, "in": "query", "required": p.required,
                   "description": (p.description or p.type) + f" ({p.type}; e.g. {p.example})",
                   "schema": {"type": "string"}, "example": p.example} for p in q.params.values()]
        params.append({"name": "format", "in": "query", "required": False,
                       "description": "json, xml, csv, tsv or html (overrides the Accept header)",
                       "schema": {"type": "string", "enum": ["json", "xml", "csv", "tsv", "html"]}})

        async def endpoint(request: Request, _name: str = q.name):
            return await run_canned(request, _name)

        endpoint.__name__ = f"query_{q.name}"
        app.add_api_route(f"/queries/{q.name}", endpoint, methods=["GET"], summary=q.summary,
                          description=(q.description or q.summary) + f"\n\nReturns: {', '.join(q.returns)}.",
                          tags=["canned queries"] + list(q.tags), openapi_extra={"parameters": params},
                          responses={200: {"content": {f.media_type: {} for f in CANNED_OFFERS}},
                                     400: {"description": "a missing or mistyped parameter"}})

    @app.get("/queries/{name}", include_in_schema=False)
    async def canned_fallback(request: Request, name: str):
        return await run_canned(request, name)

    # ------------------------------------------------------------------ dataset description and dumps

    def stats():
        with stats_lock:
            if "s" not in stats_holder:
                stats_holder["s"] = dataset_stats(site)
            return stats_holder["s"]

    def dump_files() -> list[Path]:
        if not dumps.is_dir():
            return []
        return sorted(p for p in dumps.iterdir() if p.is_file() and not p.is_symlink()
                      and not p.name.startswith("."))

    async def serve_dataset(request: Request, fmt: neg.Format) -> Response:
        public = _absolute_root(request)
        key = ("dataset", public, fmt.name)
        hit = cache.get(key)
        if hit is None:
            def build():
                s = stats()
                ds, g = describe_dataset(site, s, public=public, dumps=dump_files(), title=title,
                                         license_iri=license_iri)
                forms, link_header = alternates(lambda ext: iris.href(ds, ext=ext))
                if fmt.name == "html":
                    return html(render("dataset.html", s=s, ds=ds, dumps=dump_files(), forms=forms,
                                       license_iri=license_iri, public=public, page_title="The dataset",
                                       canned=canned), headers={"Link": link_header})
                return Cached(200, serialize(graph_to_triples(g), fmt.name, base=iris.base_iri, context=_context()),
                              fmt.content_type, {"Link": link_header})
            hit = cache.put(key, await run_in_threadpool(build))
        resp = hit.response()
        resp.headers["Vary"] = "Accept"
        return resp

    @app.get("/dataset", include_in_schema=False)
    async def dataset_redirect(request: Request):
        return RedirectResponse(iris.href(dataset_iri), status_code=303)

    @app.get("/.well-known/void", summary="The VoID description (redirects to the dataset)")
    async def well_known_void(request: Request):
        return RedirectResponse(iris.href(dataset_iri), status_code=303)

    @app.get("/dumps", include_in_schema=False)
    async def dumps_redirect():
        return RedirectResponse(iris.link("/dumps/"), status_code=301)

    @app.get("/dumps/", summary="The downloadable dumps of the graph (graph/)")
    async def dumps_index(request: Request):
        files = dump_files()
        if not _wants_html(request):
            data = [{"name": p.name, "url": iris.link("/dumps/" + quote(p.name)), "bytes": p.stat().st_size,
                     "media_type": DUMP_TYPES.get(p.suffix, "application/octet-stream")} for p in files]
            return Response(json.dumps(data, indent=1), media_type="application/json")
        return Response(render("dumps.html", files=files, types=DUMP_TYPES, page_title="Dumps"),
                        media_type="text/html; charset=utf-8")

    @app.get("/dumps/{name}", summary="One dump file",
             responses={200: {"content": {m: {} for m in DUMP_TYPES.values()}}, 404: {}})
    async def dump_file(request: Request, name: str):
        # only a file listed in the folder is served: no path from the request ever reaches the file system
        by_name = {p.name: p for p in dump_files()}
        path = by_name.get(name)
        if path is None or path.resolve().parent != dumps.resolve():
            return not_found(request, f"no dump named {name!r}; see {iris.link('/dumps/')}")
        return FileResponse(path, media_type=DUMP_TYPES.get(path.suffix, "application/octet-stream"),
                            filename=path.name)

    @app.get("/healthz", include_in_schema=False)
    async def health():
        return Response("ok\n", media_type="text/plain")

    # ------------------------------------------------------------------ errors

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 404:
            return not_found(request, f"nothing at {request.url.path}")
        return error_response(request, exc.status_code, "Error", str(exc.detail))

    app.add_middleware(GuardMiddleware, limits=limits)
    return app


def _json_cell(b: dict | None):
    if b is None:
        return None
    kind = b.get("type")
    if kind == "typed-literal":
        kind = "literal"
    return (kind, b.get("value", ""), b.get("datatype"), b.get("xml:lang"))
