"""Seed reports and their metadata sidecars (``<name>.json`` beside ``<name>.txt``).

A sidecar records what the text does not print (the symbol) and pins the text by its sha256: a seed whose
text no longer matches is refused.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from .errors import BadInput

__all__ = ["SeedMeta", "read_sidecar", "sidecar_path", "sha256_of"]


@dataclass(frozen=True)
class SeedMeta:
    symbol: str
    sha256: str | None = None
    date: str | None = None
    body: str | None = None
    session: int | None = None
    agenda_item: str | None = None
    title: str | None = None
    language: str | None = None
    source: str | None = None


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sidecar_path(report: Path) -> Path:
    return report.with_suffix(".json")


def read_sidecar(report: Path) -> SeedMeta | None:
    """The sidecar of a report file, or None when there is none.

    Raises:
        BadInput: the sidecar is not valid JSON, lacks a symbol, or its sha256 does not match the text.
    """
    path = sidecar_path(report)
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadInput(path, f"is not a readable JSON sidecar ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("symbol"), str) or not data["symbol"].strip():
        raise BadInput(path, "sidecar has no 'symbol'")
    fields = {k: data.get(k) for k in SeedMeta.__dataclass_fields__}
    meta = SeedMeta(**fields)
    if meta.sha256 and report.exists():
        actual = sha256_of(report.read_bytes())
        if actual != meta.sha256:
            raise BadInput(report, f"text does not match the sha256 in {path.name} "
                                   f"(expected {meta.sha256[:12]}…, found {actual[:12]}…); "
                                   "restore the seed or update its sidecar on purpose")
    return meta
