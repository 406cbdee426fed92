"""``a4p-kg serve [--host 127.0.0.1] [--port 8000] [--store DIR] [--base-iri IRI] ...``: publish the graph as linked
data with a SPARQL endpoint (uvicorn). Binds to the loopback interface unless told otherwise.

Behind a proxy, keep ``--base-iri`` the public base the graph was built with (``https://w3id.org/a4p/id/``) and
let the proxy forward ``/id/...``, ``/ontology``, ``/sparql`` ... to this server (``--root-path`` if it mounts
the server under a prefix; ``--forwarded-allow-ips`` for the proxy's address).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from ..namespaces import DEFAULT_BASE

_ENV = "A4P_SERVE_CONFIG"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", default="127.0.0.1",
                   help="interface to bind (default 127.0.0.1; 0.0.0.0 exposes the server to the network)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--store", type=Path, default=None, help="embedded store folder (default: the project's .store, "
                                                            "filled from graph/ when missing)")
    p.add_argument("--base-iri", default=DEFAULT_BASE, help=f"base of the data IRIs (default {DEFAULT_BASE}); "
                                                            "its resources answer at /id/...")
    p.add_argument("--dumps", type=Path, default=None, help="folder served at /dumps/ (default graph/)")
    p.add_argument("--root-path", default="", help="prefix a proxy mounts the server under (e.g. /a4p)")
    p.add_argument("--workers", type=int, default=2, help="server processes (default 2, one per core)")
    p.add_argument("--query-workers", type=int, default=1,
                   help="SPARQL query processes per server process (default 1)")
    p.add_argument("--query-timeout", type=float, default=10.0, help="seconds a SPARQL query may run (default 10)")
    p.add_argument("--max-results", type=int, default=10_000,
                   help="rows or triples a SPARQL query may return (default 10000)")
    p.add_argument("--max-body", type=int, default=64 * 1024, help="largest request body in bytes (default 65536)")
    p.add_argument("--cache-size", type=int, default=4096, help="responses cached per process (default 4096)")
    p.add_argument("--forwarded-allow-ips", default=None,
                   help="proxy addresses trusted for X-Forwarded-* headers (default: none but 127.0.0.1)")
    p.add_argument("--log-level", default="warning", help="uvicorn log level (default warning)")


def _config(args: argparse.Namespace) -> dict:
    base = args.base_iri if args.base_iri.endswith(("/", "#")) else args.base_iri + "/"
    return {"store": str(args.store) if args.store else None, "base_iri": base,
            "dumps": str(args.dumps) if args.dumps else None, "root_path": args.root_path,
            "query_workers": args.query_workers, "query_timeout": args.query_timeout,
            "max_results": args.max_results, "max_body": args.max_body, "cache_size": args.cache_size}


def app_from_config(cfg: dict):
    """Build the application from a serve configuration (what each uvicorn worker process calls)."""
    from ..server import Limits, create_app
    from ..store import open_store

    store = open_store(store=cfg.get("store"))
    limits = Limits(query_timeout=cfg["query_timeout"], max_results=cfg["max_results"], max_body=cfg["max_body"],
                    query_workers=cfg["query_workers"])
    return create_app(store, base_iri=cfg["base_iri"], dumps_dir=Path(cfg["dumps"]) if cfg.get("dumps") else None,
                      root_path=cfg.get("root_path") or "", limits=limits, cache_size=cfg["cache_size"],
                      cache_dir=Path(cfg["cache_dir"]) if cfg.get("cache_dir") else None)


def factory():
    """uvicorn ``--factory`` entry point: the configuration travels in an environment variable."""
    import gc

    app = app_from_config(json.loads(os.environ[_ENV]))
    # what start-up allocated (ontology, labels, templates) lives as long as the process: keep it out of
    # the garbage collector's way, so collections under load stay short
    gc.collect()
    gc.freeze()
    return app


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from ..store import open_store

    cfg = _config(args)
    # open once here: a missing store fails with one clear line before any worker starts (and is filled from
    # graph/ when that is how the project is set up)
    from ..paths import queries_dir

    probe = open_store(store=cfg["store"])
    reports = probe.select((queries_dir() / "pages" / "reports.rq").read_text(encoding="utf-8")).column("report")
    probe.close()
    if reports and not any(r.value.startswith(cfg["base_iri"]) for r in reports):
        print(f"a4p-kg serve: warning: no report IRI of the store starts with {cfg['base_iri']}; "
              f"pass the --base-iri the graph was built with", file=sys.stderr)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"a4p-kg serve: listening on {args.host}: reachable from the network", file=sys.stderr)
    # the server processes share the responses they compute, for this run only (the data cannot change
    # while the server runs; a rebuild needs a restart, which starts from an empty cache)
    cache_dir = tempfile.mkdtemp(prefix="a4p-kg-serve-cache-")
    cfg["cache_dir"] = cache_dir
    os.environ[_ENV] = json.dumps(cfg)
    print(f"a4p-kg serve: http://{'[' + args.host + ']' if ':' in args.host else args.host}:{args.port}/ "
          f"({args.workers} worker{'s' if args.workers != 1 else ''}; data IRIs {cfg['base_iri']} at /id/)",
          file=sys.stderr)
    kwargs = {}
    if args.forwarded_allow_ips:
        kwargs["forwarded_allow_ips"] = args.forwarded_allow_ips
    try:
        uvicorn.run("a4p_kg.commands.serve:factory", factory=True, host=args.host, port=args.port,
                    workers=max(1, args.workers), log_level=args.log_level, server_header=False,
                    root_path=args.root_path or "", **kwargs)
    finally:
        shutil.rmtree(cache_dir, ignore_errors=True)
    return 0
