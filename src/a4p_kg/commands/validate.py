"""``a4p-kg validate [GRAPH ...] [--format text|turtle|json]``: SHACL shapes and cross-node checks.

Exit codes: 0 the graph conforms; 1 it has violations; 2 a file is missing or does not parse.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import EXIT_OK, EXIT_VIOLATIONS
from ..namespaces import DEFAULT_BASE


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("graphs", nargs="*", type=Path, metavar="GRAPH",
                   help="graph files validated together: TriG, Turtle, N-Triples, N-Quads, JSON-LD "
                        "(default: graph/a4p.trig)")
    p.add_argument("--format", choices=("text", "turtle", "json"), default="text",
                   help="report format (default: text, grouped by shape)")
    p.add_argument("--base-iri", default=DEFAULT_BASE, help=f"data base IRI, for short names (default {DEFAULT_BASE})")
    p.epilog = "exit 0: conforms; 1: violations; 2: a file is missing or does not parse"


def run(args: argparse.Namespace) -> int:
    from ..errors import BadInput
    from ..paths import graph_dir
    from ..validate import validate_files

    paths = args.graphs
    if not paths:
        paths = [graph_dir() / "a4p.trig"]
        if not paths[0].is_file():
            raise BadInput(paths[0], "no such file (run `a4p-kg build` first, or name the graph files)")
    report = validate_files(paths, base=args.base_iri)
    if args.format == "json":
        sys.stdout.write(report.to_json())
    elif args.format == "turtle":
        sys.stdout.write(report.to_turtle())
    else:
        sys.stdout.write(report.to_text())
    return EXIT_OK if report.conforms else EXIT_VIOLATIONS
