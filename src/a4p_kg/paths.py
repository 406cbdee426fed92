"""Where the project's folders are: the checkout (editable install) or ``$A4P_HOME``."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["project_root", "ontology_dir", "reference_dir", "queries_dir", "seeds_dir", "graph_dir",
           "store_dir"]


def project_root() -> Path:
    """``$A4P_HOME`` if set, else the checkout this package runs from, else the current folder."""
    if env := os.environ.get("A4P_HOME"):
        return Path(env)
    here = Path(__file__).resolve().parents[2]
    return here if (here / "ontology").is_dir() else Path.cwd()


def ontology_dir() -> Path:
    return project_root() / "ontology"


def reference_dir() -> Path:
    return ontology_dir() / "reference"


def queries_dir() -> Path:
    return project_root() / "queries"


def seeds_dir() -> Path:
    return project_root() / "seeds"


def graph_dir() -> Path:
    return project_root() / "graph"


def store_dir() -> Path:
    """The embedded store: a local data folder kept out of version control."""
    return Path(os.environ.get("A4P_STORE", project_root() / ".store"))
