"""``a4p-kg build [REPORT ...] [--out DIR] [--symbol SYMBOL] [--base-iri IRI] [--no-validate] [--store DIR]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import InvalidGraph
from ..namespaces import DEFAULT_BASE
from ..paths import graph_dir, store_dir


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("reports", nargs="*", type=Path, metavar="REPORT",
                   help="report text files (default: every report in seeds/)")
    p.add_argument("--out", type=Path, default=None, help="output folder (default: graph/)")
    p.add_argument("--symbol", help="document symbol of a report given outside seeds/ (e.g. A/75/563)")
    p.add_argument("--base-iri", default=DEFAULT_BASE, help=f"base of the data IRIs (default {DEFAULT_BASE})")
    p.add_argument("--no-validate", action="store_true",
                   help="skip SHACL validation (the output is then not known to conform)")
    p.add_argument("--store", type=Path, default=None,
                   help="embedded store to fill (default: .store/ for graph/; none for another --out)")
    p.add_argument("--no-store", action="store_true", help="do not fill the embedded store")
    p.add_argument("--quiet", action="store_true", help="print nothing but errors")


def run(args: argparse.Namespace) -> int:
    from ..build import build

    base = args.base_iri if args.base_iri.endswith(("/", "#")) else args.base_iri + "/"
    out = args.out or graph_dir()
    if args.no_validate:
        print("a4p-kg build: WARNING: --no-validate: the graph is written WITHOUT validation and may not "
              "conform to the shapes", file=sys.stderr)
    try:
        result = build(args.reports or None, out=out, symbol=args.symbol, base=base,
                       validate=not args.no_validate)
    except InvalidGraph as exc:
        if exc.report is not None:
            print(exc.report.to_text(), file=sys.stderr)
        raise
    store = args.store or (store_dir() if args.out is None else None)
    table = None
    if store is not None and not args.no_store:
        from ..queries import headline_table
        from ..store import load_dataset, open_store

        load_dataset(result.dataset, store)
        with open_store(store=store) as s:
            table = headline_table(s)
    if not args.quiet:
        print_summary(result, store=store if not args.no_store else None)
        if table:
            print()
            print(table)
    return 0


def print_summary(result, *, store=None, file=sys.stdout) -> None:
    c = result.counts
    print(f"built {result.out}: {c['reports']} report(s), {result.triples} triples", file=file)
    for b in result.reports:
        r = b.report
        print(f"  {b.seed.symbol} ({b.path.name}): {len(r.sections)} sections, {len(r.paragraphs)} paragraphs, "
              f"{len(r.figures)} figures, {len(r.footnotes)} footnotes", file=file)
    extracted = ["mentions", "weaker references", "citations", "support links", "observations", "SDG links",
                 "recommendations", "policy events"]
    print("  extracted: " + ", ".join(f"{c[k]} {k}" for k in extracted), file=file)
    v = result.validation
    if v is not None:
        print(f"  validated: conforms ({v.shapes} shapes, {v.checks} cross-node checks, "
              f"{v.timings.get('total', 0):.2f} s)", file=file)
    if store is not None:
        print(f"  embedded store: {store}", file=file)
    discovered = [d for b in result.reports for d in b.extraction.discovered]
    if discovered:
        print(f"  discovered (not in the reference data; a curator may promote them): {len(discovered)}", file=file)
        for d in sorted(discovered, key=lambda d: (d.entity.kind, d.label)):
            acr = f" ({d.acronym})" if d.acronym else ""
            print(f"    {d.entity.kind}: {d.label}{acr}  [para {d.paragraph}]", file=file)
