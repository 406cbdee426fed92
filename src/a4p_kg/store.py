"""Where the graph lives: an embedded on-disk store (pyoxigraph), an rdflib Dataset in memory, or any remote
SPARQL 1.1 endpoint (SPARQLWrapper), behind one interface.

Queries see the union of all graphs as their default graph (Oxigraph's ``use_default_graph_as_union``, an
rdflib ``Dataset(default_union=True)``, what Virtuoso and most stores do by default); each report is a named
graph, so ``GRAPH ?g { ?r a a4p:Report ... }`` scopes a pattern to one report.

Parameters are bound by the engine, never pasted into query text: a ``VALUES`` block built from checked and
escaped RDF terms, placed first in the query's outermost group and in every sub-SELECT projecting the
parameter (:func:`inject_values`), the same on every engine; Oxigraph ``substitutions`` and rdflib
``initBindings`` are available too (``binding`` attribute) and give the same rows.

    Store                  select / ask / construct; close
    ├── EmbeddedStore      pyoxigraph, on disk (``store_dir()``) or in memory; load_dataset, replace_graph
    ├── RdflibStore        an rdflib Dataset in memory (the reference engine in tests and benchmarks)
    └── RemoteStore        a SPARQL 1.1 endpoint over HTTP

>>> s = EmbeddedStore.memory()
>>> s.replace_graph("https://w3id.org/a4p/id/graph/report/X", b'<http://e/a> <http://e/p> "b" .\\n')
>>> r = s.select("SELECT ?s ?o WHERE { ?s <http://e/p> ?o } ORDER BY ?s", {"s": Term.iri("http://e/a")})
>>> [(row[0].value, row[1].value) for row in r.rows]
[('http://e/a', 'b')]
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Container, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, NamedTuple

from .errors import BadInput, EndpointError, QueryError

__all__ = [
    "Term", "Results", "Store", "EmbeddedStore", "RdflibStore", "RemoteStore", "open_store", "load_dataset",
    "sparql_tokens",
    "values_clause", "inject_values", "publish", "split_entities", "entities_graph", "XSD", "REPORT_GRAPH",
    "PROVENANCE_GRAPH", "REFERENCE_GRAPH",
]

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
#: path fragments of the graph IRIs the build mints (``iris.Minter.graph``), whatever the data base IRI
REPORT_GRAPH = "/graph/report/"
PROVENANCE_GRAPH = "/graph/provenance"
REFERENCE_GRAPH = "/graph/reference"

# IRIREF of SPARQL 1.1 / Turtle: no spaces, controls or <>"{}|^`\ (a \u escape is allowed there, but a
# parameter has no reason to use one, so it is refused rather than interpreted).
_IRI = re.compile(r'^[^\x00-\x20<>"{}|^`\\]*$')
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_LANG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")
_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


class Term(NamedTuple):
    """An RDF term as SPARQL 1.1 results JSON describes it: ``type`` is ``uri``, ``literal`` or ``bnode``.

    >>> Term.literal('say "hi"\\n').n3()
    '"say \\\\"hi\\\\"\\\\n"'
    >>> Term.iri("https://w3id.org/a4p/id/operation/MINUSCA").n3()
    '<https://w3id.org/a4p/id/operation/MINUSCA>'
    >>> Term.iri("http://e/a> } DROP ALL { <x").n3()
    Traceback (most recent call last):
    ...
    ValueError: not an IRI: 'http://e/a> } DROP ALL { <x'
    """

    type: str
    value: str
    datatype: str | None = None
    lang: str | None = None

    @staticmethod
    def iri(value: str) -> Term:
        return Term("uri", value)

    @staticmethod
    def literal(value: str, *, datatype: str | None = None, lang: str | None = None) -> Term:
        if datatype == XSD + "string":
            datatype = None
        return Term("literal", value, datatype, lang)

    @property
    def is_iri(self) -> bool:
        return self.type == "uri"

    def check(self) -> Term:
        """Raise ValueError unless the term can be written safely in SPARQL or N-Triples."""
        if self.type == "uri":
            if not _IRI.match(self.value) or not _SCHEME.match(self.value):
                raise ValueError(f"not an IRI: {self.value!r}")
        elif self.type == "literal":
            if self.lang is not None and not _LANG.match(self.lang):
                raise ValueError(f"not a language tag: {self.lang!r}")
            if self.datatype is not None:
                Term.iri(self.datatype).check()
        elif self.type == "bnode":
            raise ValueError("a blank node cannot be a parameter")
        else:
            raise ValueError(f"unknown term type {self.type!r}")
        return self

    def n3(self) -> str:
        """The term in SPARQL / N-Triples syntax, escaped (safe to place in a query)."""
        self.check()
        if self.type == "uri":
            return f"<{self.value}>"
        text = "".join(_ECHAR.get(c, c if c >= " " else f"\\u{ord(c):04X}") for c in self.value)
        if self.lang:
            return f'"{text}"@{self.lang}'
        if self.datatype:
            return f'"{text}"^^<{self.datatype}>'
        return f'"{text}"'

    def to_json(self) -> dict[str, str]:
        out = {"type": self.type, "value": self.value}
        if self.lang:
            out["xml:lang"] = self.lang
        elif self.datatype:
            out["datatype"] = self.datatype
        return out

    @staticmethod
    def from_json(d: Mapping[str, str]) -> Term:
        kind = d["type"]
        if kind == "typed-literal":  # SPARQL XML-era JSON, still sent by some Virtuoso versions
            kind = "literal"
        dt = d.get("datatype")
        if kind == "literal":
            return Term.literal(d["value"], datatype=dt, lang=d.get("xml:lang"))
        return Term(kind, d["value"])


@dataclass
class Results:
    """The rows of a SELECT, in order; a cell is a Term or None (unbound)."""

    vars: list[str]
    rows: list[tuple[Term | None, ...]]

    def to_json(self) -> dict[str, Any]:
        """SPARQL 1.1 Query Results JSON."""
        bindings = [{v: t.to_json() for v, t in zip(self.vars, row) if t is not None} for row in self.rows]
        return {"head": {"vars": list(self.vars)}, "results": {"bindings": bindings}}

    def column(self, name: str) -> list[Term | None]:
        i = self.vars.index(name)
        return [row[i] for row in self.rows]

    def project(self, names: list[str]) -> Results:
        idx = [self.vars.index(n) for n in names]
        return Results(list(names), [tuple(row[i] for i in idx) for row in self.rows])

    def dicts(self) -> list[dict[str, Term | None]]:
        return [dict(zip(self.vars, row)) for row in self.rows]

    def __len__(self) -> int:
        return len(self.rows)


class Store:
    """A SPARQL dataset to query. Subclasses implement :meth:`_select`, :meth:`ask`, :meth:`construct`."""

    description = "store"

    def select(self, query: str, bindings: Mapping[str, Term] | None = None) -> Results:
        """Run a SELECT query with parameters bound by the engine.

        Raises:
            QueryError: the query does not parse (or is not a SELECT).
            EndpointError: a remote endpoint cannot be reached or answers an error.
        """
        return self._select(query, dict(bindings or {}))

    def _select(self, query: str, bindings: dict[str, Term]) -> Results:
        raise NotImplementedError

    def ask(self, query: str) -> bool:
        raise NotImplementedError

    def construct(self, query: str) -> str:
        """CONSTRUCT or DESCRIBE: the triples as N-Triples text."""
        raise NotImplementedError

    def run(self, query: str) -> Results | bool | str:
        """Run any query form; the kind of the answer follows the query (SELECT, ASK, CONSTRUCT/DESCRIBE)."""
        form = query_form(query)
        if form == "SELECT":
            return self.select(query)
        if form == "ASK":
            return self.ask(query)
        return self.construct(query)

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)


def query_form(query: str) -> str:
    """The query form (SELECT, ASK, CONSTRUCT, DESCRIBE) of a SPARQL query, after its prologue.

    >>> query_form("PREFIX a: <http://e/#> # SELECT in a comment\\nASK { ?s ?p ?o }")
    'ASK'
    """
    for kind, start, end in sparql_tokens(query):
        if kind == "word":
            word = query[start:end].upper()
            if word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
                return word
    raise QueryError("the query has no SELECT, ASK, CONSTRUCT or DESCRIBE form")


# --------------------------------------------------------------------------------------------- embedded


def _ox():
    import pyoxigraph

    return pyoxigraph


def _ox_term(t: Term):
    ox = _ox()
    if t.type == "uri":
        return ox.NamedNode(t.value)
    if t.type == "literal":
        if t.lang:
            return ox.Literal(t.value, language=t.lang)
        if t.datatype:
            return ox.Literal(t.value, datatype=ox.NamedNode(t.datatype))
        return ox.Literal(t.value)
    raise ValueError("a blank node cannot be a parameter")


def _from_ox(t, _cache={}) -> Term | None:
    if t is None:
        return None
    if not _cache:
        ox = _ox()
        _cache.update(named=ox.NamedNode, literal=ox.Literal, blank=ox.BlankNode)
    cls = type(t)
    if cls is _cache["named"]:
        return Term("uri", t.value)
    if cls is _cache["literal"]:
        lang = t.language
        if lang:
            return Term("literal", t.value, None, lang)
        dt = t.datatype.value
        return Term("literal", t.value, None if dt == _XSD_STRING else dt, None)
    if cls is _cache["blank"]:
        return Term("bnode", t.value)
    return Term("literal", str(t))  # RDF-star triple terms: shown as text


_XSD_STRING = XSD + "string"


class EmbeddedStore(Store):
    """The embedded store: pyoxigraph on disk (RocksDB) or in memory.

    Use :meth:`open` for a folder, :meth:`memory` for a throw-away store.
    """

    #: how parameters are bound: "values" (a VALUES block of escaped terms, see :func:`inject_values`) or
    #: "substitutions" (Oxigraph's SEP-0007 substitution; the variable must be projected). VALUES is the
    #: default: pyoxigraph 0.5.13 plans a query with substitutions as if the variables were free (a UNION
    #: joined with another pattern took 150-350 ms instead of 1 ms on the report), and reads BOUND() of a
    #: substituted variable as false, which optional filter parameters need. Otherwise both give the same rows
    #: (tests/test_queries.py compares them).
    binding = "values"

    def __init__(self, store, *, path: Path | None = None, read_only: bool = False) -> None:
        self._store = store
        self.path = path
        self.read_only = read_only
        self.description = f"embedded store {path}" if path else "in-memory store"

    @classmethod
    def open(cls, path: str | os.PathLike | None = None, *, read_only: bool = False,
             create: bool = True) -> EmbeddedStore:
        """Open (or create) the store in ``path`` (default :func:`a4p_kg.paths.store_dir`).

        Raises:
            BadInput: no store there and ``create`` is false, or the folder cannot be opened.
        """
        from .paths import store_dir

        folder = Path(path) if path is not None else store_dir()
        if not (folder / "CURRENT").exists() and (read_only or not create):
            raise BadInput(folder, "holds no store: run `a4p-kg build` to fill it (or pass --endpoint URL)")
        ox = _ox()
        try:
            if read_only:
                store = ox.Store.read_only(str(folder))
            else:
                folder.mkdir(parents=True, exist_ok=True)
                store = ox.Store(str(folder))
        except OSError as exc:
            raise BadInput(folder, f"cannot open the store: {str(exc).splitlines()[0]}") from None
        return cls(store, path=folder, read_only=read_only)

    @classmethod
    def memory(cls) -> EmbeddedStore:
        return cls(_ox().Store())

    # -- queries
    def _solutions(self, query: str, substitutions=None):
        """The engine's solutions of a SELECT (the default graph is the union of all graphs).

        Raises:
            QueryError: the query does not parse, cannot run, or is not a SELECT.
        """
        try:
            res = self._store.query(query, use_default_graph_as_union=True, substitutions=substitutions)
        except SyntaxError as exc:
            raise QueryError(f"the query does not parse: {_one_line(exc)}") from None
        except RuntimeError as exc:
            raise QueryError(f"the query cannot run: {_one_line(exc)}") from None
        if not isinstance(res, _ox().QuerySolutions):
            raise QueryError("not a SELECT query")
        return res

    def _select(self, query: str, bindings: dict[str, Term]) -> Results:
        ox = _ox()
        subs = None
        if bindings and self.binding == "values":
            query = inject_values(query, bindings)
        elif bindings:
            subs = {ox.Variable(k): _ox_term(v) for k, v in bindings.items()}
        res = self._solutions(query, subs)
        names = [v.value for v in res.variables]
        # a cell repeats (a report symbol, a label): convert each distinct term once
        seen: dict = {}

        def term(t):
            if t is None:
                return None
            found = seen.get(t)
            if found is None:
                found = seen[t] = _from_ox(t)
            return found

        rows = [tuple([term(t) for t in sol]) for sol in res]
        return Results(names, rows)

    def ask(self, query: str) -> bool:
        try:
            return bool(self._store.query(query, use_default_graph_as_union=True))
        except (SyntaxError, RuntimeError) as exc:
            raise QueryError(f"the query does not parse: {_one_line(exc)}") from None

    def construct(self, query: str) -> str:
        ox = _ox()
        try:
            res = self._store.query(query, use_default_graph_as_union=True)
            return ox.serialize(res, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
        except (SyntaxError, RuntimeError) as exc:
            raise QueryError(f"the query does not parse: {_one_line(exc)}") from None

    def raw_query(self, query: str):
        """The engine's own answer (an iterator of pyoxigraph solutions), for benchmarks."""
        return self._store.query(query, use_default_graph_as_union=True)

    def select_nt(self, query: str) -> tuple[list[str], Iterator[tuple[str | None, ...]]]:
        """A SELECT's variables and its rows as N-Triples terms (``<iri>``, ``"v"^^<dt>``; None if unbound),
        streamed: for queries over the whole store, whose rows are too many to hold as :class:`Term` s.

        Raises:
            QueryError: the query does not parse or cannot run.
        """
        res = self._solutions(query)
        names = [v.value for v in res.variables]

        def rows():
            try:
                for sol in res:
                    yield tuple(None if (t := sol[n]) is None else str(t) for n in names)
            except RuntimeError as exc:
                raise QueryError(f"the query cannot run: {_one_line(exc)}") from None
        return names, rows()

    # -- contents
    def graphs(self) -> list[str]:
        """The named graphs, sorted."""
        return sorted(g.value for g in self._store.named_graphs())

    def __len__(self) -> int:
        return len(self._store)

    def replace_graph(self, graph: str, data: bytes | str | IO[bytes], *, format: str = "nt",
                      bulk: bool = False) -> None:
        """Replace the named graph ``graph`` with ``data`` (N-Triples by default; Turtle with ``format="ttl"``).

        The old graph is removed, then the new one loaded in one transaction; ``bulk`` uses the bulk loader,
        faster for big inputs but not transactional.
        """
        ox = _ox()
        fmt = {"nt": ox.RdfFormat.N_TRIPLES, "ttl": ox.RdfFormat.TURTLE}[format]
        g = ox.NamedNode(graph)
        self._store.remove_graph(g) if self._store.contains_named_graph(g) else None
        if bulk:
            self._store.bulk_load(data, format=fmt, to_graph=g)
        else:
            self._store.load(data, format=fmt, to_graph=g)

    def replace_graph_constructed(self, graph: str, queries: Iterable[tuple[str, str]]) -> int:
        """Replace the named graph ``graph`` with the triples that CONSTRUCT ``queries`` make from the store,
        each given as (where it comes from, for errors; text). Returns the number of triples.

        Raises:
            QueryError: a query does not parse or cannot run (the message names where it comes from).
        """
        ox = _ox()
        target = ox.NamedNode(graph)
        quads = []
        for source, text in queries:
            try:
                made = self._store.query(text, use_default_graph_as_union=True)
                quads.extend(ox.Quad(t.subject, t.predicate, t.object, target) for t in made)
            except (SyntaxError, RuntimeError) as exc:
                raise QueryError(f"{source}: {_one_line(exc)}") from None
        self.remove_graph(graph)
        if quads:
            self._store.extend(quads)
        return len(quads)

    def instances(self, graph: str, cls: str) -> list[str]:
        """The IRIs typed ``cls`` in the named graph ``graph``."""
        ox = _ox()
        rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
        return [q.subject.value for q in self._store.quads_for_pattern(None, rdf_type, ox.NamedNode(cls),
                                                                       ox.NamedNode(graph))
                if isinstance(q.subject, ox.NamedNode)]

    def load_quads(self, data: bytes | str | IO[bytes], *, format: str = "nq") -> None:
        """Bulk-load N-Quads or TriG (adds; graphs are not cleared first)."""
        ox = _ox()
        fmt = {"nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}[format]
        self._store.bulk_load(data, format=fmt)

    def remove_graph(self, graph: str) -> None:
        g = _ox().NamedNode(graph)
        if self._store.contains_named_graph(g):
            self._store.remove_graph(g)

    def dump_graph(self, graph: str) -> bytes:
        """One named graph as N-Triples."""
        ox = _ox()
        return self._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))

    def load_dataset(self, dataset) -> dict[str, int]:
        """Put an rdflib Dataset (as :func:`a4p_kg.build.build_dataset` makes it) into the store: each of its
        named graphs replaces the graph of the same name; graphs of other reports stay as they are.

        The provenance graph is merged, not replaced: the entries of the reports being loaded are replaced,
        those of other reports are kept. Descriptions of entities the build mints in report graphs (measures,
        cited documents, discovered entities) go to one shared graph (:func:`split_entities`), added to, never
        replaced. Returns the triples loaded per graph.
        """
        counts: dict[str, int] = {}
        prov_graph = None
        for graph in dataset.graphs():
            name = str(graph.identifier)
            if len(graph) == 0 or not name.startswith(("http://", "https://", "urn:")):
                continue
            if name.endswith(PROVENANCE_GRAPH):
                prov_graph = graph
                continue
            data = _ntriples(graph)
            if REPORT_GRAPH in name:
                data, shared = split_entities(data, name)
                if shared:
                    self._store.load(shared, format=_ox().RdfFormat.N_TRIPLES,
                                     to_graph=_ox().NamedNode(entities_graph(name)))
                    counts[entities_graph(name)] = counts.get(entities_graph(name), 0) + shared.count(b"\n")
            self.replace_graph(name, data)
            counts[name] = data.count(b"\n")
        if prov_graph is not None:
            name = str(prov_graph.identifier)
            self._merge_provenance(name, [g for g in counts if REPORT_GRAPH in g])
            self._store.load(_ntriples(prov_graph), format=_ox().RdfFormat.N_TRIPLES,
                             to_graph=_ox().NamedNode(name))
            counts[name] = len(prov_graph)
        from .tallies import refresh

        refresh(self, [g for g in counts if REPORT_GRAPH in g])
        self._store.flush() if not self.read_only and self.path else None
        return counts

    def _merge_provenance(self, prov: str, report_graphs: list[str]) -> None:
        """Remove from the provenance graph what it says about ``report_graphs`` (their build, source and
        report), keeping what other reports' builds share (the software agent)."""
        ox = _ox()
        pg = ox.NamedNode(prov)
        if not self._store.contains_named_graph(pg):
            return
        prov_ns = "http://www.w3.org/ns/prov#"
        doomed: set = set()
        for name in report_graphs:
            g = ox.NamedNode(name)
            doomed.add(g)
            for q in self._store.quads_for_pattern(g, None, None, pg):
                if q.predicate.value in (prov_ns + "wasGeneratedBy", prov_ns + "wasDerivedFrom"):
                    doomed.add(q.object)
            # the report node (id:report/X for id:graph/report/X) is described there too
            doomed.add(ox.NamedNode(name.replace(REPORT_GRAPH, "/report/")))
        shared = set()
        for node in list(doomed):
            if type(node).__name__ != "NamedNode" or REPORT_GRAPH in node.value:
                continue
            # a source or build used by a graph that is not being replaced stays
            for q in self._store.quads_for_pattern(None, None, node, pg):
                if q.subject not in doomed:
                    shared.add(node)
        for node in doomed - shared:
            for q in list(self._store.quads_for_pattern(node, None, None, pg)):
                self._store.remove(q)

    def flush(self) -> None:
        self._store.flush()

    def optimize(self) -> None:
        self._store.optimize()

    def compact(self) -> None:
        """Compact the store after a load: a bulk load leaves many overlapping files, and replaced graphs leave
        deleted entries; a read-only store (every query) reads them as they are. Compacted, one mission's
        profile at 1,000 reports took 13.7 ms instead of 19.9 ms, and reads on the report were ~25% faster after
        many rebuilds. Takes 0.1 s at one report, ~2 s at 100 and ~28 s at 1,000 reports."""
        self._store.optimize()

    def close(self) -> None:
        self._store = None


