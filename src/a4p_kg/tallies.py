"""Tallies: counts a store keeps beside the report graphs, so corpus-wide questions read them instead of
re-counting every report (``queries/tallies/*.rq``, class ``a4p:Tally``).

Two kinds, by the tag in each query's header:

- ``report``: counts within one report (per theme: paragraphs, missions, figures, recommendations). Run for
  each report graph the store loads, its IRI bound to ``?r``; the result replaces that report's tally graph
  (:func:`a4p_kg.store.tally_graph`), so reloading one report recounts that report only.
- ``corpus``: counts over all the reports (per mission and theme or commitment area: reports, evidence). Run
  over the whole store after every load; the result replaces the corpus tally graph.
- ``mission``: what the reports say about each mission, one tally per mission and item over all the reports
  (reports, evidence, the latest report that says it and the paragraphs and evidence there, partners). A
  SELECT, grouped here (:func:`mission_tallies`): a tally links several paragraphs and partners, which a
  CONSTRUCT cannot give one blank node. Run over the whole store after every load; the result replaces the
  mission tally graphs, one per operation (``{base}graph/tallies/mission/MINUSCA``, the graph stating
  ``<graph> dcterms:subject <operation>``). Mission-scoped questions asked of the whole store read these, so
  their answer is bounded by what is said of the mission, not by the number of reports; and since each
  operation's tallies are together, an engine reads each property of them in one range scan.

Tallies live in stores only: graph/ holds what the reports say, not counts of it. :func:`refresh` keeps them
current in an embedded store (the build, ``fill_from_trig`` and ``publish --source`` call it); publishing a
store copies its tally graphs with the others, so a remote endpoint answers the same.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import QueryError
from .paths import queries_dir
from .queries import PREFIXES, parse_header, read_folder
from .store import (MISSION_TALLY_GRAPH, REPORT_GRAPH, TALLY_GRAPH, XSD, EmbeddedStore, Term, corpus_tally_graph,
                    inject_values, mission_tally_graph, report_of_tally_graph, tally_graph)

__all__ = ["Tally", "tallies", "refresh", "mission_tallies"]

A4P = PREFIXES["a4p"]
A4P_REPORT = A4P + "Report"
DCTERMS_SUBJECT = PREFIXES["dcterms"] + "subject"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_INTEGER = XSD + "integer"
#: the key columns of a mission tally row, and the property each is stated with
_KEYS = (("mission", "aboutOperation"), ("aspect", "aspect"), ("item", "item"), ("context", "context"),
         ("relation", "relation"))


@dataclass(frozen=True)
class Tally:
    name: str
    path: Path
    summary: str
    query: str
    scope: str  # "report", "corpus" or "mission"


@lru_cache(maxsize=4)
def tallies(folder: Path | None = None) -> tuple[Tally, ...]:
    """The tally queries of ``queries/tallies/``, each tagged ``report``, ``corpus`` or ``mission``.

    Raises:
        QueryError: a query is tagged none of these.
    """
    out = []
    for name, path, summary, text in read_folder(folder or queries_dir() / "tallies"):
        tags = set(parse_header(text, source=str(path)).get("tags") or ())
        scope = next((t for t in ("report", "corpus", "mission") if t in tags), None)
        if scope is None:
            raise QueryError(f"{path}: a tally query is tagged report, corpus or mission")
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
        corpus = corpus_tally_graph(base)
        triples += store.replace_graph_constructed(corpus, made)
        # the graph says what its tallies count, so a question finds them without reading every count
        store.load_quads(f"<{corpus}> <{DCTERMS_SUBJECT}> <{A4P}SupportEvidence> <{corpus}> .\n".encode(),
                         format="nq")
        by_operation: dict[str, list[bytes]] = {}
        for t in tallies():
            if t.scope == "mission":
                for op, nt in mission_tallies(store, t).items():
                    if op.startswith("<"):  # an operation named by an IRI (a blank node has no tallies)
                        by_operation.setdefault(op, []).append(nt)
        wanted: dict[str, bytes] = {}
        for op in sorted(by_operation):  # one graph per operation, stating which it is
            g = mission_tally_graph(base, op[1:-1], taken=wanted)
            wanted[g] = b"".join(by_operation[op]) + f"<{g}> <{DCTERMS_SUBJECT}> {op} .\n".encode()
        for g in graphs:  # operations no longer named, and the single graph of an older store
            if MISSION_TALLY_GRAPH in g and g not in wanted:
                store.remove_graph(g)
        for g, nt in wanted.items():
            store.replace_graph(g, nt)
            triples += nt.count(b"\n")
    else:
        for g in graphs:
            if TALLY_GRAPH in g:
                store.remove_graph(g)
    return {"reports": len(todo), "triples": triples, "seconds": time.perf_counter() - t0}


def mission_tallies(store: EmbeddedStore, tally: Tally) -> dict[str, bytes]:
    """Run a ``mission`` tally query over the whole store and group its rows (one per report and piece of
    evidence) into one tally per mission, aspect, item, context and relation: N-Triples for each mission
    (its IRI in N-Triples the key) of

    ``_:t a a4p:Tally ; a4p:aboutOperation ?mission ; a4p:aspect ?aspect ; a4p:item ?item ; a4p:context ?context ;
    a4p:relation ?relation ; a4p:reportCount ?reports ; a4p:evidenceCount ?evidence ; a4p:latestReport ?r ;
    a4p:latestEvidence ?e ; a4p:latestParagraph ?p ; a4p:partner ?partner``

    where the latest report is the one with the latest date (then the greatest IRI) among those saying it,
    ``latestEvidence``/``latestParagraph`` what it says there, and ``partner`` every partner over all the
    reports. The rows are streamed (at 1,000 reports there are ~750,000); only the latest report's evidence
    is kept per tally. Blank nodes are named after the query and numbered in the sorted order of the keys, so
    the output is the same every run.

    Raises:
        QueryError: the query does not parse or cannot run, or does not return the columns grouped here.
    """
    try:
        names, rows = store.select_nt(tally.query)
    except QueryError as exc:
        raise QueryError(f"{tally.path}: {exc}") from None
    idx = {v: i for i, v in enumerate(names)}
    missing = [c for c in [c for c, _ in _KEYS] + ["report", "evidence", "paragraph"] if c not in idx]
    if missing:
        raise QueryError(f"{tally.path}: a mission tally returns {', '.join(missing)}")
    key_at = [idx[c] for c, _ in _KEYS]
    r_at, d_at, e_at, p_at = idx["report"], idx.get("date"), idx["evidence"], idx["paragraph"]
    partner_at = idx.get("partner")
    # key -> [reports, evidence, partners, (date, report) of the latest, its evidence, its paragraphs]
    groups: dict[tuple, list] = {}
    for row in rows:
        report, evidence = row[r_at], row[e_at]
        key = tuple(row[i] for i in key_at)
        if key[0] is None or key[1] is None or report is None or evidence is None:
            continue
        g = groups.get(key)
        if g is None:
            g = groups[key] = [set(), set(), set(), ("", ""), set(), set()]
        g[0].add(report)
        g[1].add(evidence)
        if partner_at is not None and row[partner_at] is not None:
            g[2].add(row[partner_at])
        when = ((row[d_at] or "") if d_at is not None else "", report)
        if when > g[3]:  # a later report: what the earlier one said no longer counts as the latest
            g[3], g[4], g[5] = when, set(), set()
        if when == g[3]:
            g[4].add(evidence)
            if row[p_at] is not None:
                g[5].add(row[p_at])
    lines: dict[str, list[str]] = {}
    for n, key in enumerate(sorted(groups, key=lambda k: tuple(t or "" for t in k))):
        reports, evidence, partners, (_, latest), latest_evidence, latest_paragraphs = groups[key]
        out = [(RDF_TYPE, f"<{A4P}Tally>")]
        out += [(A4P + prop, t) for (_, prop), t in zip(_KEYS, key) if t is not None]
        out += [(A4P + "reportCount", f'"{len(reports)}"^^<{XSD_INTEGER}>'),
                (A4P + "evidenceCount", f'"{len(evidence)}"^^<{XSD_INTEGER}>'),
                (A4P + "latestReport", latest)]
        out += [(A4P + "latestEvidence", t) for t in sorted(latest_evidence)]
        out += [(A4P + "latestParagraph", t) for t in sorted(latest_paragraphs)]
        out += [(A4P + "partner", t) for t in sorted(partners)]
        label = re.sub(r"[^A-Za-z0-9]", "", tally.name) or "t"
        lines.setdefault(key[0], []).extend(f"_:{label}{n} <{p}> {o} .\n" for p, o in out)
    return {op: "".join(ls).encode() for op, ls in lines.items()}
