"""The SPARQL 1.1 Protocol (https://www.w3.org/TR/sparql11-protocol/) for a read-only endpoint: read the
operation from a request (GET, POST URL-encoded, POST direct), refuse updates and federated ``SERVICE`` calls,
tell the query form, and describe the service (SPARQL 1.1 Service Description).

>>> query_form("PREFIX s: <http://e/#> # CONSTRUCT in a comment\\nSELECT * { ?s ?p 'ASK' }")
'SELECT'
>>> check_query("SELECT * WHERE { SERVICE <http://evil.example/sparql> { ?s ?p ?o } }")
Traceback (most recent call last):
...
a4p_kg.server.sparql_protocol.ProtocolError: federated queries (SERVICE) are refused by this endpoint
>>> check_query("SELECT ?service WHERE { ?service <http://e/p> 'SERVICE' }")
'SELECT'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from ..namespaces import SD, VOID
from ..store import sparql_tokens

__all__ = ["ProtocolError", "SparqlRequest", "parse_request", "check_query", "query_form",
           "service_description", "UPDATE_WORDS"]

FORMATS_NS = Namespace("http://www.w3.org/ns/formats/")
UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}


class ProtocolError(Exception):
    """A request the endpoint refuses: ``status`` is the HTTP status, the message says why."""

    def __init__(self, message: str, status: int = 400, title: str = "Bad request") -> None:
        super().__init__(message)
        self.status = status
        self.title = title


@dataclass
class SparqlRequest:
    query: str | None
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    format: str | None = None  # ?format= / ?output= override of the Accept header


def _refuse_update() -> ProtocolError:
    return ProtocolError("this endpoint is read-only: SPARQL Update is refused (use the dumps or your own "
                         "store to change the data)", 403, "Update refused")


def _from_pairs(pairs: list[tuple[str, str]], *, body_query: str | None = None) -> SparqlRequest:
    if any(k in ("update", "using-graph-uri", "using-named-graph-uri") for k, _ in pairs):
        raise _refuse_update()
    queries = [v for k, v in pairs if k == "query"]
    if body_query is not None:
        if queries:
            raise ProtocolError("give the query either in the body or as the query parameter, not both")
        queries = [body_query]
    if len(queries) > 1:
        raise ProtocolError("more than one query parameter")
    fmt = next((v for k, v in pairs if k in ("format", "output", "results")), None)
    return SparqlRequest(
        query=queries[0] if queries else None,
        default_graphs=[v for k, v in pairs if k == "default-graph-uri"],
        named_graphs=[v for k, v in pairs if k == "named-graph-uri"],
        format=fmt,
    )


def parse_request(method: str, query_string: str, content_type: str | None, body: bytes) -> SparqlRequest:
    """The SPARQL operation of an HTTP request (§2.1 of the protocol: the three ways to send a query).

    Raises:
        ProtocolError: an update (403), two queries, an unsupported media type (415), a body not UTF-8.
    """
    url_pairs = parse_qsl(query_string, keep_blank_values=True)
    if method in ("GET", "HEAD"):
        return _from_pairs(url_pairs)
    if method != "POST":
        raise ProtocolError(f"method {method} is not allowed", 405, "Method not allowed")
    media = (content_type or "").split(";")[0].strip().lower()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise ProtocolError("the request body is not UTF-8") from None
    if media == "application/x-www-form-urlencoded":
        return _from_pairs(url_pairs + parse_qsl(text, keep_blank_values=True))
    if media == "application/sparql-query":
        return _from_pairs(url_pairs, body_query=text)
    if media == "application/sparql-update":
        raise _refuse_update()
    raise ProtocolError(f"unsupported request media type {media or '(none)'!r}: send "
                        "application/x-www-form-urlencoded or application/sparql-query", 415,
                        "Unsupported media type")


_UNESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
def _words(query: str) -> list[str]:
    # SPARQL 1.1 §19.2: \u escapes may appear anywhere and are replaced before parsing; do the same so an
    # escaped keyword cannot slip past the checks (engines that do not unescape just fail to parse it)
    text = _UNESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), query)
    return [text[a:b].upper() for kind, a, b in sparql_tokens(text) if kind == "word"]


def query_form(query: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first form keyword after the prologue (None if there is none)."""
    for w in _words(query):
        if w in _FORMS:
            return w
        if w in UPDATE_WORDS:
            return None
    return None


def check_query(query: str) -> str:
    """The form of a query this endpoint will run; refuse updates, ``SERVICE`` and non-queries.

    Raises:
        ProtocolError: 403 for an update or a SERVICE call, 400 for text that is no query.
    """
    if not query or not query.strip():
        raise ProtocolError("the query is empty")
    words = _words(query)
    for w in words:
        if w in _FORMS:
            break
        if w in UPDATE_WORDS:
            raise _refuse_update()
    if "SERVICE" in words:
        raise ProtocolError("federated queries (SERVICE) are refused by this endpoint", 403,
                            "Federated query refused")
    form = query_form(query)
    if form is None:
        raise ProtocolError("no SELECT, ASK, CONSTRUCT or DESCRIBE query form found")
    return form


def service_description(endpoint: str, *, dataset: str, graphs: Mapping[str, int], triples: int) -> Graph:
    """The SPARQL 1.1 Service Description of the endpoint (§3 of that spec)."""
    g = Graph()
    g.bind("sd", SD)
    g.bind("void", VOID)
    g.bind("formats", FORMATS_NS)
    svc = URIRef(endpoint)
    g.add((svc, RDF.type, SD.Service))
    g.add((svc, SD.endpoint, svc))
    g.add((svc, SD.supportedLanguage, SD.SPARQL11Query))
    g.add((svc, SD.feature, SD.UnionDefaultGraph))
    # no sd:BasicFederatedQuery: SERVICE is refused on purpose
    for fmt in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                "Turtle", "N-Triples", "RDF_XML", "JSON-LD"):
        g.add((svc, SD.resultFormat, FORMATS_NS[fmt]))
    ds = BNode("dataset")
    g.add((svc, SD.defaultDataset, ds))
    g.add((ds, RDF.type, SD.Dataset))
    g.add((ds, URIRef("http://purl.org/dc/terms/source"), URIRef(dataset)))
    default = BNode("default")
    g.add((ds, SD.defaultGraph, default))
    g.add((default, RDF.type, SD.Graph))
    g.add((default, VOID.triples, Literal(triples)))
    for name, count in sorted(graphs.items()):
        ng = BNode()
        g.add((ds, SD.namedGraph, ng))
        g.add((ng, RDF.type, SD.NamedGraph))
        g.add((ng, SD.name, URIRef(name)))
        gg = BNode()
        g.add((ng, SD.graph, gg))
        g.add((gg, RDF.type, SD.Graph))
        g.add((gg, VOID.triples, Literal(count)))
    return g