def _ntriples(graph) -> bytes:
    return graph.serialize(format="nt", encoding="utf-8")


#: what describes an entity the build mints in a report graph (a measure, a cited document, a discovered
#: organization): each report that names it repeats these triples
_DESCRIPTIONS = tuple(f"<{p}>".encode() for p in (
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2004/02/skos/core#altLabel", "http://www.w3.org/2004/02/skos/core#notation",
    "https://w3id.org/a4p/ontology#symbol", "https://w3id.org/a4p/ontology#acronym",
    "https://w3id.org/a4p/ontology#discovered"))


def entities_graph(report_graph: str) -> str:
    """The shared graph of entity descriptions, beside ``{base}graph/report/...``: ``{base}graph/entities``."""
    return report_graph.split(REPORT_GRAPH, 1)[0] + "/graph/entities"


TALLY_GRAPH = "/graph/tallies/"


def tally_graph(report_graph: str) -> str:
    """The graph of a report's tallies (:mod:`a4p_kg.tallies`): ``{base}graph/tallies/report/X`` for
    ``{base}graph/report/X``."""
    base, slug = report_graph.split(REPORT_GRAPH, 1)
    return f"{base}{TALLY_GRAPH}report/{slug}"


def corpus_tally_graph(base: str) -> str:
    """The graph of the tallies over all the reports of a store: ``{base}graph/tallies/corpus``."""
    return f"{base.rstrip('/')}{TALLY_GRAPH}corpus"


