"""Load test of ``a4p-kg serve``: requests per second, p50/p99 latency and errors for a resource page, a canned
query and a SPARQL query, at 50 concurrent clients. Bounded: a fixed number of requests per scenario and a time
cap; loopback only (it refuses any other host).

    python bench/load_server.py                       # starts `a4p-kg serve` on a free port, then stops it
    python bench/load_server.py --store .store --workers 2 --requests 4000 --concurrency 50
    python bench/load_server.py --url http://127.0.0.1:8000   # a server you started yourself

The client is a small asyncio HTTP/1.1 client with one keep-alive connection per simulated user, so that the
load generator itself (on the same machine) costs little CPU. Each scenario first requests every one of its
URLs once (the "cold" line: each page is computed once, then cached for every server process of the run), then
runs the timed pass (cache hits: the data cannot change while the server runs). The last scenario sends a
different SPARQL query every time, so each one is parsed and run in a query worker process.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
SPARQL = ("PREFIX a4p: <https://w3id.org/a4p/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#> "
          "SELECT ?op (COUNT(DISTINCT ?p) AS ?n) WHERE { ?e a a4p:SupportEvidence ; a4p:operation ?op ; "
          "prov:wasDerivedFrom ?p } GROUP BY ?op ORDER BY DESC(?n)")


@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    elapsed: float = 0.0

    def line(self, name: str, concurrency: int) -> str:
        n = len(self.latencies)
        if not n:
            return f"{name:<28} {0:>7} {concurrency:>4} {'-':>9} {'-':>8} {'-':>8} {self.errors:>7}"
        lat = sorted(self.latencies)
        p50 = statistics.median(lat) * 1000
        p99 = lat[min(n - 1, int(round(0.99 * (n - 1))))] * 1000
        rps = n / self.elapsed if self.elapsed else 0.0
        return f"{name:<28} {n:>7} {concurrency:>4} {rps:>9.0f} {p50:>8.1f} {p99:>8.1f} {self.errors:>7}"


class Connection:
    """One keep-alive HTTP/1.1 connection."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader = self.writer = None

    async def open(self) -> None:
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)

    async def get(self, target: str, accept: str) -> int:
        if self.writer is None:
            await self.open()
        self.writer.write(f"GET {target} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nAccept: {accept}\r\n"
                          f"User-Agent: a4p-kg-load\r\n\r\n".encode("latin-1"))
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        length, chunked, close = None, False, False
        for h in lines[1:]:
            k, _, v = h.partition(":")
            k = k.strip().lower()
            if k == "content-length":
                length = int(v)
            elif k == "transfer-encoding" and "chunked" in v.lower():
                chunked = True
            elif k == "connection" and "close" in v.lower():
                close = True
        if chunked:
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        elif length:
            await self.reader.readexactly(length)
        if close:
            await self.close()
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            try:
                await self.writer.wait_closed()
            except OSError:
                pass
        self.reader = self.writer = None


async def run_pass(host: str, port: int, targets: list[str], accept: str, *, total: int, concurrency: int,
                   time_cap: float) -> Stats:
    stats = Stats()
    counter = iter(range(total))
    deadline = time.monotonic() + time_cap

    async def user() -> None:
        conn = Connection(host, port)
        try:
            for i in counter:
                if time.monotonic() > deadline:
                    break
                target = targets[i % len(targets)]
                t0 = time.perf_counter()
                try:
                    status = await conn.get(target, accept)
                except (OSError, asyncio.IncompleteReadError, ValueError):
                    stats.errors += 1
                    await conn.close()
                    continue
                stats.latencies.append(time.perf_counter() - t0)
                stats.statuses[status] = stats.statuses.get(status, 0) + 1
                if status != 200:
                    stats.errors += 1
        finally:
            await conn.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(user() for _ in range(concurrency)))
    stats.elapsed = time.perf_counter() - t0
    return stats


