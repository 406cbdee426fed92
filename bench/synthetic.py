"""Synthetic reports for benchmarks: copies of a real report's graph under new symbols and IRIs.

Copy ``k`` of A/74/533 is A/74/10001+k: every IRI and literal that names the report (``report/A-74-533``,
``"A/74/533 para. 5"``) and its source's SHA-256 are rewritten, so the copies are distinct reports that
share the curated reference data. Copies are made one at a time (:func:`copies` is a generator), so a
benchmark over a hundred of them holds one in memory at a time.

    PYTHONPATH=src python bench/synthetic.py 3      # prints the triple count of three copies
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "A-74-533.txt"


@dataclass
class Original:
    """What is copied: one report's graph and its provenance, and what names them."""

    symbol: str
    sha256: str
    report: Graph  # the report's named graph
    provenance: Graph  # the provenance statements about it
    reference: Graph  # shared by every copy, never rewritten


def original(seed: Path = SEED) -> Original:
    """Build the seed report as `a4p-kg build` does and split its dataset."""
    from a4p_kg.build import build_dataset
    from a4p_kg.iris import Minter

    result = build_dataset([seed])
    (built,) = result.reports
    minter = Minter(result.base)
    return Original(symbol=built.seed.symbol, sha256=built.seed.sha256 or "",
                    report=_copy(result.dataset.graph(minter.graph("report", built.seed.symbol))),
                    provenance=_copy(result.dataset.graph(minter.graph("provenance"))),
                    reference=_copy(result.dataset.graph(minter.graph("reference"))))


def _copy(graph: Graph) -> Graph:
    out = Graph()
    out.addN((s, p, o, out) for s, p, o in graph)
    return out


def _rewriter(pairs: list[tuple[str, str]]):
    def text(value: str) -> str:
        for old, new in pairs:
            value = value.replace(old, new)
        return value

    cache: dict = {}

    def term(t):
        if t in cache:
            return cache[t]
        if isinstance(t, URIRef):
            out = URIRef(text(str(t)))
        elif isinstance(t, Literal) and t.datatype is None or isinstance(t, Literal) and t.datatype.endswith("#string"):
            out = Literal(text(str(t)), lang=t.language, datatype=t.datatype)
        else:
            out = t
        cache[t] = out
        return out

    return term


def copy_of(orig: Original, k: int) -> tuple[str, Graph]:
    """Copy ``k``: (its symbol, its report graph plus its provenance)."""
    session, number = orig.symbol.rsplit("/", 2)[1:]
    symbol = f"A/{session}/{10001 + k}"
    sha = hashlib.sha256(f"{orig.sha256}:{k}".encode()).hexdigest()
    slug_old, slug_new = orig.symbol.replace("/", "-"), symbol.replace("/", "-")
    term = _rewriter([(orig.sha256, sha), (orig.sha256[:16], sha[:16]), (slug_old, slug_new),
                      (orig.symbol, symbol)])
    g = Graph()
    g.addN((term(s), term(p), term(o), g) for s, p, o in orig.report)
    g.addN((term(s), term(p), term(o), g) for s, p, o in orig.provenance)
    return symbol, g


def copies(orig: Original, n: int) -> Iterator[tuple[str, Graph]]:
    """``n`` synthetic reports, made one at a time."""
    for k in range(n):
        yield copy_of(orig, k)


if __name__ == "__main__":  # pragma: no cover
    orig = original()
    for sym, graph in copies(orig, int(sys.argv[1]) if len(sys.argv) > 1 else 3):
        print(sym, len(graph), "triples (+", len(orig.reference), "of reference data)")
