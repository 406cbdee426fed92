"""``a4p-kg sparql FILE|- [--format table|csv|tsv|json] [--store DIR | --endpoint URL]``: an ad-hoc query.

SELECT answers are formatted like canned queries; ASK prints true or false (json: SPARQL results JSON);
CONSTRUCT and DESCRIBE print N-Triples. Exit codes: 0 answered; 2 unreadable file, query that does not parse,
no store; 3 endpoint unreachable or answering an error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .query import FORMATS, add_store_arguments


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="a file holding one SPARQL query, or - for standard input")
    p.add_argument("-f", "--format", choices=FORMATS, default="table",
                   help="for SELECT: table (default), csv, tsv or json (SPARQL 1.1 results formats)")
    add_store_arguments(p)


def read_query(name: str) -> str:
    from ..errors import BadInput

    if name == "-":
        text = sys.stdin.read()
        source = "standard input"
    else:
        try:
            text = Path(name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise BadInput(name, f"cannot be read: {exc.strerror if isinstance(exc, OSError) else exc}") from None
        source = name
    if not text.strip():
        raise BadInput(source, "holds no query")
    return text


def run(args: argparse.Namespace) -> int:
    from ..queries import format_results
    from ..store import Results, open_store, query_form

    text = read_query(args.file)
    query_form(text)  # no query form: fail before opening a store
    with open_store(store=args.store, endpoint=args.endpoint, timeout=args.timeout) as store:
        answer = store.run(text)
    if isinstance(answer, Results):
        out = format_results(answer, args.format)
    elif isinstance(answer, bool):
        out = json.dumps({"head": {}, "boolean": answer}) if args.format == "json" else str(answer).lower()
    else:
        out = answer
    sys.stdout.write(out if out.endswith("\n") or not out else out + "\n")
    return 0
