"""Mutation test: corrupt the real built graph at random (seeded) and show that validation catches every
corruption, on the node that was corrupted.

Five kinds of corruption, taken in turn: drop a required triple, give a value the wrong datatype, put a value
out of its range, point a link at a node that does not exist, give a paragraph the number of another. The
candidates come from the shapes themselves (sh:minCount, sh:datatype, sh:minInclusive/sh:maxInclusive,
sh:class), so new shapes are mutated too. ``A4P_MUTATIONS`` sets how many (default 50).
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest
from rdflib import Graph, Literal, URIRef

from a4p_kg.namespaces import A4P, RDF, RDFS, SH, XSD
from a4p_kg.validate import SHAPES_NS as SH_NS, data_graph, shapes_graph, validate_dataset

pytestmark = pytest.mark.slow

KINDS = ("drop_required", "wrong_datatype", "out_of_range", "dangling_link", "duplicate_paragraph_number")
COUNT = int(os.environ.get("A4P_MUTATIONS", "50"))
SEED = 20191105


@dataclass
class Mutation:
    kind: str
    focus: URIRef
    shape: str
    removed: list
    added: list

    def apply(self, graph: Graph) -> Graph:
        g = Graph()
        g.addN((s, p, o, g) for s, p, o in graph)
        for t in self.removed:
            g.remove(t)
        for t in self.added:
            g.add(t)
        return g


@dataclass(frozen=True)
class Rule:
    shape: URIRef
    cls: URIRef
    path: URIRef


def rules_with(shapes: Graph, parameter: URIRef) -> list[tuple[Rule, object]]:
    """Property shapes with a class target, an IRI path and ``parameter``: (rule, the parameter's value)."""
    out = []
    for shape, value in shapes.subject_objects(parameter):
        cls, path = shapes.value(shape, SH.targetClass), shapes.value(shape, SH.path)
        if isinstance(cls, URIRef) and isinstance(path, URIRef) and path != RDF.type:
            out.append((Rule(shape, cls, path), value))
    return sorted(out, key=lambda r: str(r[0].shape))


def instances(graph: Graph, cls: URIRef) -> list[URIRef]:
    subclasses = set(graph.transitive_subjects(RDFS.subClassOf, cls))
    return sorted({s for c in subclasses for s in graph.subjects(RDF.type, c) if isinstance(s, URIRef)})


def candidates(graph: Graph, rules: list[tuple[Rule, object]], *, literal: bool | None = None):
    """(rule, parameter value, focus, value) for every value of a rule's path on one of its focus nodes."""
    out = []
    for rule, param in rules:
        for focus in instances(graph, rule.cls):
            for value in graph.objects(focus, rule.path):
                if literal is None or isinstance(value, Literal) == literal:
                    out.append((rule, param, focus, value))
    return out


def wrong_datatype(value: Literal, expected: URIRef) -> Literal:
    if expected == RDF.langString:
        return Literal(str(value))  # the same text without its language tag
    if expected == XSD.string:
        return Literal(str(value), lang="en")
    return Literal(str(value))  # a number, date or year written as a plain string


def beyond(limit: Literal, parameter: URIRef) -> Literal | None:
    step = 1 if parameter == SH.maxInclusive else -1
    v = limit.toPython()
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, Decimal)):
        return Literal(v + step, datatype=limit.datatype)
    if isinstance(v, date):
        return Literal(v + timedelta(days=step), datatype=limit.datatype)
    return None


def pick(rng: random.Random, found: list):
    """A rule first, then one of its candidates: rules with many focus nodes (mentions) do not crowd out the
    others."""
    by_rule: dict = {}
    for c in found:
        by_rule.setdefault(c[0], []).append(c)
    return rng.choice(by_rule[rng.choice(sorted(by_rule, key=lambda r: str(r.shape)))])


