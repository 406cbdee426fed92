"""RDF representations of a set of triples: Turtle (with the project's prefixes), N-Triples, RDF/XML (all by
Oxigraph) and JSON-LD compacted with the project's local context (by rdflib; the context is never fetched).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import pyoxigraph as ox

from ..namespaces import PREFIXES

__all__ = ["serialize", "graph_to_triples", "to_ox", "RDF_FORMATS"]

RDF_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML,
               "jsonld": ox.RdfFormat.JSON_LD}


def _prefixes(base: str) -> dict[str, str]:
    # no prefix for the data base: its IRIs hold slashes (report/A-74-533/para/28), which a Turtle local name
    # can only carry escaped (id:report\/A-74-533...); written in full they stay readable and copyable
    return {p: str(ns) for p, ns in PREFIXES.items() if not base.startswith(str(ns))}


def serialize(triples: Sequence, fmt: str, *, base: str, context: dict | None = None) -> bytes:
    """Serialise pyoxigraph triples as ``fmt`` (turtle, ntriples, rdfxml, jsonld)."""
    if fmt == "jsonld":
        return _jsonld(triples, context)
    if not triples:
        return b""
    kwargs = {"prefixes": _prefixes(base)} if fmt == "turtle" else {}
    return ox.serialize(triples, format=RDF_FORMATS[fmt], **kwargs)


def _jsonld(triples: Sequence, context: dict | None) -> bytes:
    from rdflib import Graph

    g = Graph()
    if triples:
        g.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
    if context is None:
        return g.serialize(format="json-ld", indent=1).encode("utf-8")
    data = json.loads(g.serialize(format="json-ld", context=context, auto_compact=True))
    if isinstance(data, dict):
        data["@context"] = context
    return json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True).encode("utf-8")


def graph_to_triples(graph) -> list:
    """An rdflib graph as pyoxigraph triples (for descriptions built with rdflib)."""
    data = graph.serialize(format="nt", encoding="utf-8")
    return [getattr(t, "triple", t) for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]


def to_ox(t):
    """An :class:`a4p_kg.store.Term` as a pyoxigraph term."""
    if t.type == "uri":
        return ox.NamedNode(t.value)
    if t.type == "bnode":
        return ox.BlankNode(t.value)
    if t.lang:
        return ox.Literal(t.value, language=t.lang)
    if t.datatype:
        return ox.Literal(t.value, datatype=ox.NamedNode(t.datatype))
    return ox.Literal(t.value)
