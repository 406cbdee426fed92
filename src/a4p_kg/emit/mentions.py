"""Mentions, weaker references, citations, discovered entities and mission support -> RDF (docs/model.md).

- ``{P}/mention/{start}-{end} a a4p:Mention`` (NIF offsets into the paragraph's text, ``itsrdf:taIdentRef`` the
  entity) and ``{P} a4p:mentions entity``; a resolved "the Mission" is an ``a4p:Reference`` under
  ``{P}/reference/{start}-{end}`` with ``{P} a4p:refersTo entity`` instead;
- ``{P} a4p:cites id:doc/…`` (and the footnote that carries the citation, if any), the document node with its
  symbol, and a Mention for the surface form when it is in the paragraph's text;
- discovered entities: their class, label, acronym, ``a4p:discovered true`` and ``prov:wasDerivedFrom`` the
  defining paragraph;
- ``{P}/support/{ACRONYM}-{theme}`` evidence and the direct ``a4p:supports`` / ``a4p:supportsTheme`` links.
"""

from __future__ import annotations

import re
from collections import Counter

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from ..extract.citations import doc_label
from ..extract.records import Citation, EntityRef, Extraction, Mention
from ..iris import slug
from ..namespaces import A4P, ITSRDF, NIF
from .context import EmitContext

__all__ = ["emit_mentions"]

# the forms of a4p:acronym that ontology/shapes.ttl admits
OPERATION_ACRONYM = re.compile(r"^[A-Z][A-Z0-9-]{1,14}$")
ACRONYM = re.compile(r"^[A-Z0-9][A-Za-z0-9&./-]{0,18}[A-Za-z0-9]$")


def _anchor(ctx: EmitContext, node: URIRef, cls: URIRef, paragraph: int, start: int, end: int, surface: str,
            target: URIRef) -> None:
    g = ctx.graph
    g.add((node, RDF.type, cls))
    g.add((node, NIF.referenceContext, ctx.para(paragraph)))
    g.add((node, NIF.beginIndex, Literal(start, datatype=XSD.nonNegativeInteger)))
    g.add((node, NIF.endIndex, Literal(end, datatype=XSD.nonNegativeInteger)))
    g.add((node, NIF.anchorOf, Literal(surface)))
    g.add((node, ITSRDF.taIdentRef, target))
    ctx.derived(node, paragraph)


def _mention(ctx: EmitContext, m: Mention, shared: bool) -> None:
    """One annotation node per entity: a span that resolves to several ("the five high-risk missions") gets one
    node per entity, keyed ``{start}-{end}-{entity}``."""
    target = ctx.iri_for(m.entity)
    key = f"{m.start}-{m.end}" + (f"-{slug(m.entity.key)}" if shared else "")
    if m.explicit:
        node = ctx.node(m.paragraph, "mention", key)
        _anchor(ctx, node, A4P.Mention, m.paragraph, m.start, m.end, m.surface, target)
        ctx.graph.add((ctx.para(m.paragraph), A4P.mentions, target))
    else:
        node = ctx.node(m.paragraph, "reference", key)
        _anchor(ctx, node, A4P.Reference, m.paragraph, m.start, m.end, m.surface, target)
        ctx.graph.add((ctx.para(m.paragraph), A4P.refersTo, target))


def _citation(ctx: EmitContext, c: Citation) -> None:
    g = ctx.graph
    doc = ctx.iri_for(EntityRef("document", c.symbol))
    is_resolution = "/RES/" in c.symbol
    g.add((doc, RDF.type, A4P.Resolution if is_resolution else A4P.Document))
    g.add((doc, A4P.symbol, Literal(c.symbol)))
    g.add((doc, SKOS.prefLabel, Literal(doc_label(c.symbol), lang="en")))
    ctx.derived(doc, c.paragraph)
    g.add((ctx.para(c.paragraph), A4P.cites, doc))
    if c.footnote is not None:
        # the surface form is in the footnote's text, not the paragraph's: no offsets into the paragraph
        g.add((ctx.minter.footnote(ctx.symbol, c.footnote), A4P.cites, doc))
        return
    node = ctx.node(c.paragraph, "mention", f"{c.start}-{c.end}")
    _anchor(ctx, node, A4P.Mention, c.paragraph, c.start, c.end, c.surface, doc)
    g.add((ctx.para(c.paragraph), A4P.mentions, doc))


def emit_mentions(ctx: EmitContext, extraction: Extraction, concepts) -> None:
    """Add mention annotations, a4p:mentions/a4p:refersTo/a4p:cites links and support evidence."""
    g = ctx.graph
    for d in extraction.discovered:
        entity = ctx.iri_for(d.entity)
        g.add((entity, RDF.type, A4P[d.cls]))
        g.add((entity, SKOS.prefLabel, Literal(d.label, lang="en")))
        if d.acronym:
            pattern = OPERATION_ACRONYM if d.entity.kind == "operation" else ACRONYM
            # an acronym the shapes do not admit ("A4P+") is kept as another name
            g.add((entity, A4P.acronym, Literal(d.acronym)) if pattern.match(d.acronym)
                  else (entity, SKOS.altLabel, Literal(d.acronym, lang="en")))
        g.add((entity, A4P.discovered, Literal(True)))
        ctx.derived(entity, d.paragraph)

    spans = Counter((m.paragraph, m.start, m.end, m.explicit) for m in extraction.mentions)
    for m in extraction.mentions:
        _mention(ctx, m, spans[(m.paragraph, m.start, m.end, m.explicit)] > 1)
    for c in extraction.citations:
        _citation(ctx, c)

    for s in extraction.supports:
        op = ctx.iri_for(EntityRef("operation", s.operation))
        theme = ctx.iri_for(EntityRef("theme", s.theme))
        node = ctx.node(s.paragraph, "support", f"{s.operation}-{slug(s.theme)}")
        g.add((node, RDF.type, A4P.SupportEvidence))
        g.add((node, A4P.operation, op))
        g.add((node, A4P.theme, theme))
        g.add((node, A4P.quote, Literal(s.quote, lang="en")))
        for partner in s.partners:
            g.add((node, A4P.partner, ctx.iri_for(partner)))
        ctx.derived(node, s.paragraph)
        g.add((op, A4P.supports, theme))
        g.add((op, A4P.supportsTheme, theme))
        if s.commitment:
            commitment = ctx.iri_for(EntityRef("commitment", s.commitment))
            g.add((node, A4P.commitment, commitment))
            g.add((op, A4P.supports, commitment))
