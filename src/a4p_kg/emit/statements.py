"""Observations and series, SDG links, recommendations, policy events and mission facts -> RDF (docs/model.md).

- ``{P}/obs/{start} a a4p:Observation`` (value xsd:decimal, unit, measure, measureKind, period and its typed
  start/end, qualifier, about, quote, NIF offsets, ``a4p:inSeries {P}/series/{measure-slug}``);
  ``id:measure/{slug} a a4p:Measure; skos:prefLabel``; ``{P}/series/{slug} a a4p:Series; a4p:measure``;
- ``{P}/goal/{n} a a4p:GoalLink`` and ``theme a4p:linkedGoal sdg:n`` (``a4p:themes`` when the text ties the
  Goal to the Declaration's themes together);
- ``{P}/rec/{start} a a4p:Recommendation`` (one node per sentence; several addressees when it names several);
- ``{P}/event/{policy-slug}-{type} a a4p:PolicyEvent``;
- ``{P}/fact/{ACRONYM}-{type} a a4p:MissionFact`` and ``operation a4p:highRisk true`` for high-risk facts.

Every node is ``prov:wasDerivedFrom`` its paragraph. Literals follow ontology/shapes.ttl: texts are ``@en``,
codes (unit, kinds, types) plain strings, offsets ``xsd:nonNegativeInteger``, dates typed by precision.
"""

from __future__ import annotations

import re
from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from ..extract.records import EntityRef, Extraction
from ..iris import slug
from ..namespaces import A4P, NIF
from .context import EmitContext

__all__ = ["emit_statements", "date_literal", "decimal_literal"]

_CLASS_OF_KIND = {"policy": "Policy", "organization": "Organization", "operation": "PeaceOperation",
                  "country": "Place", "addressee": "Addressee"}


def date_literal(iso: str | None) -> Literal | None:
    """An ISO date, year-month or year as a literal typed to its precision (None when it is none of them).

    >>> date_literal("2018-03").datatype == XSD.gYearMonth, date_literal("2019-08-26").datatype == XSD.date
    (True, True)
    """
    if not iso:
        return None
    if re.fullmatch(r"\d{4}-\d\d-\d\d", iso):
        return Literal(iso, datatype=XSD.date)
    if re.fullmatch(r"\d{4}-\d\d", iso):
        return Literal(iso, datatype=XSD.gYearMonth)
    if re.fullmatch(r"\d{4}", iso):
        return Literal(iso, datatype=XSD.gYear)
    return None


def decimal_literal(value) -> Literal:
    """An xsd:decimal in the lexical form every export writes alike ("646.0", "15.3"): Turtle abbreviates a
    decimal with a point, so a form without one would not round-trip through Turtle and JSON-LD unchanged.

    >>> str(decimal_literal(Decimal(646))), str(decimal_literal(Decimal("15.3")))
    ('646.0', '15.3')
    """
    lexical = format(Decimal(value), "f")
    return Literal(lexical if "." in lexical else lexical + ".0", datatype=XSD.decimal)


def _offsets(ctx: EmitContext, node: URIRef, start: int, end: int) -> None:
    ctx.graph.add((node, NIF.beginIndex, Literal(start, datatype=XSD.nonNegativeInteger)))
    ctx.graph.add((node, NIF.endIndex, Literal(end, datatype=XSD.nonNegativeInteger)))


def _entity(ctx: EmitContext, ref: EntityRef, known: set[EntityRef], paragraph: int, label: str | None = None
            ) -> URIRef:
    """The entity's IRI; one neither in the reference data nor discovered by the entity extraction is typed
    and labelled here (marked a4p:discovered), so the graph describes everything it links to."""
    iri = ctx.iri_for(ref)
    if ref.kind in _CLASS_OF_KIND and ref not in known and ctx.gaz.get(ref.kind, ref.key) is None:
        g = ctx.graph
        if (iri, RDF.type, None) not in g:
            g.add((iri, RDF.type, A4P[_CLASS_OF_KIND[ref.kind]]))
            g.add((iri, SKOS.prefLabel, Literal(label or ref.key, lang="en")))
            g.add((iri, A4P.discovered, Literal(True)))
            ctx.derived(iri, paragraph)
    return iri