def plan(graph: Graph, count: int, seed: int) -> list[Mutation]:
    rng = random.Random(seed)
    shapes = shapes_graph()
    name = lambda s: "shape:" + str(s).rsplit("#", 1)[-1]  # noqa: E731
    required = candidates(graph, [(r, n) for r, n in rules_with(shapes, SH.minCount) if int(n) >= 1])
    typed = candidates(graph, rules_with(shapes, SH.datatype), literal=True)
    ranged = [c for p in (SH.minInclusive, SH.maxInclusive) for c in candidates(graph, rules_with(shapes, p),
                                                                                   literal=True)
              if c[3].datatype == c[1].datatype or (c[3].datatype in (XSD.integer, XSD.decimal) and
                                                     c[1].datatype in (XSD.integer, XSD.decimal))]
    # a percentage above 100 (shape:PercentageShape, a node shape that holds the range for unit "percent")
    percentage = Rule(URIRef(str(SH_NS) + "PercentageShape"), A4P.Observation, A4P.value)
    ranged += [(percentage, Literal(Decimal(100), datatype=XSD.decimal), o, v)
               for o in instances(graph, A4P.Observation) if (o, A4P.unit, Literal("percent")) in graph
               for v in graph.objects(o, A4P.value)]
    linked = candidates(graph, rules_with(shapes, SH["class"]), literal=False)
    paragraphs = instances(graph, A4P.Paragraph)
    out = []
    for i in range(count):
        kind = KINDS[i % len(KINDS)]
        if kind == "drop_required":
            rule, _, focus, _ = pick(rng, required)
            removed = list(graph.triples((focus, rule.path, None)))
            out.append(Mutation(kind, focus, name(rule.shape), removed, []))
        elif kind == "wrong_datatype":
            rule, expected, focus, value = pick(rng, typed)
            out.append(Mutation(kind, focus, name(rule.shape), [(focus, rule.path, value)],
                                [(focus, rule.path, wrong_datatype(value, expected))]))
        elif kind == "out_of_range":
            rule, limit, focus, value = pick(rng, ranged)
            parameter = SH.maxInclusive if (rule.shape, SH.maxInclusive, limit) in shapes or rule == percentage \
                else SH.minInclusive
            new = beyond(limit, parameter)
            assert new is not None, rule
            out.append(Mutation(kind, focus, name(rule.shape), [(focus, rule.path, value)], [(focus, rule.path, new)]))
        elif kind == "dangling_link":
            rule, _, focus, value = pick(rng, linked)
            nowhere = URIRef(f"https://w3id.org/a4p/id/nowhere/{i}")
            out.append(Mutation(kind, focus, name(rule.shape), [(focus, rule.path, value)],
                                [(focus, rule.path, nowhere)]))
        else:
            one, other = rng.sample(paragraphs, 2)
            out.append(Mutation(kind, one, "check:paragraph_numbers_unique",
                                list(graph.triples((one, A4P.number, None))),
                                [(one, A4P.number, n) for n in graph.objects(other, A4P.number)]))
    return out


@pytest.fixture(scope="module")
def built():
    """The seed report built as `a4p-kg build` does, as one graph, and what validation already says of it."""
    from a4p_kg.build import build_dataset
    from support import SEED as REPORT

    graph = data_graph(build_dataset([REPORT]).dataset)
    before = {(r.shape, r.focus, r.path, r.value) for r in validate_dataset(graph).results}
    return graph, before, plan(graph, COUNT, SEED)


@pytest.mark.parametrize("index", range(COUNT), ids=lambda i: f"{i:02d}-{KINDS[i % len(KINDS)]}")
def test_corruption_is_caught(built, index):
    graph, before, mutations = built
    mutation = mutations[index]
    report = validate_dataset(mutation.apply(graph))
    new = [r for r in report.results if (r.shape, r.focus, r.path, r.value) not in before]
    assert not report.conforms
    assert any(r.focus == mutation.focus for r in new), (
        f"{mutation.kind} on {mutation.focus} ({mutation.shape}) went unnoticed: "
        f"removed {mutation.removed}, added {mutation.added}")


def test_every_kind_of_corruption_has_candidates_in_the_built_graph(built):
    _, _, mutations = built
    assert {m.kind for m in mutations} == set(KINDS)
    assert len({(m.kind, m.focus, m.shape) for m in mutations}) > len(mutations) * 0.8  # not one case repeated
