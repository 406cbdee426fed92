"""OWL reasoning: is the ontology with its individuals consistent (HermiT, through owlready2), what does it
entail, and the entailments users need written out as plain triples (:func:`materialize`).

- :func:`reason` loads the ontology, the reference data and optionally a built graph into owlready2, runs
  HermiT, and reports either the inferred types or, when there is no model, which individuals contradict
  which axioms (found by :func:`explain`, because HermiT only says "inconsistent").
- :func:`materialize` computes the entailments a SPARQL user needs (superclass types, a4p:HighRiskMission,
  a4p:supportsTheme) with the CONSTRUCT rules of ``queries/rules/*.rq`` on Oxigraph: no Java, no owlready2.

owlready2 is imported only inside :func:`hermit`; Java is needed there and nowhere else.
"""

from __future__ import annotations

import io
import json
import shutil
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from .errors import BadInput, QueryError, ReasonerUnavailable
from .namespaces import A4P, DEFAULT_BASE, OWL, RDF, RDFS, XSD, bind_prefixes
from .paths import queries_dir

__all__ = ["Rule", "Conflict", "ReasoningReport", "rules", "materialize", "reasoning_graph", "hermit", "explain",
           "reason", "java_command", "JAVA_MESSAGE", "HERMIT_DATATYPES"]

JAVA_MESSAGE = "reason needs Java for HermiT; install a JRE"

#: datatypes outside the OWL 2 datatype map, which HermiT refuses; their values reach HermiT as plain strings
#: (same lexical form, so two different start years still clash) and ranges naming them as rdfs:Literal
HERMIT_DATATYPES = frozenset({XSD.gYear, XSD.gYearMonth, XSD.date, XSD.gMonth, XSD.gDay, XSD.gMonthDay,
                              XSD.duration, XSD.time})


# --------------------------------------------------------------------------------------------------------------
# Materialization: SPARQL CONSTRUCT rules on Oxigraph


@dataclass(frozen=True)
class Rule:
    name: str
    path: Path
    summary: str
    query: str


def rules(folder: Path | None = None) -> list[Rule]:
    """The materialization rules of ``queries/rules/*.rq`` (CONSTRUCT queries), in name order."""
    from .queries import read_folder

    return [Rule(*entry) for entry in read_folder(folder or queries_dir() / "rules")]


def materialize(graph: Graph | Dataset, *, selected: Sequence[Rule] | None = None) -> Graph:
    """The triples the rules infer from ``graph`` (with the ontology) that it does not already hold.

    The rules run until nothing new comes (one round suffices today; a later rule may feed an earlier one).

    >>> from rdflib import Graph, URIRef
    >>> from a4p_kg.namespaces import A4P, RDF
    >>> g = Graph()
    >>> g.add((URIRef("https://w3id.org/a4p/id/operation/X"), RDF.type, A4P.PeacekeepingMission))
    <Graph identifier=... (<class 'rdflib.graph.Graph'>)>
    >>> sorted(str(o) for o in materialize(g).objects())
    ['https://w3id.org/a4p/ontology#PeaceOperation']
    """
    import pyoxigraph as ox

    from .validate import check_store, rdflib_term

    store = check_store(graph)
    chosen = list(selected) if selected is not None else rules()
    inferred = Graph()
    bind_prefixes(inferred)
    while True:
        new = []
        for rule in chosen:
            try:
                triples = store.query(rule.query)
            except SyntaxError as exc:
                raise QueryError(f"{rule.path}: does not parse: {exc}") from None
            for t in triples:
                quad = ox.Quad(t.subject, t.predicate, t.object)
                if quad not in store:
                    new.append(quad)
        if not new:
            break
        store.extend(new)
        for q in new:
            inferred.add((rdflib_term(q.subject), rdflib_term(q.predicate), rdflib_term(q.object)))
    return inferred


# --------------------------------------------------------------------------------------------------------------
# HermiT


def java_command() -> str:
    """The ``java`` executable, or ReasonerUnavailable."""
    java = shutil.which("java")
    if java is None:
        raise ReasonerUnavailable(JAVA_MESSAGE)
    return java


def _for_hermit(term: Node) -> Node:
    if isinstance(term, Literal) and term.datatype in HERMIT_DATATYPES:
        return Literal(str(term))
    if isinstance(term, URIRef) and term in HERMIT_DATATYPES:
        return RDFS.Literal
    return term


def reasoning_graph(graph: Graph | Dataset | None = None, *, base: str = DEFAULT_BASE) -> Graph:
    """What the reasoner reads: the ontology, the reference data and, optionally, a built graph."""
    from .reference import load_reference
    from .validate import _triples, ontology_graph

    out = Graph()
    bind_prefixes(out, base=base)
    out.addN((s, p, o, out) for s, p, o in ontology_graph())
    out.addN((s, p, o, out) for s, p, o in load_reference(base=base))
    if graph is not None:
        out.addN((s, p, o, out) for s, p, o in _triples(graph))
    return out