def emit_statements(ctx: EmitContext, extraction: Extraction, report) -> None:
    """Add observation, goal-link, recommendation, event and fact nodes."""
    g = ctx.graph
    known = {d.entity for d in extraction.discovered}

    # --- observations, measures, series
    measure_labels: dict[str, str] = {}
    for o in extraction.observations:
        node = ctx.node(o.paragraph, "obs", str(o.start))
        key = slug(o.measure) or "quantity"
        label = measure_labels.setdefault(key, o.measure)
        measure = ctx.minter.measure(label)
        g.add((node, RDF.type, A4P.Observation))
        g.add((node, A4P.value, decimal_literal(o.value)))
        g.add((node, A4P.unit, Literal(o.unit)))
        g.add((node, A4P.measure, measure))
        if o.measure_kind:
            g.add((node, A4P.measureKind, Literal(o.measure_kind)))
        if o.period:
            g.add((node, A4P.period, Literal(o.period, lang="en")))
        ctx.add(node, A4P.periodStart, date_literal(o.period_start))
        ctx.add(node, A4P.periodEnd, date_literal(o.period_end))
        if o.qualifier:
            g.add((node, A4P.qualifier, Literal(o.qualifier, lang="en")))
        for ref in o.about:
            g.add((node, A4P.about, _entity(ctx, ref, known, o.paragraph)))
        g.add((node, A4P.quote, Literal(o.quote, lang="en")))
        _offsets(ctx, node, o.start, o.end)
        ctx.derived(node, o.paragraph)
        if (measure, RDF.type, A4P.Measure) not in g:
            g.add((measure, RDF.type, A4P.Measure))
            g.add((measure, SKOS.prefLabel, Literal(label, lang="en")))
        ctx.derived(measure, o.paragraph)
        if o.series:
            series = ctx.node(o.paragraph, "series", key)
            g.add((series, RDF.type, A4P.Series))
            g.add((series, A4P.measure, measure))
            ctx.derived(series, o.paragraph)
            g.add((node, A4P.inSeries, series))

    # --- SDG links
    for link in extraction.goals:
        node = ctx.node(link.paragraph, "goal", str(link.goal))
        goal = ctx.iri_for(EntityRef("goal", str(link.goal)))
        g.add((node, RDF.type, A4P.GoalLink))
        g.add((node, A4P.goal, goal))
        g.add((node, A4P.quote, Literal(link.surface, lang="en")))
        _offsets(ctx, node, link.start, link.end)
        ctx.derived(node, link.paragraph)
        if link.theme:
            theme = ctx.iri_for(EntityRef("theme", link.theme))
            g.add((node, A4P.theme, theme))
            g.add((theme, A4P.linkedGoal, goal))
        else:
            g.add((A4P.themes, A4P.linkedGoal, goal))

    # --- recommendations (one node per sentence)
    for r in extraction.recommendations:
        node = ctx.node(r.paragraph, "rec", str(r.start))
        g.add((node, RDF.type, A4P.Recommendation))
        g.add((node, A4P.text, Literal(r.text, lang="en")))
        g.add((node, A4P.addressee, _entity(ctx, EntityRef("addressee", r.addressee), known, r.paragraph)))
        if (node, A4P.modality, None) not in g:
            g.add((node, A4P.modality, Literal(r.modality)))
        if r.theme and (node, A4P.theme, None) not in g:
            g.add((node, A4P.theme, ctx.iri_for(EntityRef("theme", r.theme))))
        if (node, NIF.beginIndex, None) not in g:
            _offsets(ctx, node, r.start, r.end)
        ctx.derived(node, r.paragraph)

    # --- policy events
    for e in extraction.events:
        node = ctx.node(e.paragraph, "event", f"{slug(e.policy.key)}-{e.event_type}")
        g.add((node, RDF.type, A4P.PolicyEvent))
        g.add((node, A4P.policy, _entity(ctx, e.policy, known, e.paragraph)))
        g.add((node, A4P.eventType, Literal(e.event_type)))
        if (node, A4P.date, None) not in g:
            ctx.add(node, A4P.date, date_literal(e.date))
        for a in e.agents:
            g.add((node, A4P.agent, _entity(ctx, a, known, e.paragraph)))
        for p in e.supported_by:
            g.add((node, A4P.partner, _entity(ctx, p, known, e.paragraph)))
        if e.note:
            g.add((node, RDFS.comment, Literal(e.note, lang="en")))
        if (node, A4P.quote, None) not in g:
            g.add((node, A4P.quote, Literal(e.quote, lang="en")))
        ctx.derived(node, e.paragraph)

    # --- mission facts
    for f in extraction.facts:
        op = _entity(ctx, EntityRef("operation", f.operation), known, f.paragraph)
        node = ctx.node(f.paragraph, "fact", f"{f.operation}-{f.fact_type}")
        g.add((node, RDF.type, A4P.MissionFact))
        g.add((node, A4P.operation, op))
        g.add((node, A4P.factType, Literal(f.fact_type)))
        policy = f.policy
        if policy is not None and (node, A4P.policy, None) not in g:
            g.add((node, A4P.policy, _entity(ctx, policy, known, f.paragraph)))
        if (node, A4P.quote, None) not in g:
            g.add((node, A4P.quote, Literal(f.quote, lang="en")))
        ctx.derived(node, f.paragraph)
        if f.fact_type == "highRisk":
            g.add((op, A4P.highRisk, Literal(True)))
