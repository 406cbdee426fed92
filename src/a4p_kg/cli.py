"""``a4p-kg``: thin subcommands over the library. Each lives in ``a4p_kg.commands.<name>`` with
``add_arguments(parser)`` and ``run(args) -> int`` and is imported only when used.

Exit codes: 0 success; 1 the graph has SHACL violations (or is inconsistent); 2 bad input (a file, a
parameter, a query); 3 a SPARQL endpoint that cannot be reached or answers an error; 130 interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from .errors import EXIT_INTERRUPTED, A4PError

__all__ = ["main", "COMMANDS"]

COMMANDS = {
    "build": "build the graph from report texts (default: seeds/) into graph/, validate it, fill the store",
    "evaluate": "score extraction against the hand-checked annotations (precision, recall, F1)",
    "validate": "validate graphs against the SHACL shapes and cross-node checks",
    "reason": "run OWL reasoning (HermiT) over ontology, reference data and optionally the graph",
    "query": "run a canned SPARQL question (queries/*.rq) by name",
    "sparql": "run an ad-hoc SPARQL query from a file or standard input",
    "publish": "load the graph into a SPARQL 1.1 endpoint (Graph Store HTTP Protocol)",
    "serve": "publish the graph as linked data with a SPARQL endpoint",
}


def _parser(only: str | None = None) -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(prog="a4p-kg", description=__doc__.split("\n\n")[0],
                                     epilog=__doc__.split("\n\n")[1],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"a4p-kg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, help_text in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        if only is None or only == name:
            try:
                module = importlib.import_module(f"a4p_kg.commands.{name}")
            except ModuleNotFoundError:
                continue
            module.add_arguments(p)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit code (see the module docstring)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    name = next((a for a in argv if not a.startswith("-")), None)
    parser = _parser(only=name if name in COMMANDS else None)
    args = parser.parse_args(argv)
    try:
        module = importlib.import_module(f"a4p_kg.commands.{args.command}")
    except ModuleNotFoundError:
        print(f"a4p-kg: '{args.command}' is not available in this version", file=sys.stderr)
        return 2
    try:
        return int(module.run(args) or 0)
    except A4PError as exc:
        print(f"a4p-kg {args.command}: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("a4p-kg: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
