"""Is a graph complete and consistent? SHACL Core shapes (``ontology/shapes.ttl``, run by pySHACL) plus the
cross-node checks (``queries/checks/*.rq``, run by Oxigraph) -> one :class:`ValidationReport`.

pySHACL is imported only inside :func:`validate_dataset`, so importing this module stays cheap; nothing here
needs Java or owlready2.

>>> from rdflib import Graph
>>> report = validate_dataset(Graph())
>>> report.conforms, report.results
(True, [])
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from .errors import BadInput, QueryError
from .namespaces import A4P, DEFAULT_BASE, NIF, PREFIXES, PROV, RDF, RDFS, SH, SKOS, XSD, bind_prefixes
from .paths import ontology_dir, queries_dir

__all__ = ["Result", "ValidationReport", "Check", "validate_dataset", "validate_files", "load_files", "checks",
           "shapes_graph", "shapes_path", "ontology_graph", "data_graph", "check_store", "run_checks", "rdflib_term",
           "SHAPES_NS", "CHECKS_NS", "FORMATS", "short"]

SHAPES_NS = "https://w3id.org/a4p/shapes#"
CHECKS_NS = "https://w3id.org/a4p/checks#"

#: file suffix -> rdflib parser name, for the graphs ``validate_files`` reads
FORMATS = {".trig": "trig", ".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".jsonld": "json-ld",
           ".json": "json-ld", ".rdf": "xml", ".owl": "xml", ".xml": "xml", ".n3": "n3"}

# Where a node's paragraph is found, in order: the node is one, or it points at one along these properties.
_PARAGRAPH_LINKS = (NIF.referenceContext, PROV.wasDerivedFrom, A4P.attachedTo, A4P.afterParagraph)


@dataclass(frozen=True)
class Result:
    """One violation: the rule that failed (a shape or a check), where, and what to do about it."""

    shape: str  # compact name: "shape:Paragraph-number" or "check:paragraph_numbers_unique"
    focus: Node
    message: str
    path: Node | None = None
    value: Node | None = None
    paragraph: URIRef | None = None  # the paragraph concerned, when there is one
    paragraph_label: str | None = None  # its skos:prefLabel ("A/74/533 para. 13")
    severity: str = "Violation"
    component: str | None = None  # SHACL constraint component (local name), or None for a check

    @property
    def shape_iri(self) -> URIRef:
        prefix, _, local = self.shape.partition(":")
        return URIRef((CHECKS_NS if prefix == "check" else SHAPES_NS) + local)

    def as_dict(self) -> dict:
        def term(t):
            return None if t is None else str(t) if isinstance(t, URIRef) else t.n3()

        return {"shape": self.shape, "shape_iri": str(self.shape_iri), "focus": term(self.focus),
                "path": term(self.path), "value": term(self.value), "message": self.message,
                "paragraph": term(self.paragraph), "paragraph_label": self.paragraph_label,
                "severity": self.severity, "component": self.component}


@dataclass
class ValidationReport:
    """The verdict: ``conforms`` is True when there is no result; ``results`` sorted by shape, focus, value."""

    conforms: bool
    results: list[Result]
    triples: int = 0
    shapes: int = 0
    checks: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    base: str = DEFAULT_BASE

    def __repr__(self) -> str:
        return f"<ValidationReport conforms={self.conforms} results={len(self.results)} triples={self.triples}>"

    def by_shape(self) -> dict[str, list[Result]]:
        groups: dict[str, list[Result]] = {}
        for r in self.results:
            groups.setdefault(r.shape, []).append(r)
        return groups

    def to_text(self) -> str:
        """A readable report grouped by shape: focus node, path, value, the paragraph concerned, message."""
        def show(t: Node | None) -> str:
            return "" if t is None else short(t, base=self.base)

        scope = f"{self.triples:,} triples, {self.shapes} shapes, {self.checks} checks"
        if self.conforms:
            return f"conforms: no violation ({scope})\n"
        groups = self.by_shape()
        lines = [f"does not conform: {len(self.results)} violation(s) of {len(groups)} rule(s) ({scope})", ""]
        for shape, results in groups.items():
            messages = {r.message for r in results}
            lines.append(f"{shape} ({len(results)})")
            if len(messages) == 1:
                lines.append(f"  {results[0].message}")
            seen = set()
            for r in results:
                if (r.focus, r.path, r.value, r.message) in seen:
                    continue  # the same value failing several constraints of one shape (datatype and range)
                seen.add((r.focus, r.path, r.value, r.message))
                lines.append(f"  - focus:     {show(r.focus)}")
                if r.path is not None:
                    lines.append(f"    path:      {show(r.path)}")
                if r.value is not None:
                    lines.append(f"    value:     {show(r.value)}")
                if r.paragraph is not None:
                    lines.append(f"    paragraph: {r.paragraph_label or show(r.paragraph)}")
                if len(messages) > 1:
                    lines.append(f"    message:   {r.message}")
            lines.append("")
        return "\n".join(lines)

    def to_json(self) -> str:
        return json.dumps({"conforms": self.conforms, "violations": len(self.results), "triples": self.triples,
                           "shapes": self.shapes, "checks": self.checks,
                           "results": [r.as_dict() for r in self.results]}, indent=1, ensure_ascii=False) + "\n"

    def to_graph(self) -> Graph:
        """The report as a SHACL validation report (sh:ValidationReport); checks appear with their own IRI as
        sh:sourceShape and the paragraph concerned as shape:paragraph."""
        g = Graph()
        bind_prefixes(g, base=self.base)
        g.bind("sh", SH)
        g.bind("shape", SHAPES_NS)
        g.bind("check", CHECKS_NS)
        report = BNode()
        g.add((report, RDF.type, SH.ValidationReport))
        g.add((report, SH.conforms, Literal(self.conforms)))
        for r in self.results:
            node = BNode()
            g.add((report, SH.result, node))
            g.add((node, RDF.type, SH.ValidationResult))
            g.add((node, SH.focusNode, r.focus))
            g.add((node, SH.sourceShape, r.shape_iri))
            g.add((node, SH.resultMessage, Literal(r.message, lang="en")))
            g.add((node, SH.resultSeverity, SH[r.severity]))
            if r.path is not None:
                g.add((node, SH.resultPath, r.path))
            if r.value is not None:
                g.add((node, SH.value, r.value))
            if r.component:
                g.add((node, SH.sourceConstraintComponent, SH[r.component]))
            if r.paragraph is not None:
                g.add((node, URIRef(SHAPES_NS + "paragraph"), r.paragraph))
        return g

    def to_turtle(self) -> str:
        return self.to_graph().serialize(format="turtle")


def short(term: Node, *, base: str = DEFAULT_BASE, width: int = 120) -> str:
    """A term as a reader wants it: ``id:report/A-74-533/para/5``, ``a4p:number``, ``"five"@en``.

    >>> short(URIRef("https://w3id.org/a4p/id/operation/MINUSCA"))
    'id:operation/MINUSCA'
    >>> short(Literal("5", datatype=XSD.integer))
    '"5"^^xsd:integer'
    """
    if isinstance(term, URIRef):
        spaces = {**{k: str(v) for k, v in PREFIXES.items()}, "id": base}
        best = max((k for k, ns in spaces.items() if str(term).startswith(ns)), key=lambda k: len(spaces[k]),
                   default=None)
        return f"{best}:{str(term)[len(spaces[best]):]}" if best else f"<{term}>"
    if isinstance(term, Literal):
        text = str(term)
        shown = json.dumps(text[:width] + ("…" if len(text) > width else ""), ensure_ascii=False)
        if term.language:
            return f"{shown}@{term.language}"
        if term.datatype and term.datatype != XSD.string:
            return f"{shown}^^{short(term.datatype, base=base)}"
        return shown
    return term.n3()


# --------------------------------------------------------------------------------------------------------------
# The rules: shapes and checks


def shapes_path() -> Path:
    return ontology_dir() / "shapes.ttl"


def _parse_cached(path: Path, fmt: str) -> Graph:
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        raise BadInput(path, "is missing") from None
    return _parse(str(path), fmt, stamp)


@lru_cache(maxsize=8)
def _parse(path: str, fmt: str, stamp: int) -> Graph:
    try:
        return Graph().parse(path, format=fmt)
    except Exception as exc:  # rdflib raises several unrelated types for bad input
        raise BadInput(path, f"does not parse as {fmt}: {_one_line(exc)}") from None


def shapes_graph() -> Graph:
    """The SHACL shapes (parsed once per change of the file). Do not modify the returned graph."""
    return _parse_cached(shapes_path(), "turtle")


def ontology_graph() -> Graph:
    """The OWL ontology ``ontology/a4p.ttl`` (parsed once per change of the file). Do not modify it."""
    return _parse_cached(ontology_dir() / "a4p.ttl", "turtle")


def _class_hierarchy() -> list[tuple[Node, Node, Node]]:
    """The ontology's rdfs:subClassOf triples between named classes: what sh:class and sh:targetClass need
    (SHACL reads rdf:type/rdfs:subClassOf* in the data graph)."""
    onto = ontology_graph()
    return [(s, RDFS.subClassOf, o) for s, o in onto.subject_objects(RDFS.subClassOf)
            if isinstance(s, URIRef) and isinstance(o, URIRef)]


@dataclass(frozen=True)
class Check:
    """A cross-node rule: a SELECT returning ?focus ?paragraph ?value ?message, zero rows = pass."""

    name: str
    path: Path
    summary: str
    query: str

    @property
    def shape(self) -> str:
        return f"check:{self.name}"


def checks(folder: Path | None = None) -> list[Check]:
    """The cross-node checks of ``queries/checks/*.rq``, in name order."""
    from .queries import read_folder

    return [Check(*entry) for entry in read_folder(folder or queries_dir() / "checks")]


# --------------------------------------------------------------------------------------------------------------
# The data


def _triples(data: Graph | Dataset) -> Iterable[tuple[Node, Node, Node]]:
    if isinstance(data, Dataset):
        return ((s, p, o) for s, p, o, _ in data.quads((None, None, None, None)))
    return iter(data)


def data_graph(data: Graph | Dataset) -> Graph:
    """One graph to validate: the union of all graphs of ``data`` plus the ontology's class hierarchy."""
    union = Graph()
    union.addN((s, p, o, union) for s, p, o in _triples(data))
    union.addN((s, p, o, union) for s, p, o in _class_hierarchy())
    return union


def _ox_term(term, cache: dict):
    import pyoxigraph as ox

    found = cache.get(term)
    if found is not None:
        return found
    if isinstance(term, URIRef):
        out = ox.NamedNode(str(term))
    elif isinstance(term, BNode):
        out = ox.BlankNode(str(term))
    elif term.language:
        out = ox.Literal(str(term), language=term.language)
    else:
        out = ox.Literal(str(term), datatype=_ox_term(term.datatype or XSD.string, cache))
    cache[term] = out
    return out


def check_store(data: Graph | Dataset, *, with_ontology: bool = True):
    """An in-memory Oxigraph store holding the triples of ``data`` (all its graphs, in the default graph) and
    the ontology, which some checks and rules read."""
    import pyoxigraph as ox

    store = ox.Store()
    cache: dict = {}
    quads = [ox.Quad(_ox_term(s, cache), _ox_term(p, cache), _ox_term(o, cache)) for s, p, o in _triples(data)]
    if with_ontology:
        quads += [ox.Quad(_ox_term(s, cache), _ox_term(p, cache), _ox_term(o, cache))
                  for s, p, o in ontology_graph()]
    store.extend(quads)
    return store


def rdflib_term(term) -> Node | None:
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    dt = term.datatype.value
    return Literal(term.value) if dt == str(XSD.string) else Literal(term.value, datatype=URIRef(dt))


def run_checks(store, selected: Sequence[Check] | None = None) -> list[tuple[Check, dict[str, Node | None]]]:
    """Run the checks on an Oxigraph store; return (check, row) for every violation row."""
    out = []
    for check in selected if selected is not None else checks():
        try:
            solutions = store.query(check.query)
        except SyntaxError as exc:
            raise QueryError(f"{check.path}: does not parse: {exc}") from None
        names = [v.value for v in solutions.variables]
        for solution in solutions:
            out.append((check, {n: rdflib_term(solution[n]) for n in names}))
    return out


# --------------------------------------------------------------------------------------------------------------
# Validation


def _shape_names(shapes: Graph) -> tuple[dict[Node, str], dict[Node, str]]:
    """Compact names and messages of shapes; a blank-node shape is named after the shape that holds it."""
    names: dict[Node, str] = {}
    owner: dict[Node, Node] = {}
    for parent, child in shapes.subject_objects(SH.property):
        owner[child] = parent
    for shape in set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(RDF.type, SH.PropertyShape)) \
            | set(owner):
        node = shape
        while isinstance(node, BNode) and node in owner:
            node = owner[node]
        names[shape] = "shape:" + str(node)[len(SHAPES_NS):] if str(node).startswith(SHAPES_NS) else str(node)
    messages = {}
    for shape in names:
        msg = shapes.value(shape, SH.message) or (shapes.value(owner[shape], SH.message) if shape in owner else None)
        if msg is not None:
            messages[shape] = str(msg)
    return names, messages


def _paragraph_of(graph: Graph, node: Node | None) -> URIRef | None:
    if node is None:
        return None
    if (node, RDF.type, A4P.Paragraph) in graph:
        return node  # type: ignore[return-value]
    for prop in _PARAGRAPH_LINKS:
        for o in sorted(graph.objects(node, prop)):
            if (o, RDF.type, A4P.Paragraph) in graph:
                return o  # type: ignore[return-value]
    return None


def _shacl_results(graph: Graph, shapes: Graph) -> list[Result]:
    from pyshacl import validate

    _, report, _ = validate(graph, shacl_graph=shapes, inference="none", inplace=True, advanced=False,
                            allow_warnings=True, allow_infos=True, meta_shacl=False)
    names, messages = _shape_names(shapes)
    out = []
    # Only the top-level results: pySHACL also lists the results of value shapes (sh:node) as sh:detail.
    for r in report.objects(report.value(predicate=RDF.type, object=SH.ValidationReport), SH.result):
        source = report.value(r, SH.sourceShape)
        component = report.value(r, SH.sourceConstraintComponent)
        severity = report.value(r, SH.resultSeverity)
        out.append(Result(
            shape=names.get(source, str(source)),
            focus=report.value(r, SH.focusNode),
            path=report.value(r, SH.resultPath),
            value=report.value(r, SH.value),
            message=messages.get(source) or str(report.value(r, SH.resultMessage) or ""),
            severity=str(severity)[len(str(SH)):] if severity else "Violation",
            component=str(component)[len(str(SH)):] if component else None,
        ))
    return out


def validate_dataset(data: Graph | Dataset, *, base: str = DEFAULT_BASE, shapes: Graph | None = None,
                     selected_checks: Sequence[Check] | None = None) -> ValidationReport:
    """Validate a dataset (the union of its graphs) or a graph against the shapes and the checks.

    Args:
        data: the graph to validate, e.g. ``BuildResult.dataset``; it is not modified.
        base: the data base IRI (only used to print ``id:`` names).
        shapes: a shapes graph instead of ``ontology/shapes.ttl`` (tests).
        selected_checks: checks instead of all of ``queries/checks/*.rq``.

    Returns:
        The report; ``conforms`` is True when no shape and no check found anything.

    Raises:
        BadInput: the shapes or the ontology do not parse.
        QueryError: a check does not parse.
    """
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    shapes = shapes if shapes is not None else shapes_graph()
    chosen = list(selected_checks) if selected_checks is not None else checks()
    graph = data_graph(data)
    t1 = time.perf_counter()
    timings["prepare"] = t1 - t0
    results = _shacl_results(graph, shapes)
    t2 = time.perf_counter()
    timings["shapes"] = t2 - t1
    store = check_store(graph)
    for check, row in run_checks(store, chosen):
        focus = row.get("focus")
        results.append(Result(shape=check.shape, focus=focus, path=row.get("path"), value=row.get("value"),
                              message=str(row.get("message") or check.summary),
                              paragraph=row.get("paragraph") if isinstance(row.get("paragraph"), URIRef) else None))
    t3 = time.perf_counter()
    timings["checks"] = t3 - t2
    results = [_with_paragraph(graph, r) for r in results]
    results.sort(key=lambda r: (r.shape, str(r.focus), str(r.path or ""), str(r.value or ""), r.message))
    timings["total"] = time.perf_counter() - t0
    n_shapes = len(set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(RDF.type, SH.PropertyShape)))
    return ValidationReport(conforms=not results, results=results, triples=len(graph), shapes=n_shapes,
                            checks=len(chosen), timings=timings, base=base)


def _with_paragraph(graph: Graph, r: Result) -> Result:
    paragraph = r.paragraph or _paragraph_of(graph, r.focus)
    if paragraph is None:
        return r
    label = graph.value(paragraph, SKOS.prefLabel)
    return Result(shape=r.shape, focus=r.focus, message=r.message, path=r.path, value=r.value,
                  paragraph=paragraph, paragraph_label=str(label) if label is not None else None,
                  severity=r.severity, component=r.component)


def _one_line(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return (text[:300] + "…" if len(text) > 300 else text) or type(exc).__name__


def load_files(paths: Iterable[str | Path]) -> Dataset:
    """Read graph files (TriG, Turtle, N-Triples, N-Quads, JSON-LD, RDF/XML) into one dataset.

    Raises:
        BadInput: a file is missing, of an unknown kind, or does not parse (the message names the file).
    """
    dataset = Dataset(default_union=True)
    for p in paths:
        path = Path(p)
        fmt = FORMATS.get(path.suffix.lower())
        if not path.is_file():
            raise BadInput(path, "no such file")
        if fmt is None:
            raise BadInput(path, f"unknown graph format (expected one of {', '.join(sorted(FORMATS))})")
        try:
            if fmt in ("trig", "nquads"):
                dataset.parse(path, format=fmt)
            else:
                dataset.default_graph.parse(path, format=fmt)
        except Exception as exc:  # rdflib raises several unrelated types for bad input
            raise BadInput(path, f"does not parse as {fmt}: {_one_line(exc)}") from None
    return dataset


def validate_files(paths: Iterable[str | Path], *, base: str = DEFAULT_BASE) -> ValidationReport:
    """Validate graph files together (their union), e.g. ``graph/a4p.trig``.

    Raises:
        BadInput: a file is missing or does not parse.
    """
    return validate_dataset(load_files(paths), base=base)
