"""Fixtures of the server tests: the seed report as built plus the fixture report A/00/000 in an on-disk store,
the exports as the dumps folder, the application (in-process and as a real uvicorn server on a free loopback
port). Everything is built once per session and never mutated.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # sample_extraction and server_support, beside this file

from server_support import LiveServer, make_app  # noqa: E402

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


@pytest.fixture(scope="session")
def app(store, dumps_dir):
    return make_app(store, dumps_dir)


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="session")
def live_server(store, dumps_dir):
    """A real HTTP server (its own app instance) on 127.0.0.1: for SPARQLWrapper and the browser."""
    app = make_app(store, dumps_dir)
    with LiveServer(app) as server:
        yield server
    app.state.pool.close()
