"""A synthetic corpus for benchmarks: the real report's graph rewritten per synthetic symbol.

The seed report A/74/533 is built once with the real loader (parse, extract, emit); each synthetic report is
its named graph with (1) every IRI under ``report/A-74-533`` and the symbol moved to ``report/SYN-NNNN`` /
``SYN/NNNN``, (2) the missions it names mapped, one to one, onto missions drawn from a pool (the curated
operations plus synthetic ones, ``operation/SYN-OP-NNN``, defined in their own graph with type, acronym and
label), and (3) its figures scaled by a per-report factor. So every synthetic report has the report's layout:
171 paragraphs, ~560 mentions, ~120 support links, ~180 figures, recommendations, citations, SDG links, about
10,800 triples. Report 0 is the real report unchanged (the canned queries' examples name it).

Why rewrite instead of generating texts for the loader: the loader takes 0.6-2 s per report on this machine
(parse, extract, emit, in one process), so 1,000 generated texts would spend 10-30 minutes measuring the
extractor rather than the store; the rewritten graphs have exactly the shape the loader emits. Shared entity
descriptions go to one graph, as :func:`a4p_kg.store.EmbeddedStore.load_dataset` does.

    python bench/corpus.py --reports 10 --store /tmp/corpus   # fill a store (prints time, triples)
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

BASE = "https://w3id.org/a4p/id/"
A4P = "https://w3id.org/a4p/ontology#"
SEED = ROOT / "seeds" / "A-74-533.txt"
POOL_SIZE = 100  # missions in the corpus: the ~22 curated operations and synthetic ones up to this many
XSD_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"

__all__ = ["base_report", "reference_graphs", "synthetic_reports", "fill_store", "POOL_SIZE"]


@lru_cache(maxsize=1)
def base_report() -> tuple[str, str, list[str]]:
    """(symbol, report slug, N-Triples lines) of the seed report's named graph, built by the real loader."""
    from a4p_kg.build import build_report
    from a4p_kg.iris import symbol_slug

    b = build_report(SEED)
    text = b.graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
    lines = sorted(line for line in text.splitlines() if line.strip())
    return b.seed.symbol, symbol_slug(b.seed.symbol), lines


@lru_cache(maxsize=1)
def _curated_operations() -> list[str]:
    from a4p_kg.reference import gazetteer

    return sorted(e.key for e in gazetteer().by_kind("operation"))


def mission_pool(size: int = POOL_SIZE) -> list[str]:
    """Acronyms of the corpus's missions: the curated ones, then SYN-OP-001, ..."""
    curated = _curated_operations()
    return curated + [f"SYN-OP-{k:03d}" for k in range(1, max(0, size - len(curated)) + 1)]


def reference_graphs(pool_size: int = POOL_SIZE) -> list[tuple[str, bytes]]:
    """(graph IRI, N-Triples) of the curated reference data and of the synthetic missions."""
    from a4p_kg.reference import load_reference

    ref = load_reference().serialize(format="nt", encoding="utf-8")
    lines = []
    for acr in mission_pool(pool_size):
        if not acr.startswith("SYN-OP-"):
            continue
        iri = f"<{BASE}operation/{acr}>"
        lines.append(f"{iri} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{A4P}PeacekeepingMission> .")
        lines.append(f'{iri} <{A4P}acronym> "{acr}" .')
        lines.append(f'{iri} <http://www.w3.org/2004/02/skos/core#prefLabel> "Synthetic mission {acr}"@en .')
    return [(BASE + "graph/reference", ref), (BASE + "graph/synthetic-reference", ("\n".join(lines) + "\n").encode())]


_OPERATION = re.compile(re.escape(f"<{BASE}operation/") + r"([^>/]+)>")
_VALUE = re.compile(r'^(<[^>]+> <' + re.escape(A4P) + r'value> ")([^"]+)("\^\^<' + re.escape(XSD_DECIMAL) + r'>)')