def scenarios(host: str, port: int) -> list[tuple[str, list[str], str]]:
    """(name, request targets, Accept) per scenario; the resource pages are the report's paragraphs and
    missions, so the pass mixes many pages rather than one."""
    import json
    import urllib.request

    def fetch(path: str, accept: str) -> bytes:
        req = urllib.request.Request(f"http://{host}:{port}{path}", headers={"Accept": accept})
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.read()

    q = quote("PREFIX a4p: <https://w3id.org/a4p/ontology#> SELECT ?x WHERE { { ?x a a4p:Paragraph } UNION "
              "{ ?x a a4p:PeacekeepingMission } } ORDER BY ?x", safe="")
    data = json.loads(fetch(f"/sparql?query={q}", "application/sparql-results+json"))
    base = "https://w3id.org/a4p/id/"
    pages = ["/id/" + b["x"]["value"][len(base):] for b in data["results"]["bindings"]
             if b["x"]["value"].startswith(base)]
    canned = ["/queries/missions_by_theme?format=json", "/queries/partners_of_mission?mission=MINUSCA&format=json",
              "/queries/theme_overview?format=json", "/queries/mission_profile?mission=MINUSMA&format=json"]
    sparql = [f"/sparql?query={quote(SPARQL, safe='')}"]
    # every request a different query text (LIMIT n): no response cache, each one runs in a query worker
    distinct = [f"/sparql?query={quote(SPARQL + f' LIMIT {n}', safe='')}" for n in range(1, 20_001)]
    return [("resource page (HTML)", pages, "text/html"),
            ("canned query (JSON)", canned, "application/sparql-results+json"),
            ("SPARQL query (JSON)", sparql, "application/sparql-results+json"),
            ("SPARQL query, uncached", distinct, "application/sparql-results+json")]


def wait_up(host: str, port: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((host, port), timeout=1) as s:
                s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                if s.recv(64).startswith(b"HTTP/1.1 200"):
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not start")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--url", help="a running server on 127.0.0.1 (default: start one)")
    p.add_argument("--store", help="store folder for the server this script starts")
    p.add_argument("--workers", type=int, default=2, help="server processes of the server it starts (default 2)")
    p.add_argument("--requests", type=int, default=4000, help="requests per timed scenario (at most 20000)")
    p.add_argument("--concurrency", type=int, default=50, help="concurrent clients (at most 200)")
    p.add_argument("--time-cap", type=float, default=60.0, help="seconds per scenario at most (default 60)")
    args = p.parse_args(argv)
    total = min(args.requests, 20_000)
    concurrency = max(1, min(args.concurrency, 200))
    server = None
    if args.url:
        u = urlsplit(args.url)
        if u.hostname not in ("127.0.0.1", "localhost", "::1"):
            raise SystemExit("load_server.py: only a server on the loopback interface (127.0.0.1) may be loaded")
        host, port = "127.0.0.1" if u.hostname == "localhost" else u.hostname, u.port or 80
    else:
        host, port = "127.0.0.1", free_port()
        cmd = [sys.executable, "-m", "a4p_kg", "serve", "--host", host, "--port", str(port),
               "--workers", str(args.workers)]
        if args.store:
            cmd += ["--store", args.store]
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
        server = subprocess.Popen(cmd, env=env, start_new_session=True)
    try:
        wait_up(host, port)
        print(f"server http://{host}:{port}/  ({args.workers if server else '?'} worker process(es)); "
              f"{concurrency} concurrent clients; {total} requests per scenario (cap {args.time_cap:g} s); "
              f"{os.cpu_count()} CPU(s)")
        header = f"{'scenario':<28} {'requests':>7} {'conc':>4} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}"
        print(header)
        print("-" * len(header))
        for name, targets, accept in scenarios(host, port):
            cold = None
            if "uncached" not in name:
                cold = asyncio.run(run_pass(host, port, targets, accept, total=len(targets), concurrency=concurrency,
                                            time_cap=args.time_cap))
                print(cold.line(f"{name}, cold", concurrency))
            warm = asyncio.run(run_pass(host, port, targets, accept, total=total, concurrency=concurrency,
                                        time_cap=args.time_cap))
            print(warm.line(name, concurrency))
            if warm.errors or (cold and cold.errors):
                print(f"  statuses: {dict(sorted({**(cold.statuses if cold else {}), **warm.statuses}.items()))}")
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)  # the process group this script started, and only it
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
    return 0


if __name__ == "__main__":
    sys.exit(main())
