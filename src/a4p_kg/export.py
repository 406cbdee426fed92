"""Serialise the graph deterministically: Turtle, N-Triples, TriG, JSON-LD (local context), byte-identical
for the same input."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from rdflib import Dataset, Graph

from .namespaces import DEFAULT_BASE, bind_prefixes
from .paths import ontology_dir

__all__ = ["write_exports", "union_graph", "jsonld_context", "EXPORT_FILES"]

EXPORT_FILES = ("a4p.ttl", "a4p.nt", "a4p.trig", "a4p.jsonld")


@lru_cache(maxsize=1)
def _context_text() -> str:
    return (ontology_dir() / "context.jsonld").read_text(encoding="utf-8")


def jsonld_context() -> dict:
    """The local JSON-LD context (``ontology/context.jsonld``), never fetched from the web."""
    return json.loads(_context_text())["@context"]


def union_graph(dataset: Dataset, *, base: str = DEFAULT_BASE) -> Graph:
    union = Graph()
    bind_prefixes(union, base=base)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def _ntriples(graph: Graph) -> str:
    text = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
    return "".join(sorted(set(line + "\n" for line in text.splitlines() if line.strip())))


def _jsonld(graph: Graph) -> str:
    context = jsonld_context()
    data = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=False,
                                      encoding="utf-8").decode("utf-8"))
    nodes = data.get("@graph", [data] if "@id" in data else [])
    nodes = [n for n in nodes if isinstance(n, dict)]
    for node in nodes:
        for key, value in node.items():
            if isinstance(value, list):
                node[key] = sorted(value, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    nodes.sort(key=lambda n: str(n.get("@id", "")))
    return json.dumps({"@context": context, "@graph": nodes}, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def _trig(dataset: Dataset, *, base: str) -> str:
    """TriG with one prefix block and the named graphs in IRI order (rdflib's own writer orders graphs by
    store internals, which is not stable across runs)."""
    probe = Graph()
    bind_prefixes(probe, base=base)
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(probe.namespaces()) if p)
    parts = [header]
    for graph in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if len(graph) == 0:
            continue
        g = Graph()
        bind_prefixes(g, base=base)
        for t in graph:
            g.add(t)
        body = "\n".join(ln for ln in g.serialize(format="turtle").splitlines()
                         if not ln.startswith("@prefix")).strip("\n")
        parts.append(f"<{graph.identifier}> {{\n{body}\n}}\n")
    return "\n".join(parts)


def write_exports(dataset: Dataset, folder: Path, *, base: str = DEFAULT_BASE) -> dict[str, int]:
    """Write the four exports into ``folder``; return the triple count of the union."""
    union = union_graph(dataset, base=base)
    (folder / "a4p.ttl").write_text(union.serialize(format="turtle"), encoding="utf-8")
    (folder / "a4p.nt").write_text(_ntriples(union), encoding="utf-8")
    (folder / "a4p.trig").write_text(_trig(dataset, base=base), encoding="utf-8")
    (folder / "a4p.jsonld").write_text(_jsonld(union), encoding="utf-8")
    return {"triples": len(union)}
