"""``a4p-kg reason [--graph FILE ...] [--format text|json]``: OWL reasoning with HermiT.

Loads the ontology and the reference data (and the graph files given), runs HermiT and reports either the
inferred types or, when there is no model, which individuals contradict which axioms.

Exit codes: 0 consistent; 1 inconsistent; 2 no Java, or a file that is missing or does not parse.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import EXIT_OK, EXIT_VIOLATIONS
from ..namespaces import DEFAULT_BASE


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--graph", type=Path, action="append", default=[], metavar="FILE",
                   help="a built graph to reason over too (e.g. graph/a4p.trig); repeat for several")
    p.add_argument("--format", choices=("text", "json"), default="text", help="report format (default: text)")
    p.add_argument("--base-iri", default=DEFAULT_BASE, help=f"data base IRI (default {DEFAULT_BASE})")
    p.epilog = "exit 0: consistent; 1: inconsistent; 2: no Java, or a file is missing or does not parse"


def run(args: argparse.Namespace) -> int:
    from ..reason import java_command, reason
    from ..validate import load_files

    java_command()  # say at once when there is no Java, before reading anything
    graph = load_files(args.graph) if args.graph else None
    report = reason(graph, base=args.base_iri, inputs=[str(p) for p in args.graph])
    sys.stdout.write(report.to_json() if args.format == "json" else report.to_text())
    return EXIT_OK if report.consistent else EXIT_VIOLATIONS