def hermit(graph: Graph) -> tuple[bool, Graph]:
    """Run HermiT on ``graph`` (ontology and individuals together).

    Returns:
        (consistent, inferred): the triples HermiT adds (class memberships and object property values),
        empty when the graph is inconsistent.

    Raises:
        ReasonerUnavailable: there is no Java.
        BadInput: HermiT failed on the input (its last words are in the message).
    """
    java = java_command()
    import owlready2

    owlready2.JAVA_EXE = java
    world = owlready2.World()
    data = Graph()
    data.addN((_for_hermit(s), p, _for_hermit(o), data) for s, p, o in graph)
    onto = world.get_ontology("https://w3id.org/a4p/reasoning/")
    onto.load(fileobj=io.BytesIO(data.serialize(format="nt", encoding="utf-8")), format="ntriples")
    try:
        owlready2.sync_reasoner_hermit(world, infer_property_values=True, debug=0)
    except owlready2.OwlReadyInconsistentOntologyError:
        return False, Graph()
    except owlready2.OwlReadyJavaError as exc:
        lines = [ln for ln in str(exc).splitlines() if ln.strip()]
        raise BadInput("HermiT", "failed: " + " ".join(lines[-3:])[:500]) from None
    saved = io.BytesIO()
    world.save(saved, format="ntriples")
    after = Graph().parse(data=saved.getvalue().decode("utf-8"), format="nt")
    # owlready2 keeps an individual's most specific classes only; its memberships in their superclasses
    # (along the hierarchy HermiT computed) are entailed as well.
    closure = _superclasses(after)
    classes = set(after.subjects(RDF.type, OWL.Class))
    entailed = Graph()
    entailed.addN((s, p, o, entailed) for s, p, o in after)
    for s, t in list(after.subject_objects(RDF.type)):
        if s not in classes:
            entailed.addN((s, RDF.type, c, entailed) for c in closure.get(t, ()) if isinstance(c, URIRef))
    inferred = Graph()
    bind_prefixes(inferred)
    for s, p, o in entailed:
        if isinstance(s, URIRef) and isinstance(o, URIRef) and (s, p, o) not in data and s not in classes \
                and not str(p).startswith(str(OWL)) and o not in (OWL.Thing, OWL.NamedIndividual):
            inferred.add((s, p, o))
    return True, inferred


# --------------------------------------------------------------------------------------------------------------
# Explanations of an inconsistency


@dataclass(frozen=True)
class Conflict:
    """A contradiction in plain words: the individual, the axiom it breaks, and why."""

    individual: Node
    axiom: str
    detail: str


def _disjointness(graph: Graph) -> list[Conflict]:
    from .validate import CHECKS_NS, check_store, checks, run_checks

    chosen = [c for c in checks() if c.name == "disjoint_classes"]
    data = Graph()
    data.addN((s, p, o, data) for s, p, o in graph)
    # HermiT types the values of a property by its rdfs:range too: ask the check to count those types.
    data.add((URIRef(CHECKS_NS + "disjoint_classes"), URIRef(CHECKS_NS + "countRanges"), Literal(True)))
    return [Conflict(individual=row["focus"], axiom="disjoint classes (owl:AllDisjointClasses / owl:disjointWith)",
                     detail=str(row["message"]))
            for _, row in run_checks(check_store(data), chosen)]


def _superclasses(graph: Graph) -> dict[Node, set[Node]]:
    up: dict[Node, set[Node]] = {}
    for c, d in graph.subject_objects(RDFS.subClassOf):
        up.setdefault(c, set()).add(d)
    closure: dict[Node, set[Node]] = {}

    def of(c: Node) -> set[Node]:
        if c not in closure:
            closure[c] = {c}
            for d in up.get(c, ()):
                closure[c] |= of(d)
        return closure[c]

    for c in list(up):
        of(c)
    return closure


def _cardinalities(graph: Graph, names) -> list[Conflict]:
    """Functional properties and max-cardinality restrictions with more distinct data values than allowed.

    Only literal values count: two different IRIs may name the same individual (OWL makes no unique name
    assumption), so they contradict nothing by themselves."""
    out = []
    limits: list[tuple[Node | None, Node, int, str]] = []  # (class or None for all, property, max, axiom)
    for p in graph.subjects(RDF.type, OWL.FunctionalProperty):
        limits.append((None, p, 1, f"{names(p)} is an owl:FunctionalProperty"))
    for c, r in graph.subject_objects(RDFS.subClassOf):
        if (r, RDF.type, OWL.Restriction) in graph and isinstance(c, URIRef):
            p = graph.value(r, OWL.onProperty)
            n = graph.value(r, OWL.maxCardinality) or graph.value(r, OWL.maxQualifiedCardinality)
            if p is not None and n is not None and graph.value(r, OWL.onClass) is None \
                    and graph.value(r, OWL.onDataRange) is None:
                limits.append((c, p, int(n), f"a {names(c)} has at most {int(n)} {names(p)} (owl:maxCardinality)"))
    closure = _superclasses(graph)
    for cls, p, n, axiom in limits:
        for s in set(graph.subjects(p)):
            if cls is not None and not any(cls in closure.get(t, {t}) for t in graph.objects(s, RDF.type)):
                continue
            values = sorted({_for_hermit(o) for o in graph.objects(s, p) if isinstance(o, Literal)})
            if len(values) > n:
                shown = ", ".join(names(v) for v in values)
                out.append(Conflict(individual=s, axiom=axiom,
                                    detail=f"{names(s)} has {len(values)} different values of {names(p)}: {shown}"))
    return out


