"""``a4p-kg build [REPORT ...] [--out DIR] [--symbol SYMBOL] [--base-iri IRI]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..namespaces import DEFAULT_BASE
from ..paths import graph_dir


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("reports", nargs="*", type=Path, metavar="REPORT",
                   help="report text files (default: every report in seeds/)")
    p.add_argument("--out", type=Path, default=None, help="output folder (default: graph/)")
    p.add_argument("--symbol", help="document symbol of a report given outside seeds/ (e.g. A/75/563)")
    p.add_argument("--base-iri", default=DEFAULT_BASE, help=f"base of the data IRIs (default {DEFAULT_BASE})")
    p.add_argument("--quiet", action="store_true", help="print nothing but errors")


def run(args: argparse.Namespace) -> int:
    from ..build import build

    base = args.base_iri if args.base_iri.endswith(("/", "#")) else args.base_iri + "/"
    result = build(args.reports or None, out=args.out or graph_dir(), symbol=args.symbol, base=base)
    if not args.quiet:
        print_summary(result)
    return 0


def print_summary(result, file=sys.stdout) -> None:
    c = result.counts
    print(f"built {result.out}: {c['reports']} report(s), {result.triples} triples", file=file)
    for b in result.reports:
        r = b.report
        print(f"  {b.seed.symbol} ({b.path.name}): {len(r.sections)} sections, {len(r.paragraphs)} paragraphs, "
              f"{len(r.figures)} figures, {len(r.footnotes)} footnotes", file=file)
    extracted = ["mentions", "weaker references", "citations", "support links", "observations", "SDG links",
                 "recommendations", "policy events"]
    print("  extracted: " + ", ".join(f"{c[k]} {k}" for k in extracted), file=file)
    discovered = [d for b in result.reports for d in b.extraction.discovered]
    if discovered:
        print(f"  discovered (not in the reference data; a curator may promote them): {len(discovered)}", file=file)
        for d in sorted(discovered, key=lambda d: (d.entity.kind, d.label)):
            acr = f" ({d.acronym})" if d.acronym else ""
            print(f"    {d.entity.kind}: {d.label}{acr}  [para {d.paragraph}]", file=file)
