"""Tallies: counts a store keeps beside the report graphs, so corpus-wide questions read them instead of
re-counting every report (``queries/tallies/*.rq``, class ``a4p:Tally``).

Two kinds, by the tag in each query's header:

- ``report``: counts within one report (per theme: paragraphs, missions, figures, recommendations). Run for
  each report graph the store loads, its IRI bound to ``?r``; the result replaces that report's tally graph
  (:func:`a4p_kg.store.tally_graph`), so reloading one report recounts that report only.
- ``corpus``: counts over all the reports (per mission and theme or commitment area: reports, evidence). Run
  over the whole store after every load; the result replaces the corpus tally graph.

Tallies live in stores only: graph/ holds what the reports say, not counts of it. :func:`refresh` keeps them
current in an embedded store (the build, ``fill_from_trig`` and ``publish --source`` call it); publishing a
store copies its tally graphs with the others, so a remote endpoint answers the same.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import QueryError
from .paths import queries_dir
from .store import (REPORT_GRAPH, EmbeddedStore, Term, corpus_tally_graph, inject_values, report_of_tally_graph,
                    tally_graph)

__all__ = ["Tally", "tallies", "refresh"]

A4P_REPORT = "https://w3id.org/a4p/ontology#Report"


@dataclass(frozen=True)
class Tally:
    name: str
    path: Path
    summary: str
    query: str
    scope: str  # "report" or "corpus"


@lru_cache(maxsize=4)
def tallies(folder: Path | None = None) -> tuple[Tally, ...]:
    """The tally queries of ``queries/tallies/``, each tagged ``report`` or ``corpus``.

    Raises:
        QueryError: a query is tagged neither.
    """
    from .queries import parse_header, read_folder

    out = []
    for name, path, summary, text in read_folder(folder or queries_dir() / "tallies"):
        tags = set(parse_header(text, source=str(path)).get("tags") or ())
        scope = "report" if "report" in tags else "corpus" if "corpus" in tags else None
        if scope is None:
            raise QueryError(f"{path}: a tally query is tagged report or corpus")
        out.append(Tally(name, path, summary, text, scope))
    return tuple(out)


def refresh(store: EmbeddedStore, reports: Iterable[str] | None = None) -> dict[str, float]:
    """Recount: the report tallies of the report graphs ``reports`` (default: every report graph in the
    store), then the corpus tallies; tally graphs of reports no longer in the store are dropped.

    Returns ``{"reports": n, "triples": m, "seconds": s}``.

    Raises:
        QueryError: a tally query does not parse or cannot run.
    """
    t0 = time.perf_counter()
    graphs = store.graphs()
    report_graphs = [g for g in graphs if REPORT_GRAPH in g]
    todo = report_graphs if reports is None else [g for g in reports if REPORT_GRAPH in g]
    present = set(report_graphs)
    for g in graphs:  # a report removed from the store takes its tallies along
        report = report_of_tally_graph(g)
        if report is not None and report not in present:
            store.remove_graph(g)
    per_report = [t for t in tallies() if t.scope == "report"]
    triples = 0
    for g in todo:
        made = ((str(t.path), inject_values(t.query, {"r": Term.iri(r)}))
                for r in store.instances(g, A4P_REPORT) for t in per_report)
        triples += store.replace_graph_constructed(tally_graph(g), made)
    if report_graphs:
        base = report_graphs[0].split(REPORT_GRAPH, 1)[0]
        made = ((str(t.path), t.query) for t in tallies() if t.scope == "corpus")
        triples += store.replace_graph_constructed(corpus_tally_graph(base), made)
    return {"reports": len(todo), "triples": triples, "seconds": time.perf_counter() - t0}