#: the start of the path of every mission tally graph (and of the one graph that held them all before)
MISSION_TALLY_GRAPH = TALLY_GRAPH + "mission"


def mission_tally_graph(base: str, operation: str, taken: Container[str] = ()) -> str:
    """The graph of one peace operation's mission tallies over all the reports of a store:
    ``{base}graph/tallies/mission/MINUSCA`` for ``.../operation/MINUSCA`` (the last segment of its IRI), with
    "-" added while it is one of ``taken`` (two operations whose IRIs end alike).

    >>> mission_tally_graph("https://w3id.org/a4p/id", "https://w3id.org/a4p/id/operation/MINUSCA")
    'https://w3id.org/a4p/id/graph/tallies/mission/MINUSCA'
    """
    slug = re.sub(r"[^A-Za-z0-9._~-]", "-", re.split(r"[/#]", operation.rstrip("/#"))[-1]) or "-"
    graph = f"{base.rstrip('/')}{MISSION_TALLY_GRAPH}/{slug}"
    while graph in taken:
        graph += "-"
    return graph


def report_of_tally_graph(graph: str) -> str | None:
    """The report graph a report's tally graph counts (None for any other graph)."""
    if TALLY_GRAPH + "report/" not in graph:
        return None
    base, slug = graph.split(TALLY_GRAPH + "report/", 1)
    return f"{base}{REPORT_GRAPH}{slug}"


