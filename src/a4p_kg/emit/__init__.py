"""Records -> RDF. Every IRI comes from :class:`a4p_kg.iris.Minter`; every extracted node carries
``prov:wasDerivedFrom`` the paragraph it comes from.

- :mod:`.structure`: report, sections, paragraphs, figures, footnotes
- :mod:`.mentions`: mentions (text-anchored), weaker references, citations, discovered entities, support
- :mod:`.statements`: observations and series, SDG links, recommendations, policy events, mission facts
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

from ..extract.records import Extraction
from ..extract.sections import SectionConcepts
from ..iris import Minter
from ..namespaces import A4P, bind_prefixes
from ..reference import Gazetteer
from ..report import ParsedReport
from ..seeds import SeedMeta
from .context import EmitContext
from .mentions import emit_mentions
from .statements import emit_statements
from .structure import emit_structure

__all__ = ["emit_report", "emit_provenance", "EmitContext"]


def emit_report(report: ParsedReport, extraction: Extraction, seed: SeedMeta,
                concepts: dict[tuple[str, ...], SectionConcepts], *, minter: Minter, gaz: Gazetteer) -> Graph:
    """The named graph of one report: its structure and everything extracted from it."""
    graph = Graph()
    bind_prefixes(graph, base=minter.base)
    ctx = EmitContext(graph=graph, minter=minter, symbol=seed.symbol, gaz=gaz)
    emit_structure(ctx, report, seed, concepts)
    emit_mentions(ctx, extraction, concepts)
    emit_statements(ctx, extraction, report)
    return graph


def emit_provenance(graph: Graph, *, minter: Minter, inputs: list[tuple[str, str, str]], version: str,
                    timestamp: str | None) -> None:
    """Build provenance (PROV-O): which software version built which report graph from which input.

    Args:
        inputs: (report symbol, input file name, sha256 of its bytes) per report.
        timestamp: an ISO date-time from ``SOURCE_DATE_EPOCH``, or None to leave time out.
    """
    software = minter.software(version)
    graph.add((software, RDF.type, PROV.SoftwareAgent))
    graph.add((software, RDFS.label, Literal(f"a4p-kg {version}")))
    for symbol, name, sha in inputs:
        build = minter.build(sha)
        source = minter.source(sha)
        report_graph = minter.graph("report", symbol)
        graph.add((build, RDF.type, A4P.Build))
        graph.add((build, RDF.type, PROV.Activity))
        graph.add((build, RDFS.label, Literal(f"build of {symbol} from {name}")))
        graph.add((build, PROV.used, source))
        graph.add((build, PROV.wasAssociatedWith, software))
        if timestamp:
            graph.add((build, PROV.endedAtTime, Literal(timestamp, datatype=URIRef(
                "http://www.w3.org/2001/XMLSchema#dateTime"))))
        graph.add((source, RDF.type, PROV.Entity))
        graph.add((source, RDFS.label, Literal(name)))
        graph.add((source, A4P.sha256, Literal(sha)))
        graph.add((report_graph, RDF.type, PROV.Entity))
        graph.add((report_graph, PROV.wasGeneratedBy, build))
        graph.add((report_graph, PROV.wasDerivedFrom, source))
        graph.add((minter.report(symbol), PROV.wasDerivedFrom, source))
        graph.add((minter.report(symbol), DCTERMS.source, source))
