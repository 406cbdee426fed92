"""Start and stop a private Virtuoso (Debian ``virtuoso-opensource``) on 127.0.0.1 for tests and benchmarks.

The instance has its own database folder and free ports, writes nothing outside its folder and is stopped
by SIGTERM to the one process it started. Its SPARQL endpoint is ``sparql_url``; its SPARQL 1.1 Graph Store
endpoint (HTTP digest authentication, user ``dba``) is ``graph_store_url``.

>>> unavailable_reason() is None or "virtuoso" in unavailable_reason()
True
"""

from __future__ import annotations

import configparser
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Virtuoso", "start", "unavailable_reason", "DEFAULT_INI"]

DEFAULT_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
SERVER = "virtuoso-t"
ISQL = "isql-vt"
USER = "dba"
PASSWORD = "dba"  # the package's default for a fresh database; the instance listens on loopback only


def unavailable_reason() -> str | None:
    """None when a private Virtuoso can be started here, else why not (for a pytest skip)."""
    if shutil.which(SERVER) is None:
        return (f"virtuoso not installed: no {SERVER} on PATH (Debian package virtuoso-opensource; "
                "tests/setup.sh installs it)")
    if not DEFAULT_INI.exists():
        return f"virtuoso incomplete: no {DEFAULT_INI} (Debian package virtuoso-opensource)"
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Virtuoso:
    """A running private instance (see :func:`start`)."""

    folder: Path
    http_port: int
    isql_port: int
    process: subprocess.Popen | None = None
    owns_folder: bool = False
    log: Path = field(init=False)

    def __post_init__(self) -> None:
        self.log = self.folder / "virtuoso.log"

    @property
    def sparql_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    @property
    def graph_store_url(self) -> str:
        """SPARQL 1.1 Graph Store HTTP Protocol endpoint (writes need digest authentication as ``dba``)."""
        return f"http://127.0.0.1:{self.http_port}/sparql-graph-crud-auth"

    @property
    def credentials(self) -> dict[str, str]:
        """Environment variables that give ``a4p-kg publish`` the instance's credentials."""
        return {"A4P_ENDPOINT_USER": USER, "A4P_ENDPOINT_PASSWORD": PASSWORD}

    def isql(self, sql: str, *, timeout: float = 120) -> str:
        """Run SQL through isql-vt (e.g. ``checkpoint;``); raise RuntimeError on failure (or without isql-vt)."""
        if shutil.which(ISQL) is None:
            raise RuntimeError(f"no {ISQL} on PATH")
        proc = subprocess.run([ISQL, f"127.0.0.1:{self.isql_port}", USER, PASSWORD, f"exec={sql}"],
                              capture_output=True, text=True, timeout=timeout)
        if proc.returncode != 0 or "*** Error" in proc.stdout + proc.stderr:
            raise RuntimeError(f"isql failed: {(proc.stdout + proc.stderr).strip()[-500:]}")
        return proc.stdout

    def _write_ini(self, buffers: int) -> Path:
        cfg = configparser.RawConfigParser(strict=False, inline_comment_prefixes=(";",))
        cfg.optionxform = str  # keep the keys' case
        cfg.read(DEFAULT_INI)
        db = self.folder
        cfg["Database"].update({
            "DatabaseFile": str(db / "virtuoso.db"), "ErrorLogFile": str(self.log),
            "LockFile": str(db / "virtuoso.lck"), "TransactionFile": str(db / "virtuoso.trx"),
            "xa_persistent_file": str(db / "virtuoso.pxa"),
        })
        cfg["TempDatabase"].update({
            "DatabaseFile": str(db / "virtuoso-temp.db"), "TransactionFile": str(db / "virtuoso-temp.trx"),
        })
        cfg["Parameters"].update({
            "ServerPort": f"127.0.0.1:{self.isql_port}",
            "DirsAllowed": f"., {db}, /usr/share/virtuoso-opensource-7/vad",
            "NumberOfBuffers": str(buffers), "MaxDirtyBuffers": str(buffers * 3 // 4),
            "CheckpointInterval": "0",
        })
        cfg["HTTPServer"].update({"ServerPort": f"127.0.0.1:{self.http_port}",
                                  "ServerRoot": "/var/lib/virtuoso-opensource-7/vsp"})
        cfg["SPARQL"].update({"ResultSetMaxRows": "1000000", "MaxQueryExecutionTime": "300",
                              "MaxQueryCostEstimationTime": "0"})
        # the striping and replication sections point at files of the system instance
        for section in ("Striping", "Replication"):
            if cfg.has_section(section):
                cfg.remove_section(section)
        ini = db / "virtuoso.ini"
        with open(ini, "w", encoding="utf-8") as fh:
            cfg.write(fh)
        return ini

    def ready(self) -> bool:
        try:
            with urllib.request.urlopen(self.sparql_url + "?query=ASK%7B%7D", timeout=2) as resp:
                return resp.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def stop(self, *, timeout: float = 60) -> None:
        """SIGTERM the process this object started (Virtuoso checkpoints and exits), then tidy up."""
        proc, self.process = self.process, None
        if proc is not None and proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
        if self.owns_folder:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Virtuoso:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def start(folder: str | os.PathLike | None = None, *, timeout: float = 90, buffers: int = 170000) -> Virtuoso:
    """Start a private Virtuoso in ``folder`` (default: a new temporary folder, removed on stop).

    ``buffers`` (8 KB pages): 170000 is Virtuoso's own preset for about 2 GB of memory.

    Raises:
        RuntimeError: Virtuoso is missing (see :func:`unavailable_reason`) or does not become ready.
    """
    if reason := unavailable_reason():
        raise RuntimeError(reason)
    owns = folder is None
    path = Path(tempfile.mkdtemp(prefix="a4p-virtuoso-")) if owns else Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    v = Virtuoso(folder=path, http_port=_free_port(), isql_port=_free_port(), owns_folder=owns)
    ini = v._write_ini(buffers)
    with open(path / "stdout.log", "wb") as out:
        v.process = subprocess.Popen([SERVER, "+configfile", str(ini), "+foreground"], cwd=path,
                                     stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if v.process.poll() is not None:
            tail = v.log.read_text(errors="replace")[-800:] if v.log.exists() else ""
            v.stop()
            raise RuntimeError(f"virtuoso exited with code {v.process and v.process.returncode}: {tail}")
        if v.ready():
            return v
        time.sleep(0.3)
    v.stop()
    raise RuntimeError(f"virtuoso did not answer on {v.sparql_url} within {timeout:.0f} s")
