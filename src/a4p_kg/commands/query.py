"""``a4p-kg query NAME [--param NAME=VALUE ...] [--format table|csv|tsv|json] [--store DIR | --endpoint URL]``
and ``a4p-kg query --list``.

Exit codes: 0 answered (even with no rows); 2 unknown query, missing or mistyped parameter, query that does
not parse, no store; 3 endpoint unreachable or answering an error.
"""

from __future__ import annotations

import argparse
import sys

FORMATS = ("table", "csv", "tsv", "json")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", nargs="?", metavar="NAME", help="the canned query (file stem in queries/)")
    p.add_argument("--list", action="store_true", help="list the canned queries with their parameters")
    p.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                   help="a parameter (repeatable); an iri parameter also takes a name: --param mission=MINUSCA")
    p.add_argument("-f", "--format", choices=FORMATS, default="table",
                   help="table (default, for people), csv or tsv (SPARQL 1.1 CSV/TSV), json (SPARQL 1.1 JSON)")
    add_store_arguments(p)


def add_store_arguments(p: argparse.ArgumentParser) -> None:
    """Where a query runs: ``--store DIR`` or ``--endpoint URL`` (with ``--timeout``); shared with ``sparql``."""
    where = p.add_mutually_exclusive_group()
    where.add_argument("--store", metavar="DIR", help="embedded store folder (default: .store/ of the checkout)")
    where.add_argument("--endpoint", metavar="URL", help="a SPARQL 1.1 query endpoint instead of the embedded store")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for an endpoint (default 60)")


def parse_params(pairs: list[str]) -> dict[str, str]:
    """``["a=1", "b=x=y"]`` -> ``{"a": "1", "b": "x=y"}``; a pair without ``=`` is an error."""
    from ..errors import QueryError

    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param takes NAME=VALUE, not {pair!r}")
        if name.strip() in out:
            raise QueryError(f"--param {name.strip()} is given twice")
        out[name.strip()] = value
    return out


def list_text() -> str:
    from .. import queries

    lines = []
    for q in queries.list_queries():
        lines.append(f"{q.name}")
        lines.append(f"    {q.summary}")
        if q.params:
            ps = ", ".join(f"{p.name}{'' if p.required else '?'}={p.example}" for p in q.params.values())
            lines.append(f"    params: {ps}")
    lines.append("")
    lines.append("Run one: a4p-kg query NAME [--param NAME=VALUE ...]; a '?' marks an optional parameter.")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from .. import queries
    from ..errors import QueryError
    from ..store import open_store

    if args.list:
        print(list_text())
        return 0
    if not args.name:
        raise QueryError("name a query (a4p-kg query NAME), or list them: a4p-kg query --list")
    q = queries.load(args.name)
    params = parse_params(args.param)
    queries.bind(q, params)  # a bad parameter fails here, before any store is opened
    with open_store(store=args.store, endpoint=args.endpoint, timeout=args.timeout) as store:
        res = queries.run(q, store, params)
    text = queries.format_results(res, args.format, focus=q.focus_values(params))
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0

