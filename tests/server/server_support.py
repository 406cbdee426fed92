"""Helpers the server tests share (fixtures stay in conftest.py): limits, the app factory, a live server."""

from __future__ import annotations

import socket
import threading
import time

#: limits small enough to test, large enough for every page and canned query
TEST_LIMITS = dict(query_timeout=3.0, max_results=2000, max_body=16 * 1024, max_url=8 * 1024, query_workers=1)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_app(store, dumps_dir, **limits):
    from a4p_kg.server import Limits, create_app

    return create_app(store, dumps_dir=dumps_dir, limits=Limits(**{**TEST_LIMITS, **limits}))


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
