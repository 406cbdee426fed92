"""``a4p-kg publish --endpoint URL [--store DIR | --from FILE]``: load the graph into a SPARQL 1.1 store
through the Graph Store HTTP Protocol, one named graph per report (plus reference data and provenance), each
replacing its namesake there.

URL is the store's Graph Store endpoint, e.g. Virtuoso ``http://host:8890/sparql-graph-crud-auth``, Fuseki
``http://host:3030/DATASET/data``, GraphDB ``http://host:7200/repositories/REPO/rdf-graphs/service``,
Oxigraph server ``http://host:7878/store``. Credentials come from the environment (A4P_ENDPOINT_USER,
A4P_ENDPOINT_PASSWORD; HTTP basic or digest, as the server asks) and are never printed.

Exit codes: 0 published; 2 nothing to publish (no store, unreadable file); 3 endpoint unreachable, refusing
the credentials or a graph.
"""

from __future__ import annotations

import argparse
from pathlib import Path

_FORMATS = {".trig": "trig", ".nq": "nq"}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--endpoint", required=True, metavar="URL", help="the SPARQL 1.1 Graph Store endpoint")
    src = p.add_mutually_exclusive_group()
    src.add_argument("--store", metavar="DIR", help="publish this embedded store (default: .store/, filled by build)")
    src.add_argument("--from", dest="source", type=Path, metavar="FILE",
                     help="publish the named graphs of a TriG or N-Quads file instead (e.g. graph/a4p.trig)")
    p.add_argument("--graph-param", default="graph", choices=("graph", "graph-uri"),
                   help="query parameter naming the graph (the protocol's 'graph'; old Virtuoso: 'graph-uri')")
    p.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for each graph (default 120)")
    p.add_argument("--quiet", action="store_true", help="print nothing but errors")


def run(args: argparse.Namespace) -> int:
    from ..errors import BadInput
    from ..store import EmbeddedStore, open_store, publish

    if args.source is not None:
        fmt = _FORMATS.get(args.source.suffix.lower())
        if fmt is None:
            raise BadInput(args.source, "is not TriG (.trig) or N-Quads (.nq): publish needs named graphs")
        if not args.source.is_file():
            raise BadInput(args.source, "does not exist")
        source = EmbeddedStore.memory()
        try:
            with open(args.source, "rb") as fh:
                source.load_quads(fh, format=fmt)
        except SyntaxError as exc:
            raise BadInput(args.source, f"does not parse: {str(exc).splitlines()[0]}") from None
        from ..tallies import refresh

        refresh(source)  # the canned queries read tallies: the endpoint gets them with the reports
    else:
        source = open_store(store=args.store)
    with source:
        stats = publish(source, args.endpoint, timeout=args.timeout, graph_param=args.graph_param)
    if not args.quiet:
        from ..store import _safe_url

        print(f"published {stats['graphs']} graphs ({stats['triples']} triples) to {_safe_url(args.endpoint)}")
    return 0
