"""Benchmark: ingest and canned-query latency of the embedded store (pyoxigraph, on disk) beside rdflib's
in-memory SPARQL engine on the same data in the same run, for 1, 10, 100 and 1,000 reports.

    python bench/bench_queries.py                      # all sizes; rdflib up to 100 reports
    python bench/bench_queries.py --sizes 1,10 --runs 5

Each size runs in a child process (so peak RSS is that size's): the synthetic corpus of bench/corpus.py is
streamed into a new on-disk store (batches of 25 reports through the bulk loader, never one rdflib graph),
then every canned query runs with the header's example values: ``required`` (only the required parameters:
corpus-wide unless the query needs a mission, a measure, ...) and ``scoped`` (every example parameter, so
also report A/74/533). Latency is the median over ``--runs`` runs (fewer for slow queries) of running the
query and reading every row, in process; rdflib runs the identical query text (parameters as VALUES) on an
rdflib Dataset of the same quads. rdflib is skipped above ``--rdflib-max`` reports (1,000 reports would hold
~11 M triples in rdflib's memory and take hours). Also measured: ``a4p-kg query NAME`` as a whole process.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _Timeout(Exception):
    pass


def _alarm(_signum, _frame):
    raise _Timeout


def _time(fn, runs: int, budget: float) -> tuple[float, int]:
    """Median seconds of ``fn()`` over up to ``runs`` runs (fewer once ``budget`` seconds are spent)."""
    times = []
    start = time.perf_counter()
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
        if time.perf_counter() - start > budget and len(times) >= 1:
            break
    return statistics.median(times), len(times)


def child(n: int, runs: int, rdflib_max: int, rdflib_timeout: int) -> dict:
    from corpus import base_report, fill_store

    from a4p_kg import queries
    from a4p_kg.store import EmbeddedStore, RdflibStore, inject_values

    out: dict = {"reports": n}
    t = time.perf_counter()
    base_report()
    out["loader_seconds"] = time.perf_counter() - t  # the real loader on the seed report (once)
    folder = Path(tempfile.mkdtemp(prefix=f"a4p-bench-{n}-"))
    try:
        t = time.perf_counter()
        with EmbeddedStore.open(folder / "store") as s:
            quads = fill_store(s, n)  # streams the reports, then counts the tallies
            s.flush()
            s.compact()  # as the build does after filling a store
        out["ingest_seconds"] = time.perf_counter() - t
        out["quads"] = quads
        out["peak_rss_mb"] = _rss_mb()
        out["store_mb"] = sum(f.stat().st_size for f in (folder / "store").iterdir()) / 2**20
        store = EmbeddedStore.open(folder / "store", read_only=True)
        cases = []
        for q in queries.list_queries():
            for variant, allp in (("required", False), ("scoped", True)):
                params = q.example_params(all_params=allp)
                if variant == "scoped" and params == q.example_params():
                    continue
                b = queries.bind(q, params, store)
                cases.append((q, variant, b, inject_values(q.text, b) if b else q.text))
        results = []
        for q, variant, b, text in cases:
            rows = len(queries.run(q, store, bindings=b))
            med, k = _time(lambda: queries.run(q, store, bindings=b), runs, budget=20.0)
            results.append({"query": q.name, "variant": variant, "scope": _scope(q, b), "rows": rows,
                            "oxigraph_ms": med * 1000, "oxigraph_runs": k})
        out["queries"] = results
        if n == 1:
            out["cli_seconds"] = _cli_times(folder / "store")
        store.close()
        if n <= rdflib_max:
            from rdflib import Dataset

            t = time.perf_counter()
            ds = Dataset(default_union=True)
            ds.parse(data=_dump_nquads(folder / "store"), format="nquads")
            out["rdflib_load_seconds"] = time.perf_counter() - t
            out["rdflib_rss_mb"] = _rss_mb()
            rstore = RdflibStore(ds)
            signal.signal(signal.SIGALRM, _alarm)
            for r, (q, variant, b, text) in zip(results, cases):
                def run_rdflib():
                    list(rstore.raw_query(text))
                try:
                    signal.alarm(rdflib_timeout)
                    med, k = _time(run_rdflib, max(1, runs // 4), budget=10.0)
                    r["rdflib_ms"] = med * 1000
                    r["rdflib_runs"] = k
                except _Timeout:
                    r["rdflib_ms"] = None
                    r["rdflib_timeout_s"] = rdflib_timeout
                finally:
                    signal.alarm(0)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return out


#: what a query run is scoped to, for the targets: one report; one mission (over every report); another
#: entity or a phrase (over every report); nothing - a corpus-wide aggregate (tagged corpus or counts: a row
#: per item or per report, not per piece of evidence) or a corpus-wide listing (a row per report and item)
SCOPES = {"report": "scoped to one report", "mission": "scoped to one mission, over every report",
          "entity": "scoped to a partner, measure, entity, name or phrase, over every report",
          "aggregate": "corpus-wide aggregates", "listing": "corpus-wide listings (a row per report and item)"}


def _scope(q, bindings) -> str:
    if "report" in bindings and bindings["report"].value:  # not the default "" (all the reports)
        return "report"
    if "mission" in bindings:
        return "mission"
    if bindings:
        return "entity"
    return "aggregate" if {"corpus", "counts"} & set(q.tags) else "listing"


def _dump_nquads(folder: Path) -> bytes:
    import pyoxigraph as ox

    return ox.Store.read_only(str(folder)).dump(format=ox.RdfFormat.N_QUADS)


def _cli_times(store: Path, n: int = 5) -> dict:
    """Wall time of ``a4p-kg query NAME`` as a whole process (what a user waits for), median of ``n``."""
    out = {}
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    for name, params in (("missions_by_commitment", []), ("commitments_by_mission", ["-p", "mission=MINUSCA"]),
                         ("search", ["-p", "phrase=casualty evacuation"])):
        times = []
        for _ in range(n):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "a4p_kg", "query", name, *params, "--store", str(store)],
                           check=True, capture_output=True, env=env)
            times.append(time.perf_counter() - t)
        out[name] = statistics.median(times)
    return out


# ------------------------------------------------------------------------------------------- report


def _fmt_ms(v) -> str:
    if v is None:
        return "-"
    return f"{v:,.1f}" if v < 100 else f"{v:,.0f}"


def print_report(results: list[dict], rdflib_max: int, file=sys.stdout) -> None:
    p = lambda *a: print(*a, file=file)  # noqa: E731
    p("## Ingest (synthetic corpus streamed into the on-disk store)\n")
    p("| reports | quads | ingest (s) | quads/s | peak RSS (MB) | store on disk (MB) |")
    p("|---:|---:|---:|---:|---:|---:|")
    for r in results:
        p(f"| {r['reports']:,} | {r['quads']:,} | {r['ingest_seconds']:.1f} | {r['quads'] / r['ingest_seconds']:,.0f} "
          f"| {r['peak_rss_mb']:,.0f} | {r['store_mb']:,.0f} |")
    if results:
        p(f"\n(The real loader builds the seed report in {results[0]['loader_seconds']:.1f} s; the corpus rewrites "
          "its graph per synthetic report, see bench/corpus.py.)")
    for r in results:
        rl = r["reports"] <= rdflib_max and "rdflib_load_seconds" in r
        p(f"\n## {r['reports']:,} report(s): median latency per canned query (ms)\n")
        if rl:
            p(f"rdflib: Dataset of the same {r['quads']:,} quads loaded in {r['rdflib_load_seconds']:.0f} s "
              f"(process RSS then {r['rdflib_rss_mb']:,.0f} MB).\n")
        else:
            p("rdflib: skipped at this size (too slow and too large in memory to be useful).\n")
        p("| query | parameters | rows | embedded (ms) |" + (" rdflib (ms) | ratio |" if rl else ""))
        p("|---|---|---:|---:|" + ("---:|---:|" if rl else ""))
        ratios = []
        for q in r["queries"]:
            line = f"| {q['query']} | {q['variant']} | {q['rows']:,} | {_fmt_ms(q['oxigraph_ms'])} |"
            if rl:
                if q.get("rdflib_ms") is None:
                    limit = q.get("rdflib_timeout_s", 0) * 1000
                    line += f" >{limit:,} | >{limit / q['oxigraph_ms']:,.0f}x |"
                    ratios.append(limit / q["oxigraph_ms"])
                else:
                    ratio = q["rdflib_ms"] / q["oxigraph_ms"]
                    ratios.append(ratio)
                    line += f" {_fmt_ms(q['rdflib_ms'])} | {ratio:,.0f}x |"
            p(line)
        if ratios:
            geo = math.exp(sum(math.log(x) for x in ratios) / len(ratios))
            p(f"\nembedded vs rdflib: min {min(ratios):,.1f}x, geometric mean {geo:,.1f}x over {len(ratios)} runs")
        p("")
        for scope, title in SCOPES.items():
            runs = [q for q in r["queries"] if q.get("scope") == scope]
            if runs:
                worst = max(runs, key=lambda q: q["oxigraph_ms"])
                p(f"- {title}: slowest {_fmt_ms(worst['oxigraph_ms'])} ms ({worst['query']}, {worst['rows']:,} rows), "
                  f"median {_fmt_ms(statistics.median(q['oxigraph_ms'] for q in runs))} ms over {len(runs)} runs")
        p(f"- every run: slowest {_fmt_ms(max(q['oxigraph_ms'] for q in r['queries']))} ms")
        if "cli_seconds" in r:
            p("\n`a4p-kg query NAME` as a whole process (median of 5): "
              + ", ".join(f"{k} {v:.2f} s" for k, v in r["cli_seconds"].items()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1,10,100,1000", help="numbers of reports (default 1,10,100,1000)")
    ap.add_argument("--runs", type=int, default=11, help="runs per query (median; default 11)")
    ap.add_argument("--rdflib-max", type=int, default=100, help="largest corpus rdflib runs on (default 100)")
    ap.add_argument("--rdflib-timeout", type=int, default=300, help="seconds before an rdflib query is given up")
    ap.add_argument("--json", type=Path, help="also write the raw figures here (e.g. bench/out/results.json)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one is not None:
        print(json.dumps(child(args.one, args.runs, args.rdflib_max, args.rdflib_timeout)))
        return 0
    results = []
    for n in (int(x) for x in args.sizes.split(",")):
        print(f"... {n} report(s)", file=sys.stderr, flush=True)
        proc = subprocess.run([sys.executable, __file__, "--one", str(n), "--runs", str(args.runs),
                               "--rdflib-max", str(args.rdflib_max), "--rdflib-timeout", str(args.rdflib_timeout)],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            return proc.returncode
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(f"# a4p-kg query benchmark ({os.cpu_count()} CPUs, pyoxigraph on disk vs rdflib in memory)\n")
    print_report(results, args.rdflib_max)
    return 0


if __name__ == "__main__":
    sys.exit(main())
