"""The example graphs of the shapes and checks: ``valid/*`` conform, ``invalid/<Rule>__<case>.ru`` break one rule.

- ``valid/report.ttl`` is a small report graph with its own tiny reference data that satisfies every shape and
  every check; ``valid/*.ru`` are further valid graphs made from it.
- ``invalid/<Rule>__<case>.ru`` is a SPARQL Update applied to ``valid/report.ttl``; ``<Rule>`` names the one
  rule the result must fail: a shape of ``ontology/shapes.ttl`` (``Paragraph-number``, ``ThemeShape``) or,
  with the prefix ``check.``, a check of ``queries/checks/`` (``check.paragraph_numbers_unique``).

A patch rather than a whole graph per case keeps each case to the few triples it changes, and every case
follows the base when the model changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Graph

HERE = Path(__file__).resolve().parent
BASE = HERE / "valid" / "report.ttl"


@dataclass(frozen=True)
class Example:
    path: Path

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def rule(self) -> str | None:
        """The rule an invalid example must fail, as the validator names it (``shape:X`` or ``check:y``)."""
        if self.path.parent.name != "invalid":
            return None
        rule = self.path.stem.split("__", 1)[0]
        return "check:" + rule[len("check."):] if rule.startswith("check.") else "shape:" + rule

    def graph(self) -> Graph:
        """A fresh graph (callers may change it)."""
        g = Graph()
        g += _base() if self.path.suffix == ".ru" else Graph().parse(self.path, format="turtle")
        if self.path.suffix == ".ru":
            g.update(self.path.read_text(encoding="utf-8"))
        return g


@lru_cache(maxsize=1)
def _base() -> Graph:
    return Graph().parse(BASE, format="turtle")


def base() -> Example:
    """The base valid example, ``valid/report.ttl``."""
    return Example(BASE)


def examples(kind: str) -> list[Example]:
    """The ``valid`` or ``invalid`` examples, in name order."""
    folder = HERE / kind
    return [Example(p) for p in sorted(folder.iterdir()) if p.suffix in (".ttl", ".ru")]
