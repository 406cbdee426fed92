"""Paths and readers shared by the tests (fixtures live in conftest.py)."""

from __future__ import annotations

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
EVAL = DATA / "eval"
SEED = ROOT / "seeds" / "A-74-533.txt"
SMALL = DATA / "small_report.txt"


def read_csv(name: str) -> list[dict[str, str]]:
    with open(EVAL / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))
