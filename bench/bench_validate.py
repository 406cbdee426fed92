"""Benchmark of `a4p-kg validate`: how long validating a report's graph takes (all SHACL shapes and all
cross-node checks), and whether validating reports one by one keeps memory flat and time linear.

    PYTHONPATH=src python bench/bench_validate.py [--runs 7] [--reports 100]

Prints figures only (no pass/fail); times are medians of several runs, after one warm-up run (imports,
parsing the shapes and the ontology happen once per process and are not validation work).
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import statistics
import sys
import time
from pathlib import Path

from rdflib import Graph

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import copies, original  # noqa: E402

from a4p_kg.validate import validate_dataset  # noqa: E402


def rss_mb() -> float:
    """Resident memory now, in MB (Linux /proc)."""
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6  # KiB on Linux


def one_report(orig) -> Graph:
    g = Graph()
    for part in (orig.report, orig.provenance, orig.reference):
        g.addN((s, p, o, g) for s, p, o in part)
    return g


def bench_real(orig, runs: int) -> None:
    data = one_report(orig)
    validate_dataset(data)  # warm-up
    reports = [validate_dataset(data) for _ in range(runs)]
    med = {k: statistics.median(r.timings[k] for r in reports) for k in reports[0].timings}
    low = min(r.timings["total"] for r in reports)
    r = reports[0]
    print(f"validation of {orig.symbol} with reference data and provenance: {r.triples:,} triples, "
          f"{r.shapes} shapes, {r.checks} checks; {len(r.results)} violation(s)")
    print(f"  median of {runs} runs: total {med['total']:.3f} s = prepare {med['prepare']:.3f} s "
          f"+ shapes (pySHACL) {med['shapes']:.3f} s + checks (Oxigraph) {med['checks']:.3f} s; "
          f"fastest {low:.3f} s")


def bench_corpus(orig, n: int) -> None:
    times, rss = [], []
    gc.collect()
    base_rss = rss_mb()
    for symbol, graph in copies(orig, n):
        data = graph
        data.addN((s, p, o, data) for s, p, o in orig.reference)
        report = validate_dataset(data)
        times.append(report.timings["total"])
        del data, graph, report
        rss.append(rss_mb())
    tenth = max(1, n // 10)
    first, last = statistics.median(times[:tenth]), statistics.median(times[-tenth:])
    half = n // 2
    print(f"{n} synthetic reports validated one by one (each with the reference data and its provenance):")
    print(f"  time per report: median {statistics.median(times):.3f} s; first {tenth} {first:.3f} s, "
          f"last {tenth} {last:.3f} s: growth ratio {last / first:.2f}")
    print(f"  total {sum(times):.1f} s; reports {half + 1}-{n} took {sum(times[half:]) / sum(times[:half]):.2f}x "
          f"the time of reports 1-{half} (linear: 1.00)")
    after_first = rss[tenth - 1]
    print(f"  memory (RSS): {base_rss:.0f} MB before, {after_first:.0f} MB after {tenth} reports, "
          f"{rss[-1]:.0f} MB after {n}: growth ratio {rss[-1] / after_first:.2f}; peak RSS {peak_rss_mb():.0f} MB")
    marks = sorted({tenth - 1, n // 4 - 1, n // 2 - 1, 3 * n // 4 - 1, n - 1} - {-1})
    print("  RSS after report " + ", ".join(f"{i + 1}: {rss[i]:.0f} MB" for i in marks))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=7, help="runs of the real report (median)")
    ap.add_argument("--reports", type=int, default=100, help="synthetic reports validated one by one")
    args = ap.parse_args(argv)
    t = time.perf_counter()
    orig = original()
    print(f"built {orig.symbol} in {time.perf_counter() - t:.1f} s: {len(orig.report):,} triples in its graph, "
          f"{len(orig.reference):,} of reference data")
    bench_real(orig, args.runs)
    if args.reports:
        bench_corpus(orig, args.reports)
    return 0


if __name__ == "__main__":
    sys.exit(main())