def synthetic_report(i: int, *, pool_size: int = POOL_SIZE) -> tuple[str, bytes]:
    """(graph IRI, N-Triples) of synthetic report ``i`` (0 is the seed report itself)."""
    symbol, slug, lines = base_report()
    if i == 0:
        return f"{BASE}graph/report/{slug}", ("\n".join(lines) + "\n").encode()
    new_slug = f"SYN-{i:04d}"
    new_symbol = f"SYN/{i:04d}"
    named = sorted({m.group(1) for line in lines for m in _OPERATION.finditer(line)})
    rng = random.Random(i)
    targets = rng.sample(mission_pool(pool_size), len(named))
    mapping = dict(zip(named, targets))
    factor = Decimal(100 + rng.randrange(-30, 31)) / 100
    old_iri = f"{BASE}report/{slug}"
    new_iri = f"{BASE}report/{new_slug}"
    out = []
    for line in lines:
        line = line.replace(old_iri, new_iri)
        if symbol in line:
            line = line.replace(f'"{symbol}"', f'"{new_symbol}"').replace(f'"{symbol}: ', f'"{new_symbol}: ')
        if "/operation/" in line:
            line = _OPERATION.sub(lambda m: f"<{BASE}operation/{mapping.get(m.group(1), m.group(1))}>", line)
        if "#value>" in line and (m := _VALUE.match(line)):
            try:
                scaled = (Decimal(m.group(2)) * factor).quantize(Decimal("1.00")).normalize()
                line = f"{m.group(1)}{format(scaled, 'f')}{m.group(3)}{line[m.end():]}"
            except InvalidOperation:
                pass
        out.append(line)
    return f"{BASE}graph/report/{new_slug}", ("\n".join(out) + "\n").encode()


def synthetic_reports(n: int, *, pool_size: int = POOL_SIZE) -> Iterator[tuple[str, bytes]]:
    """The first ``n`` synthetic reports, one at a time (the corpus is never held whole)."""
    for i in range(n):
        yield synthetic_report(i, pool_size=pool_size)


def fill_store(store, n: int, *, pool_size: int = POOL_SIZE, batch: int = 25) -> int:
    """Stream ``n`` synthetic reports and the reference graphs into an EmbeddedStore with the bulk loader,
    ``batch`` reports per call (as N-Quads). Returns the number of quads loaded."""
    from a4p_kg.store import entities_graph, split_entities

    quads = 0
    for graph, data in reference_graphs(pool_size):
        store.replace_graph(graph, data, bulk=True)
        quads += data.count(b"\n")
    chunk: list[bytes] = []

    def flush() -> None:
        if chunk:
            store.load_quads(b"".join(chunk), format="nq")
            chunk.clear()

    for k, (graph, data) in enumerate(synthetic_reports(n, pool_size=pool_size), 1):
        # as EmbeddedStore.load_dataset does: shared entity descriptions go to one graph, once
        own, shared = split_entities(data, graph)
        chunk.append(own.replace(b" .\n", f" <{graph}> .\n".encode()))
        chunk.append(shared.replace(b" .\n", f" <{entities_graph(graph)}> .\n".encode()))
        quads += data.count(b"\n")
        if k % batch == 0:
            flush()
    flush()
    # as EmbeddedStore.load_dataset does: count the tallies the canned queries read (per report, then corpus)
    from a4p_kg.tallies import refresh

    refresh(store)
    return quads


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--reports", type=int, default=10)
    p.add_argument("--store", type=Path, required=True, help="folder of the embedded store to fill (new)")
    args = p.parse_args(argv)
    from a4p_kg.store import EmbeddedStore

    base_report()
    t = time.perf_counter()
    with EmbeddedStore.open(args.store) as s:
        n = fill_store(s, args.reports)
        s.flush()
        s.compact()
    dt = time.perf_counter() - t
    print(f"{args.reports} reports, {n} quads in {dt:.1f} s ({n / dt:,.0f} quads/s) into {args.store}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