def split_entities(ntriples: bytes, report_graph: str) -> tuple[bytes, bytes]:
    """Split a report graph's N-Triples into (the report's own triples, descriptions of shared entities).

    A measure, a cited document or a discovered entity is described (type, label, symbol, acronym) in every
    report graph that names it. Kept there, a store holding the union of many reports answers each label
    look-up once per report (1,000 times at 1,000 reports); the store keeps one copy in
    :func:`entities_graph` instead. Everything about the report itself, and every link (support, figures,
    provenance), stays in the report's graph.

    >>> nt = (b'<https://w3id.org/a4p/id/measure/m> <http://www.w3.org/2004/02/skos/core#prefLabel> "m" .\\n'
    ...       b'<https://w3id.org/a4p/id/report/X/para/1> <http://www.w3.org/2004/02/skos/core#prefLabel> "p" .\\n')
    >>> own, shared = split_entities(nt, "https://w3id.org/a4p/id/graph/report/X")
    >>> own.count(b"\\n"), shared.count(b"\\n")
    (1, 1)
    """
    local = ("<" + report_graph.split(REPORT_GRAPH, 1)[0] + "/report/").encode()
    own: list[bytes] = []
    shared: list[bytes] = []
    for line in ntriples.splitlines(keepends=True):
        if not line.strip():
            continue
        subject, _, rest = line.partition(b" ")
        if not subject.startswith(local) and subject.startswith(b"<") and rest.startswith(_DESCRIPTIONS):
            shared.append(line)
        else:
            own.append(line)
    return b"".join(own), b"".join(shared)


# --------------------------------------------------------------------------------------------- rdflib


class RdflibStore(Store):
    """An rdflib Dataset in memory, queried with rdflib's own SPARQL engine (``initBindings``)."""

    description = "rdflib in-memory dataset"
    #: "values" (as for the other stores) or "initBindings" (rdflib's own pre-binding)
    binding = "values"

    def __init__(self, dataset=None) -> None:
        from rdflib import Dataset

        self.dataset = dataset if dataset is not None else Dataset(default_union=True)
        self.dataset.default_union = True

    def replace_graph(self, graph: str, data: bytes | str, *, format: str = "nt") -> None:
        from rdflib import URIRef

        g = self.dataset.graph(URIRef(graph))
        g.remove((None, None, None))
        g.parse(data=data, format={"nt": "nt", "ttl": "turtle"}[format])

    def _run(self, query: str, **kw):
        try:
            return self.dataset.query(query, **kw)
        except Exception as exc:  # pyparsing and rdflib raise many unrelated types
            raise QueryError(f"the query does not parse: {_one_line(exc)}") from None

    def _select(self, query: str, bindings: dict[str, Term]) -> Results:
        from rdflib import Variable

        if bindings and self.binding == "values":
            query, bindings = inject_values(query, bindings), {}
        init = {Variable(k): _rdflib_term(v) for k, v in bindings.items()}
        res = self._run(query, initBindings=init or None)
        if res.type != "SELECT":
            raise QueryError("not a SELECT query")
        names = [str(v) for v in res.vars]
        rows = [tuple(_from_rdflib(row[i]) for i in range(len(names))) for row in res]
        return Results(names, rows)

    def raw_query(self, query: str):
        return self.dataset.query(query)

    def ask(self, query: str) -> bool:
        return bool(self._run(query).askAnswer)

    def construct(self, query: str) -> str:
        return self._run(query).graph.serialize(format="nt")

    def __len__(self) -> int:
        return len(self.dataset)


def _rdflib_term(t: Term):
    from rdflib import Literal, URIRef

    if t.type == "uri":
        return URIRef(t.value)
    if t.lang:
        return Literal(t.value, lang=t.lang)
    return Literal(t.value, datatype=URIRef(t.datatype) if t.datatype else None)


def _from_rdflib(t) -> Term | None:
    from rdflib import BNode, Literal, URIRef

    if t is None:
        return None
    if isinstance(t, URIRef):
        return Term("uri", str(t))
    if isinstance(t, Literal):
        dt = str(t.datatype) if t.datatype else None
        return Term.literal(str(t), datatype=dt if dt != RDF_LANGSTRING else None, lang=t.language)
    if isinstance(t, BNode):
        return Term("bnode", str(t))
    return Term("literal", str(t))


# --------------------------------------------------------------------------------------------- remote


