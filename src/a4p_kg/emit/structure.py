"""Document structure -> RDF: the report, its sections, run-in headings, paragraphs, figures, footnotes."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS, XSD

from ..extract.records import EntityRef
from ..extract.sections import SectionConcepts
from ..namespaces import A4P
from ..report import ParsedReport
from ..seeds import SeedMeta
from .context import EmitContext

__all__ = ["emit_structure"]


def _discovered_commitment(ctx: EmitContext, c: SectionConcepts, paragraph: int) -> None:
    """A commitment-area heading the reference data lacks: a concept flagged discovered, under its theme."""
    g = ctx.graph
    node = ctx.iri_for(EntityRef("commitment", c.commitment))
    theme = ctx.iri_for(EntityRef("theme", c.theme))
    broader = ctx.iri_for(EntityRef("commitment", c.parent_commitment)) if c.parent_commitment else theme
    g.add((node, RDF.type, A4P.Commitment))
    g.add((node, RDF.type, SKOS.Concept))
    g.add((node, SKOS.prefLabel, Literal(c.commitment, lang="en")))
    g.add((node, SKOS.inScheme, A4P.commitments))
    g.add((node, SKOS.broader, broader))
    g.add((node, A4P.theme, theme))
    g.add((node, A4P.discovered, Literal(True)))
    ctx.derived(node, paragraph)


def emit_structure(ctx: EmitContext, report: ParsedReport, seed: SeedMeta,
                   concepts: dict[tuple[str, ...], SectionConcepts]) -> URIRef:
    """Add the report's structure to ``ctx.graph``; return the report's IRI."""
    g, m, sym = ctx.graph, ctx.minter, ctx.symbol
    meta = report.meta
    rep = m.report(sym)
    g.add((rep, RDF.type, A4P.Report))
    g.add((rep, DCTERMS.identifier, Literal(sym)))
    g.add((rep, A4P.symbol, Literal(sym)))
    title = meta.title or seed.title
    if title:
        g.add((rep, DCTERMS.title, Literal(title, lang="en")))
        g.add((rep, A4P.title, Literal(title, lang="en")))
        g.add((rep, SKOS.prefLabel, Literal(f"{sym}: {title}", lang="en")))
    date = meta.date or seed.date
    if date:
        g.add((rep, DCTERMS.date, Literal(date, datatype=XSD.date)))
    if (session := meta.session or seed.session) is not None:
        g.add((rep, A4P.session, Literal(int(session))))
    if agenda := meta.agenda_item or seed.agenda_item:
        g.add((rep, A4P.agendaItem, Literal(agenda)))
    if meta.agenda_title:
        g.add((rep, A4P.agendaItemTitle, Literal(meta.agenda_title, lang="en")))
    if body := meta.body or seed.body:
        g.add((rep, A4P.body, Literal(body)))
    g.add((rep, DCTERMS.language, Literal(seed.language or meta.language)))

    def section_iri(path: tuple[str, ...]) -> URIRef:
        return m.section(sym, path) if path else rep

    for sec in report.sections:
        s = section_iri(sec.path)
        g.add((s, RDF.type, A4P.Section))
        g.add((s, A4P.number, Literal(sec.number)))
        g.add((s, A4P.title, Literal(sec.title, lang="en")))
        g.add((s, SKOS.prefLabel, Literal(f"{'.'.join(sec.path)}. {sec.title}", lang="en")))
        g.add((s, A4P.level, Literal(sec.level)))
        g.add((s, A4P.order, Literal(sec.order)))
        g.add((s, DCTERMS.isPartOf, section_iri(sec.path[:-1])))
        if sec.first_paragraph is not None:
            g.add((s, A4P.firstParagraph, Literal(sec.first_paragraph)))
            g.add((s, A4P.lastParagraph, Literal(sec.last_paragraph)))
        c = concepts.get(sec.path)
        if c and c.theme:
            g.add((s, A4P.theme, ctx.iri_for(EntityRef("theme", c.theme))))
        if c and c.commitment:
            g.add((s, A4P.commitment, ctx.iri_for(EntityRef("commitment", c.commitment))))
            if ctx.gaz.get("commitment", c.commitment) is None and sec.first_paragraph is not None:
                _discovered_commitment(ctx, c, sec.first_paragraph)

    for sub in report.subheadings:
        h = m.subheading(sym, sub.first_paragraph)
        g.add((h, RDF.type, A4P.Subheading))
        g.add((h, A4P.title, Literal(sub.title, lang="en")))
        g.add((h, SKOS.prefLabel, Literal(sub.title, lang="en")))
        g.add((h, DCTERMS.isPartOf, section_iri(sub.section)))
        g.add((h, A4P.firstParagraph, Literal(sub.first_paragraph)))

    for para in report.paragraphs:
        p = ctx.para(para.number)
        g.add((p, RDF.type, A4P.Paragraph))
        g.add((p, A4P.number, Literal(para.number)))
        g.add((p, A4P.text, Literal(para.text, lang="en")))
        g.add((p, SKOS.prefLabel, Literal(f"{sym} para. {para.number}" if para.number else f"{sym} Summary",
                                          lang="en")))
        g.add((p, DCTERMS.isPartOf, section_iri(para.section)))
        g.add((p, A4P.order, Literal(para.number)))
        if para.subheading is not None:
            g.add((p, A4P.subheading, m.subheading(sym, para.subheading)))
        c = concepts.get(para.section)
        if c and c.theme:
            g.add((p, A4P.theme, ctx.iri_for(EntityRef("theme", c.theme))))
        if c and c.commitment:
            g.add((p, A4P.commitment, ctx.iri_for(EntityRef("commitment", c.commitment))))
        for fig in para.figures:
            if any(f.number == fig for f in report.figures):
                g.add((p, A4P.refersToFigure, m.figure(sym, fig)))

    for fig in report.figures:
        f = m.figure(sym, fig.number)
        g.add((f, RDF.type, A4P.Figure))
        g.add((f, A4P.number, Literal(fig.number)))
        g.add((f, A4P.title, Literal(fig.caption, lang="en")))
        g.add((f, SKOS.prefLabel, Literal(f"Figure {fig.number}: {fig.caption}", lang="en")))
        g.add((f, DCTERMS.isPartOf, section_iri(fig.section)))
        if fig.after_paragraph is not None:
            g.add((f, A4P.afterParagraph, ctx.para(fig.after_paragraph)))
        for src in fig.sources:
            g.add((f, A4P.source, Literal(src, lang="en")))
        for note in fig.notes:
            g.add((f, A4P.note, Literal(note, lang="en")))

    for note in report.footnotes:
        n = m.footnote(sym, note.marker)
        g.add((n, RDF.type, A4P.Footnote))
        g.add((n, A4P.number, Literal(note.marker)))
        g.add((n, A4P.text, Literal(note.text, lang="en")))
        g.add((n, SKOS.prefLabel, Literal(f"{sym} footnote {note.marker}", lang="en")))
        target = ctx.para(note.paragraph) if note.paragraph is not None else rep
        g.add((n, A4P.attachedTo, target))
        g.add((n, DCTERMS.isPartOf, rep))
        g.add((target, A4P.footnote, n))
    return rep
