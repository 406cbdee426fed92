"""Fixtures of the server tests: the seed report as built plus the fixture report A/00/000 in an on-disk store,
the exports as the dumps folder, the application (in-process and as a real uvicorn server on a free loopback
port). Everything is built once per session and never mutated.
"""

from __future__ import annotations

import socket
import sys
import threading
import time
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # sample_extraction, beside this file

#: limits small enough to test, large enough for every page and canned query
TEST_LIMITS = dict(query_timeout=3.0, max_results=2000, max_body=16 * 1024, max_url=8 * 1024, query_workers=1)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def built():
    """The seed report built in memory, with the fixture report added as its own named graph."""
    from a4p_kg.build import build_dataset, seed_reports
    from sample_extraction import add_fixture_report

    result = build_dataset(seed_reports())
    add_fixture_report(result.dataset)
    return result


@pytest.fixture(scope="session")
def store_path(built, tmp_path_factory) -> Path:
    from a4p_kg.store import load_dataset

    path = tmp_path_factory.mktemp("store") / "store"
    load_dataset(built.dataset, path)
    return path


@pytest.fixture(scope="session")
def store(store_path):
    from a4p_kg.store import EmbeddedStore

    return EmbeddedStore.open(store_path, read_only=True)


@pytest.fixture(scope="session")
def dumps_dir(built, tmp_path_factory) -> Path:
    """graph/ as the build writes it, beside a file that must never be served."""
    from a4p_kg.export import write_exports

    root = tmp_path_factory.mktemp("site")
    folder = root / "graph"
    folder.mkdir()
    write_exports(built.dataset, folder)
    (root / "secret.txt").write_text("not for the public\n")
    (folder / ".hidden").write_text("hidden\n")
    (folder / "escape.ttl").symlink_to(root / "secret.txt")
    return folder


def make_app(store, dumps_dir, **limits):
    from a4p_kg.server import Limits, create_app

    return create_app(store, dumps_dir=dumps_dir, limits=Limits(**{**TEST_LIMITS, **limits}))


@pytest.fixture(scope="session")
def app(store, dumps_dir):
    return make_app(store, dumps_dir)


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


class LiveServer:
    """uvicorn serving an app on a free loopback port, in a thread."""

    def __init__(self, app) -> None:
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(store, dumps_dir):
    """A real HTTP server (its own app instance) on 127.0.0.1: for SPARQLWrapper and the browser."""
    app = make_app(store, dumps_dir)
    with LiveServer(app) as server:
        yield server
    app.state.pool.close()