class RemoteStore(Store):
    """A SPARQL 1.1 endpoint over HTTP (SPARQLWrapper). Parameters travel as a VALUES block of escaped terms.

    Credentials, when the endpoint needs them for reading, come from ``A4P_ENDPOINT_USER`` /
    ``A4P_ENDPOINT_PASSWORD``; they are never printed.
    """

    def __init__(self, url: str, *, timeout: float = 60.0, user: str | None = None,
                 password: str | None = None) -> None:
        if not re.match(r"^https?://[^\s/]+", url):
            raise EndpointError(f"not an http(s) URL: {url!r}")
        self.url = url
        self.timeout = timeout
        self.user = user if user is not None else os.environ.get("A4P_ENDPOINT_USER")
        self.password = password if password is not None else os.environ.get("A4P_ENDPOINT_PASSWORD")
        self.description = f"endpoint {url}"

    def _wrapper(self, query: str, accept: str):
        from SPARQLWrapper import POST, SPARQLWrapper

        w = SPARQLWrapper(self.url, agent="a4p-kg")
        w.setMethod(POST)  # long queries; every SPARQL 1.1 endpoint accepts a form-encoded POST
        w.setTimeout(int(self.timeout))
        w.setQuery(query)
        w.setOnlyConneg(True)
        w.addCustomHttpHeader("Accept", accept)
        if self.user:
            w.setCredentials(self.user, self.password or "")
        return w

    def _request(self, query: str, accept: str) -> bytes:
        import socket
        import urllib.error

        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

        try:
            resp = self._wrapper(query, accept).query().response
            return resp.read()
        except urllib.error.HTTPError as exc:
            raise self._http_error(exc) from None
        except SPARQLWrapperException as exc:
            msg = _one_line(exc)
            if re.search(r"\b(QueryBadFormed|400)\b", type(exc).__name__ + msg):
                raise QueryError(f"{self.url} refused the query: {msg}") from None
            raise EndpointError(f"{self.url} answered an error: {msg}") from None
        except (urllib.error.URLError, socket.timeout, ConnectionError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise EndpointError(f"cannot reach {self.url}: {_one_line(reason)}") from None

    def _http_error(self, exc) -> Exception:
        body = ""
        try:
            body = exc.read().decode("utf-8", "replace")
        except Exception:  # noqa: BLE001 - the body is only a hint
            pass
        hint = _one_line(body)[:200]
        if exc.code == 400:
            return QueryError(f"{self.url} refused the query (HTTP 400): {hint}")
        return EndpointError(f"{self.url} answered HTTP {exc.code}: {hint}")

    def _select(self, query: str, bindings: dict[str, Term]) -> Results:
        text = inject_values(query, bindings) if bindings else query
        data = self._request(text, "application/sparql-results+json")
        try:
            doc = json.loads(data)
            names = list(doc["head"]["vars"])
            rows = [tuple(Term.from_json(b[v]) if v in b else None for v in names)
                    for b in doc["results"]["bindings"]]
        except (ValueError, KeyError, TypeError) as exc:
            raise EndpointError(f"{self.url} did not answer SPARQL results JSON: {_one_line(exc)}") from None
        return Results(names, rows)

    def ask(self, query: str) -> bool:
        data = self._request(query, "application/sparql-results+json")
        try:
            return bool(json.loads(data)["boolean"])
        except (ValueError, KeyError) as exc:
            raise EndpointError(f"{self.url} did not answer SPARQL results JSON: {_one_line(exc)}") from None

    def construct(self, query: str) -> str:
        return self._request(query, "application/n-triples").decode("utf-8")


# ------------------------------------------------------------------------------------ VALUES binding


def values_clause(bindings: Mapping[str, Term]) -> str:
    """A one-row VALUES block for ``bindings``, each term checked and escaped.

    >>> values_clause({"q": Term.literal('a" } DROP ALL #'), "m": Term.iri("http://e/m")})
    'VALUES (?q ?m) { ("a\\\\" } DROP ALL #" <http://e/m>) }'
    """
    names = list(bindings)
    for n in names:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", n):
            raise QueryError(f"not a variable name: {n!r}")
    try:
        terms = [bindings[n].n3() for n in names]
    except ValueError as exc:
        raise QueryError(str(exc)) from None
    return f"VALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(terms)}) }}"


_IRI_TOKEN = re.compile(r'<[^\x00-\x20<>"{}|^`\\]*>')
_WORD_TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")
_PNAME_TOKEN = re.compile(r"(?:[A-Za-z_][A-Za-z0-9_\-.]*)?:(?:[A-Za-z0-9_\-.:%]*[A-Za-z0-9_\-:%])?")
_VAR_TOKEN = re.compile(r"[A-Za-z0-9_]+")


def sparql_tokens(query: str) -> Iterator[tuple[str, int, int]]:
    """A small SPARQL lexer: (kind, start, end) for each token, skipping comments and whitespace. Kinds:
    ``word`` (a keyword or a bare name), ``pname`` (a prefixed name, ``a4p:Report``, ``:x``), ``var``,
    ``string``, ``iri``, and any other character as itself (``{``, ``}``, ``(``, ``.``). Strings and IRIs may
    hold braces and ``#``; a prefixed name whose local part is a keyword (``ex:SERVICE``) is no keyword.

    >>> q = 'SELECT ?s WHERE { ?s a4p:p "} # x" . } # SERVICE'
    >>> [(k, q[a:b]) for k, a, b in sparql_tokens(q)]  # doctest: +NORMALIZE_WHITESPACE
    [('word', 'SELECT'), ('var', '?s'), ('word', 'WHERE'), ('{', '{'), ('var', '?s'), ('pname', 'a4p:p'),
     ('string', '"} # x"'), ('.', '.'), ('}', '}')]
    """
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c == "#":
            j = query.find("\n", i)
            i = n if j < 0 else j + 1
        elif c in "\"'":
            long = query.startswith(c * 3, i)
            quote = c * 3 if long else c
            j = i + len(quote)
            while j < n and not query.startswith(quote, j):
                j += 2 if query[j] == "\\" else 1
            yield "string", i, min(n, j + len(quote))
            i = j + len(quote)
        elif c == "<" and (m := _IRI_TOKEN.match(query, i)):
            yield "iri", i, m.end()
            i = m.end()
        elif c in "?$" and (m := _VAR_TOKEN.match(query, i + 1)):
            yield "var", i, m.end()
            i = m.end()
        elif (c == ":" or c.isalpha() or c == "_") and (m := _PNAME_TOKEN.match(query, i)):
            yield "pname", i, m.end()
            i = m.end()
        elif m := _WORD_TOKEN.match(query, i):
            yield "word", i, m.end()
            i = m.end()
        elif c.isspace():
            i += 1
        else:
            yield c, i, i + 1
            i += 1


def inject_values(query: str, bindings: Mapping[str, Term], *, prune: bool = True) -> str:
    """Bind ``bindings`` by VALUES blocks of escaped terms, placed where every engine restricts early:

    - in the WHERE group of every sub-SELECT that projects a bound variable (so the sub-query is restricted
      before it aggregates, as it would be had the variable been substituted);
    - in the outermost WHERE group, for the variables it uses outside its sub-SELECTs (or that no sub-SELECT
      binds);
    - and, within such a group, first in each branch of a UNION directly in it rather than before the UNION
      (the same rows, since a join distributes over a union; Oxigraph plans VALUES-then-UNION badly: 95 ms
      against 5 ms on 100 reports);
    - and again first inside each ``GRAPH ?g { ... }`` group of such a group (or branch) that uses the variable
      in its own patterns (the same rows; Oxigraph otherwise evaluates a GRAPH group holding an OPTIONAL in
      every graph before joining: 6.5 ms against 0.2 ms on 1,000 reports).

    A UNION branch that the bound values make empty is left out of the query unless ``prune`` is false (see
    :func:`_dead_branches`): the same rows, and an engine neither parses nor plans it (a question with two
    modes, e.g. one report or all of them, keeps both in one query and sends the engine the one asked).

    >>> inject_values("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s", {"o": Term.literal("x")})
    'SELECT ?s WHERE { VALUES (?o) { ("x") } ?s ?p ?o } ORDER BY ?s'
    >>> print(inject_values("SELECT ?m ?n WHERE { { SELECT ?m (COUNT(*) AS ?n) WHERE { ?e <http://e/op> ?m } "
    ...                     "GROUP BY ?m } }", {"m": Term.iri("http://e/M")}))
    SELECT ?m ?n WHERE { { SELECT ?m (COUNT(*) AS ?n) WHERE { VALUES (?m) { (<http://e/M>) } ?e <http://e/op> ?m } GROUP BY ?m } }
    >>> print(inject_values("SELECT ?m WHERE { { ?e <http://e/a> ?m } UNION { ?e <http://e/b> ?m } }",
    ...                     {"m": Term.iri("http://e/M")}))
    SELECT ?m WHERE { { VALUES (?m) { (<http://e/M>) } ?e <http://e/a> ?m } UNION { VALUES (?m) { (<http://e/M>) } ?e <http://e/b> ?m } }
    >>> print(inject_values('SELECT ?r ?e WHERE { { ?e <http://e/in> ?r FILTER(?r != "") } UNION '
    ...                     '{ VALUES ?r { "" } ?e <http://e/all> ?x } }', {"r": Term.literal("")}))
    SELECT ?r ?e WHERE { { VALUES (?r) { ("") } VALUES ?r { "" } ?e <http://e/all> ?x } }
    """
    if not bindings:
        return query
    values_clause(bindings)  # checks every name and term before anything is built
    inserts, branches = _binding_plan(query, tuple(bindings))
    cuts = _dead_branches(branches, bindings) if prune else []
    edits = [(a, b, "") for a, b in cuts]
    edits += [(pos, pos, " " + values_clause({n: bindings[n] for n in names})) for pos, names in inserts
              if not any(a <= pos < b for a, b in cuts)]
    out = query
    for a, b, text in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        out = out[:a] + text + out[b:]
    return out


#: a condition a UNION branch puts on a bound variable: (variable, "in" | "=" | "!=", constant tokens)
_Condition = tuple[str, str, tuple[str, ...]]
#: a UNION branch: (offsets of its "{" and after its "}", of the UNION before it and of the branch after it (-1
#: for none), the chain of branches it belongs to, its conditions)
_Branch = tuple[int, int, int, int, int, tuple[_Condition, ...]]


@lru_cache(maxsize=512)
def _binding_plan(query: str, names: tuple[str, ...]) -> tuple[tuple[tuple[int, tuple[str, ...]], ...],
                                                                tuple[_Branch, ...]]:
    """Where :func:`inject_values` puts the VALUES blocks for the variables ``names`` (offset, variables),
    and the UNION branches holding a condition on one of them. Depends on the query text and the bound names
    only, so a canned query asked again is not lexed again."""
    toks = list(sparql_tokens(query))
    # groups: index of "{" -> [end offset of "{", index of "}", parent group index]
    groups: dict[int, list] = {}
    stack: list[int] = []
    for i, (kind, start, end) in enumerate(toks):
        if kind == "{":
            groups[i] = [end, None, stack[-1] if stack else None]
            stack.append(i)
        elif kind == "}" and stack:
            groups[stack.pop()][1] = i
    depth_at = []  # nesting depth before each token
    d = 0
    for kind, _, _ in toks:
        depth_at.append(d)
        d += 1 if kind == "{" else -1 if kind == "}" else 0

    def word(i: int) -> str:
        return query[toks[i][1]:toks[i][2]].upper() if 0 <= i < len(toks) and toks[i][0] == "word" else ""

    def text(i: int) -> str:
        return query[toks[i][1]:toks[i][2]]

    # the query form, and the outermost WHERE group
    form_at = next((i for i, t in enumerate(toks) if word(i) in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")), None)
    if form_at is None:
        raise QueryError("cannot bind parameters: the query has no query form")
    form = word(form_at)
    top = [i for i in groups if groups[i][2] is None and i > form_at]
    if form == "CONSTRUCT" and not _construct_where_shorthand(query, toks[top[0]][1]) if top else False:
        top = top[1:]
    if not top:
        raise QueryError("cannot bind parameters: the query has no WHERE clause")
    targets: list[tuple[int, set[str], int | None]] = [(top[0], set(), None)]  # group, projected vars, SELECT at
    # sub-SELECTs: their projection and WHERE group
    for i in range(form_at + 1, len(toks)):
        if word(i) == "SELECT" and depth_at[i] > 0:
            projected, paren, j = set(), 0, i + 1
            star = False
            while j < len(toks) and toks[j][0] != "{":
                kind = toks[j][0]
                paren += 1 if kind == "(" else -1 if kind == ")" else 0
                if kind == "var" and paren == 0:
                    projected.add(query[toks[j][1] + 1:toks[j][2]])
                star = star or (kind == "*" and paren == 0)
                j += 1
            if j < len(toks):
                targets.append((j, set(names) if star else projected, i))
    subselect_spans = []  # token ranges a group's own variables exclude: a sub-SELECT with its wrapper group
    for g, _, sel in targets[1:]:
        wrapper = groups[g][2]
        subselect_spans.append((sel, groups[wrapper][1] if wrapper is not None else groups[g][1]))

    def union_branches(g: int) -> list[int]:
        out = []
        for c, (_, close, parent) in groups.items():
            if parent == g and (word(c - 1) == "UNION" or word(close + 1) == "UNION"):
                out.append(c)
        return out

    def vars_used(g: int, skip: list[tuple[int, int]]) -> set[str]:
        first, last = g, groups[g][1]
        used = set()
        for k in range(first + 1, last):
            if toks[k][0] == "var" and not any(a <= k <= b for a, b in skip):
                used.add(query[toks[k][1] + 1:toks[k][2]])
        return used

    def top_level_vars(g: int) -> set[str]:
        """Variables of group ``g`` outside its nested groups."""
        used, depth = set(), 0
        for k in range(g + 1, groups[g][1]):
            kind = toks[k][0]
            depth += 1 if kind == "{" else -1 if kind == "}" else 0
            if kind == "var" and depth == 0:
                used.add(query[toks[k][1] + 1:toks[k][2]])
        return used

    def graph_groups(g: int) -> list[int]:
        """The ``GRAPH ?g { ... }`` groups directly in group ``g``."""
        return [c for c, (_, _, parent) in groups.items()
                if parent == g and toks[c - 1][0] in ("var", "iri") and word(c - 2) == "GRAPH"]

    inserts: list[tuple[int, tuple[str, ...]]] = []
    bound_in: dict[int, set[str]] = {}  # group -> the variables a VALUES block binds first in it

    def ordered(vs: set[str]) -> tuple[str, ...]:
        return tuple(n for n in names if n in vs)

    def place(g: int, mine: set[str]) -> None:
        # the VALUES block in the group, and again first inside each GRAPH group of it that uses a bound
        # variable in its own patterns: a join is the same either way, but Oxigraph joins a VALUES block
        # outside a GRAPH group holding an OPTIONAL only after evaluating that group in every graph
        inserts.append((groups[g][0], ordered(mine)))
        bound_in.setdefault(g, set()).update(mine)
        for c in graph_groups(g):
            inner_mine = mine & top_level_vars(c)
            if inner_mine:
                inserts.append((groups[c][0], ordered(inner_mine)))

    bound_by_sub = {v for _, proj, _ in targets[1:] for v in proj if v in names}
    for g, projected, sel in targets:
        if sel is None:  # the outermost group
            own = [(a, b) for a, b in subselect_spans]
            mine = {k for k in names if k in vars_used(g, own) or k not in bound_by_sub}
        else:
            mine = {k for k in names if k in projected}
        if not mine:
            continue
        inner = [(a, b) for a, b in subselect_spans if a > g and b < groups[g][1]]
        branches = union_branches(g)
        if branches:
            spans = [(c, groups[c][1]) for c in branches]
            outside = vars_used(g, spans + inner)
            rest = mine & outside
            for c in branches:
                sub = next((proj for w, proj, sel in targets[1:] if sel == c + 1), None)
                if sub is None:
                    place(c, mine)
                else:  # a branch that is a sub-SELECT: bound inside where it projects, else joined outside
                    rest |= mine - sub
            if rest:
                place(g, rest)
        else:
            place(g, mine)

    def conditions(g: int) -> list[_Condition]:
        """``VALUES ?v { c ... }`` and ``FILTER(?v = c)``/``FILTER(?v != c)`` at the top level of group ``g``,
        on a variable bound first in it; constants are IRIs and plain strings without escapes."""
        out: list[_Condition] = []
        mine = bound_in.get(g, set())

        def kind(k: int) -> str:
            return toks[k][0] if k < close else ""

        def const(k: int) -> bool:
            if kind(k) == "iri":
                return True
            return (kind(k) == "string" and text(k)[0] == '"' and not text(k).startswith('"""')
                    and "\\" not in text(k) and kind(k + 1) not in ("@", "^"))

        k, close = g + 1, groups[g][1]
        while k < close:
            if kind(k) == "{":
                k = groups[k][1] + 1
                continue
            if word(k) == "VALUES" and kind(k + 1) == "var" and text(k + 1)[1:] in mine and kind(k + 2) == "{":
                j, consts = k + 3, []
                while const(j):
                    consts.append(text(j))
                    j += 1
                if kind(j) == "}":
                    out.append((text(k + 1)[1:], "in", tuple(consts)))
            elif word(k) == "FILTER" and kind(k + 1) == "(" and kind(k + 2) == "var":
                v = text(k + 2)[1:]
                op_at = k + 3
                op = "!=" if kind(op_at) == "!" and kind(op_at + 1) == "=" else "=" if kind(op_at) == "=" else ""
                c_at = op_at + len(op)
                if v in mine and op and const(c_at) and kind(c_at + 1) == ")":
                    out.append((v, op, (text(c_at),)))
            k += 1
        return out

    found: list[_Branch] = []
    chain = -1
    for g in sorted(groups):
        for c in sorted(union_branches(g)):
            if word(c - 1) != "UNION":
                chain += 1  # the first branch of a chain
            close = groups[c][1]
            conds = conditions(c)
            # a branch that is one aggregating sub-SELECT: its WHERE group's conditions empty it too (GROUP BY
            # over no solutions makes no group)
            sub = next((w for w, _, sel in targets[1:] if sel == c + 1), None)
            if sub is not None and any(word(k) == "GROUP" for k in range(groups[sub][1], close)) \
                    and groups[sub][2] == c and not any(
                        toks[k][0] == "{" for k in range(groups[sub][1] + 1, close)):
                conds += conditions(sub)
            before = toks[c - 1][1] if word(c - 1) == "UNION" else -1
            after = toks[close + 2][1] if word(close + 1) == "UNION" else -1
            found.append((toks[c][1], toks[close][2], before, after, chain, tuple(conds)))
    return tuple((pos, ns) for pos, ns in inserts if ns), tuple(found)


def _dead_branches(branches: tuple[_Branch, ...], bindings: Mapping[str, Term]) -> list[tuple[int, int]]:
    """The text spans to remove for the UNION branches whose conditions the bound values fail (a VALUES block
    not holding the value, a FILTER comparison that is false): such a branch has no solutions. Each goes with
    the UNION before it, or after it when no branch before it stays; when every branch of a chain fails, the
    first stays (a UNION never becomes an empty group, which would have one solution)."""
    def fails(cond: _Condition) -> bool:
        var, op, consts = cond
        t = bindings[var]
        if t.type == "bnode":
            return False
        if t.type == "literal":  # "x"^^xsd:string is "x"
            t = Term.literal(t.value, datatype=t.datatype, lang=t.lang)
        values = [Term.iri(c[1:-1]) if c.startswith("<") else Term.literal(c[1:-1]) for c in consts]
        same = any(t == v for v in values)
        return not same if op in ("in", "=") else same

    chains: dict[int, list[tuple[_Branch, bool]]] = {}
    for b in branches:
        chains.setdefault(b[4], []).append((b, any(fails(c) for c in b[5])))
    cuts = []
    for members in chains.values():
        if all(dead for _, dead in members):
            members = [(members[0][0], False)] + members[1:]
        kept_before = False
        for (start, end, before, after, _, _), dead in members:
            if not dead:
                kept_before = True
            elif kept_before:
                cuts.append((before, end))
            else:
                cuts.append((start, after))
    return cuts


def _construct_where_shorthand(query: str, brace: int) -> bool:
    return bool(re.search(r"\bWHERE\s*$", query[:brace], re.I))


# ------------------------------------------------------------------------------------------- opening


def open_store(*, store: str | os.PathLike | None = None, endpoint: str | None = None,
               timeout: float = 60.0) -> Store:
    """The store a command queries: ``endpoint`` if given, else the embedded store (read-only) in
    ``store`` or :func:`a4p_kg.paths.store_dir`; a missing embedded store is filled from ``graph/a4p.trig``
    when the build has written it.

    Raises:
        BadInput: no embedded store and no built graph to fill it from.
    """
    if endpoint:
        return RemoteStore(endpoint, timeout=timeout)
    from .paths import graph_dir, store_dir

    folder = Path(store) if store is not None else store_dir()
    if not (folder / "CURRENT").exists():
        trig = graph_dir() / "a4p.trig"
        if store is None and trig.exists():
            fill_from_trig(trig, folder)
        else:
            raise BadInput(folder, "holds no store: run `a4p-kg build` to fill it (or pass --endpoint URL)")
    return EmbeddedStore.open(folder, read_only=True)


def fill_from_trig(trig: Path, folder: Path) -> EmbeddedStore:
    """Create the embedded store in ``folder`` from a TriG export (``graph/a4p.trig``)."""
    ox = _ox()
    s = EmbeddedStore.open(folder, create=True)
    try:
        graphs: dict[str, list[bytes]] = {}
        with open(trig, "rb") as fh:
            for q in ox.parse(fh, format=ox.RdfFormat.TRIG):
                name = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else ""
                graphs.setdefault(name, []).append(
                    f"{q.subject} {q.predicate} {q.object} .\n".encode("utf-8"))
        for name, lines in graphs.items():
            data = b"".join(lines)
            if not name:
                continue
            if REPORT_GRAPH in name:
                data, shared = split_entities(data, name)
                s._store.load(shared, format=ox.RdfFormat.N_TRIPLES,
                              to_graph=ox.NamedNode(entities_graph(name)))
            s._store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(name))
        from .tallies import refresh

        refresh(s)
        s.flush()
        s.compact()
    except SyntaxError as exc:
        raise BadInput(trig, f"does not parse as TriG: {_one_line(exc)}") from None
    finally:
        s.close()
    return s


def load_dataset(dataset, store_dir: str | os.PathLike | None = None) -> dict[str, int]:
    """Fill the embedded store from an rdflib Dataset: each named graph (one per report, reference,
    provenance) replaces its namesake; other reports' graphs are kept. Returns triples per graph loaded.

    >>> from rdflib import Dataset, URIRef, Literal
    >>> import tempfile
    >>> ds = Dataset()
    >>> _ = ds.graph(URIRef("https://w3id.org/a4p/id/graph/report/A-1")).add(
    ...     (URIRef("http://e/a"), URIRef("http://e/p"), Literal("b")))
    >>> with tempfile.TemporaryDirectory() as d:
    ...     load_dataset(ds, d)
    {'https://w3id.org/a4p/id/graph/report/A-1': 1}
    """
    s = EmbeddedStore.open(store_dir, create=True)
    try:
        counts = s.load_dataset(dataset)
        s.compact()
        return counts
    finally:
        s.close()


def _one_line(exc: object) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__



# ------------------------------------------------------------------------------------------ publishing


def _safe_url(url: str) -> str:
    """The URL without any user:password@ part, for messages."""
    return re.sub(r"^(\w+://)[^/@]*@", r"\1", url)


class _Auth:
    """HTTP authentication for Graph Store writes, sent with every request once the server's challenge is
    known: a server that answers 401 before reading a large body would otherwise break the upload (Virtuoso
    does). Basic or digest, as the server asks; the password only ever goes into the Authorization header."""

    def __init__(self, url: str, user: str | None, password: str | None, timeout: float) -> None:
        self.url, self.user, self.password, self.timeout = url, user, password, timeout
        self.scheme: str | None = None
        self._digest = None
        self._challenge: dict | None = None

    def probe(self) -> None:
        """Learn the server's challenge with a body-less request."""
        import urllib.error
        import urllib.request

        self.scheme = None
        req = urllib.request.Request(self.url, method="GET")
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                resp.read()
            return
        except urllib.error.HTTPError as exc:
            header = exc.headers.get("WWW-Authenticate", "") if exc.code == 401 else ""
            exc.read() if exc.fp else None
        if not header or not self.user:
            return
        scheme, _, rest = header.partition(" ")
        if scheme.lower() == "digest":
            mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            mgr.add_password(None, self.url, self.user, self.password or "")
            self._digest = urllib.request.HTTPDigestAuthHandler(mgr)
            self._challenge = urllib.request.parse_keqv_list(
                [x for x in urllib.request.parse_http_list(rest)])
            self.scheme = "digest"
        elif scheme.lower() == "basic":
            self.scheme = "basic"

    def header(self, req) -> str | None:
        import base64

        if self.scheme == "basic":
            token = base64.b64encode(f"{self.user}:{self.password or ''}".encode()).decode("ascii")
            return f"Basic {token}"
        if self.scheme == "digest":
            auth = self._digest.get_authorization(req, self._challenge)
            return f"Digest {auth}" if auth else None
        return None


def publish(source: EmbeddedStore, url: str, *, user: str | None = None, password: str | None = None,
            timeout: float = 120.0, graph_param: str = "graph") -> dict[str, int]:
    """Load every named graph of ``source`` into the SPARQL 1.1 Graph Store HTTP Protocol endpoint ``url``,
    replacing the graph of the same name there (``PUT url?graph=IRI``, N-Triples). HTTP basic or digest
    authentication, as the server asks, with ``user``/``password`` (default ``A4P_ENDPOINT_USER`` /
    ``A4P_ENDPOINT_PASSWORD``); the password never appears in messages.

    Returns ``{"graphs": n, "triples": m}``.

    Raises:
        EndpointError: the endpoint cannot be reached, refuses the credentials or a graph.
    """
    import urllib.error
    import urllib.parse
    import urllib.request

    if not re.match(r"^https?://[^\s/]+", url):
        raise EndpointError(f"not an http(s) URL: {_safe_url(url)!r}")
    user = user if user is not None else os.environ.get("A4P_ENDPOINT_USER")
    password = password if password is not None else os.environ.get("A4P_ENDPOINT_PASSWORD")
    shown = _safe_url(url)
    clean = re.sub(r"^(\w+://)[^/@]*@", r"\1", url)  # credentials travel in a header, never in the URL
    graphs = source.graphs()
    if not graphs:
        raise BadInput(source.path or "store", "holds no named graph to publish")
    auth = _Auth(clean, user, password, timeout)
    triples = 0
    sep = "&" if "?" in clean else "?"
    try:
        auth.probe()
    except (urllib.error.URLError, OSError) as exc:
        raise EndpointError(f"cannot reach {shown}: {_one_line(getattr(exc, 'reason', exc))}") from None
    for graph in graphs:
        body = source.dump_graph(graph)
        for attempt in (1, 2):
            req = urllib.request.Request(f"{clean}{sep}{urllib.parse.urlencode({graph_param: graph})}", data=body,
                                         method="PUT", headers={"Content-Type": "application/n-triples"})
            if (header := auth.header(req)) is not None:
                req.add_unredirected_header("Authorization", header)
            try:
                with urllib.request.urlopen(req, timeout=timeout) as resp:
                    resp.read()
                break
            except urllib.error.HTTPError as exc:
                exc.read() if exc.fp and exc.code in (401, 403) else None
                if exc.code == 401 and attempt == 1 and user:
                    auth.probe()  # a stale nonce: learn the challenge again, once
                    continue
                if exc.code in (401, 403):
                    how = "set A4P_ENDPOINT_USER and A4P_ENDPOINT_PASSWORD" if not user else "check the credentials"
                    raise EndpointError(f"{shown} refused to store {graph} (HTTP {exc.code}): {how}") from None
                hint = _one_line(exc.read().decode("utf-8", "replace"))[:200] if exc.fp else ""
                raise EndpointError(f"{shown} refused to store {graph} (HTTP {exc.code}): {hint}") from None
            except (urllib.error.URLError, OSError) as exc:
                reason = getattr(exc, "reason", exc)
                raise EndpointError(f"cannot reach {shown}: {_one_line(reason)}") from None
        triples += body.count(b"\n")
    return {"graphs": len(graphs), "triples": triples}