def explain(graph: Graph, *, base: str = DEFAULT_BASE) -> list[Conflict]:
    """Contradictions that make ``graph`` (ontology + individuals) inconsistent: individuals in two disjoint
    classes (counting superclasses, domains and ranges) and properties with more values than an axiom allows."""
    from .validate import short

    def names(t: Node) -> str:
        return short(t, base=base)

    found = _disjointness(graph) + _cardinalities(graph, names)
    return sorted(found, key=lambda c: (str(c.individual), c.axiom, c.detail))


# --------------------------------------------------------------------------------------------------------------
# The report


@dataclass
class ReasoningReport:
    consistent: bool
    triples: int
    seconds: float
    inferred: Graph = field(default_factory=Graph)
    conflicts: list[Conflict] = field(default_factory=list)
    inputs: list[str] = field(default_factory=list)
    base: str = DEFAULT_BASE

    def _short(self, t: Node) -> str:
        from .validate import short

        return short(t, base=self.base)

    def inferred_types(self) -> dict[str, list[str]]:
        """Inferred a4p classes -> the individuals newly in them (short names), sorted."""
        out: dict[str, list[str]] = {}
        for s, o in self.inferred.subject_objects(RDF.type):
            if str(o).startswith(str(A4P._NS)):
                out.setdefault(self._short(o), []).append(self._short(s))
        return {k: sorted(v) for k, v in sorted(out.items())}

    def inferred_values(self) -> dict[str, int]:
        """Inferred object property values, counted per property."""
        out: dict[str, int] = {}
        for _, p, _ in self.inferred:
            if p != RDF.type:
                out[self._short(p)] = out.get(self._short(p), 0) + 1
        return dict(sorted(out.items()))

    def to_text(self, *, limit: int = 12) -> str:
        lines = [f"read {' + '.join(self.inputs)}: {self.triples:,} triples; HermiT took {self.seconds:.1f} s"]
        if not self.consistent:
            lines.append("INCONSISTENT: HermiT finds no model of the ontology with these individuals.")
            if self.conflicts:
                lines.append(f"{len(self.conflicts)} contradiction(s):")
                for c in self.conflicts:
                    lines.append(f"  - {self._short(c.individual)}")
                    lines.append(f"    axiom: {c.axiom}")
                    lines.append(f"    why:   {c.detail}")
            else:
                lines.append("No simple cause was found (two disjoint classes, too many values of a property); "
                             "reason over the ontology and reference data alone to narrow it down.")
            return "\n".join(lines) + "\n"
        lines.append("consistent: HermiT finds a model of the ontology with these individuals.")
        types = self.inferred_types()
        lines.append(f"inferred types ({sum(len(v) for v in types.values())} memberships in a4p classes):")
        for cls, members in types.items():
            more = f", … and {len(members) - limit} more" if len(members) > limit else ""
            shown = ", ".join(members[:limit]) + more
            lines.append(f"  {cls} ({len(members)}): {shown}")
        values = self.inferred_values()
        if values:
            lines.append("inferred property values: " + ", ".join(f"{k} {v}" for k, v in values.items()))
        return "\n".join(lines) + "\n"

    def to_json(self) -> str:
        return json.dumps({
            "consistent": self.consistent, "triples": self.triples, "seconds": round(self.seconds, 3),
            "inputs": self.inputs,
            "conflicts": [{"individual": str(c.individual), "axiom": c.axiom, "detail": c.detail}
                          for c in self.conflicts],
            "inferred_types": self.inferred_types(),
            "inferred_values": sorted([self._short(s), self._short(p), self._short(o)]
                                      for s, p, o in self.inferred if p != RDF.type),
        }, indent=1, ensure_ascii=False) + "\n"


def reason(graph: Graph | Dataset | None = None, *, base: str = DEFAULT_BASE,
           inputs: Iterable[str] = ()) -> ReasoningReport:
    """Reason over the ontology, the reference data and ``graph`` (if given) with HermiT.

    Raises:
        ReasonerUnavailable: there is no Java.
        BadInput: an input does not parse, or HermiT fails on it.
    """
    java_command()  # fail before loading anything
    data = reasoning_graph(graph, base=base)
    t0 = time.perf_counter()
    consistent, inferred = hermit(data)
    seconds = time.perf_counter() - t0
    conflicts = [] if consistent else explain(data, base=base)
    return ReasoningReport(consistent=consistent, triples=len(data), seconds=seconds, inferred=inferred,
                           conflicts=conflicts, inputs=["ontology", "reference data", *inputs], base=base)
