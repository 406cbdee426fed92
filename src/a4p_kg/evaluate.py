"""Score what the loader extracts from the seed report against the hand-checked annotations (tests/data/eval).

Each kind is compared as a set of keys, restricted to the paragraphs the annotations cover (0-85):

| kind | key | from |
|---|---|---|
| missions | (paragraph, acronym) | explicit mentions of operations |
| organizations | (paragraph, canonical name) | explicit mentions of organizations |
| policies | (paragraph, canonical name) | mentions of policies, short titles ("the Declaration") included |
| documents | (paragraph, symbol) | citations; "73/293" is A/RES/73/293, "1325 (2000)" S/RES/1325 (2000) |
| observations | (paragraph, value) | observations (a multiset: a value may occur twice) |
| mission-theme | (mission, theme, paragraph) | support records |

Canonical names are matched through the annotations' aliases and the reference data's names, so
"INTERPOL" and "International Criminal Police Organization" are one organization.

>>> Score(tp=9, fp=1, fn=0).f1
0.947...
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from .extract.records import EntityRef, Extraction
from .paths import project_root, seeds_dir
from .reference import Gazetteer

__all__ = ["Score", "KINDS", "TARGETS", "score", "evaluate", "default_eval_dir", "format_table", "to_json",
           "COVERED"]

#: the paragraphs the public annotations cover (Summary and 1-85)
COVERED = range(0, 86)
KINDS = ("missions", "organizations", "policies", "documents", "observations", "mission-theme", "sdg-links")
#: the F1 each kind should reach; observations: precision and recall each at least this
TARGETS = {"missions": 0.99, "organizations": 0.97, "policies": 0.90, "documents": 0.97, "observations": 0.95,
           "mission-theme": 0.97, "sdg-links": 1.0}


def met(kind: str, s: "Score") -> bool | None:
    """Whether a kind's score meets its target (None where it has none)."""
    target = TARGETS.get(kind)
    if target is None:
        return None
    if kind == "observations":
        return s.precision >= target and s.recall >= target
    return s.f1 >= target


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_positives: list = field(default_factory=list)
    false_negatives: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @classmethod
    def compare(cls, gold: Counter, pred: Counter) -> "Score":
        tp = sum((gold & pred).values())
        return cls(tp=tp, fp=sum(pred.values()) - tp, fn=sum(gold.values()) - tp,
                   false_positives=sorted((pred - gold).elements(), key=str),
                   false_negatives=sorted((gold - pred).elements(), key=str))


def default_eval_dir() -> Path:
    return project_root() / "tests" / "data" / "eval"


def _rows(folder: Path, name: str) -> list[dict[str, str]]:
    path = folder / name
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _norm(name: str) -> str:
    name = name.replace("’", "'").replace("–", "-").replace("—", "-").replace("“", '"').replace("”", '"')
    name = re.sub(r"\s*\([^()]*\)\s*$", "", name.strip())
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    return re.sub(r"\s+", " ", name).lower()


def _canonical_table(rows: list[dict[str, str]]) -> dict[str, str]:
    """Normalised name or alias -> the annotations' canonical name."""
    table: dict[str, str] = {}
    for row in rows:
        canonical = row["canonical"]
        table[_norm(canonical)] = canonical
        for alias in (row.get("aliases") or "").split("|"):
            if alias.strip():
                table.setdefault(_norm(alias), canonical)
    return table


def _names(ref: EntityRef, gaz: Gazetteer | None, extraction: Extraction) -> list[str]:
    names = [ref.key]
    entity = gaz.get(ref.kind, ref.key) if gaz else None
    if entity is not None:
        names += [entity.label, *entity.alt_labels] + ([entity.acronym] if entity.acronym else [])
    for d in extraction.discovered:
        if d.entity == ref:
            names += [d.label] + ([d.acronym] if d.acronym else [])
    return names


def _canonical(ref: EntityRef, table: dict[str, str], gaz: Gazetteer | None, extraction: Extraction) -> str:
    names = _names(ref, gaz, extraction)
    for n in names:  # the preferred label first
        if _norm(n) in table:
            return table[_norm(n)]
    return ref.key


def _symbol(document: str, kind: str) -> str:
    """The annotations cite resolutions by number: "73/293" -> A/RES/73/293, "1325 (2000)" -> S/RES/1325 (2000)."""
    document = re.sub(r"\s+", " ", document.strip())
    if re.fullmatch(r"\d+ \(\d{4}\)", document) or kind == "security_council_resolution" and "/" not in document:
        return "S/RES/" + document
    if re.fullmatch(r"\d{1,2}/\d+(?: [A-Z])?", document):
        return "A/RES/" + document
    return document


def _decimal(value) -> str:
    try:
        d = Decimal(str(value).replace(",", "").strip())
    except (InvalidOperation, ValueError):
        return str(value).strip()
    d = d.normalize()
    return format(d, "f")


def _theme(name: str) -> str:
    return _norm(name)


def score(extraction: Extraction, *, eval_dir: Path | None = None, gaz: Gazetteer | None = None,
          covered: range | set[int] = COVERED) -> dict[str, Score]:
    """Precision, recall and F1 per kind (see the module docstring) of one extraction of the seed report.

    Args:
        extraction: what :func:`a4p_kg.extract.extract_report` returned for the report the annotations are of.
        eval_dir: the annotations folder (default tests/data/eval).
        gaz: the reference data, to match canonical names through their alternative labels.
        covered: the paragraphs to score (the annotations cover 0-85).
    """
    folder = eval_dir or default_eval_dir()
    inside = set(covered)
    out: dict[str, Score] = {}

    gold = Counter((int(r["paragraph"]), r["mission"]) for r in _rows(folder, "mission_mentions.csv"))
    pred = Counter({(m.paragraph, m.entity.key) for m in extraction.mentions
                    if m.explicit and m.entity.kind == "operation" and m.paragraph in inside})
    out["missions"] = Score.compare(gold, pred)

    for kind, stem, explicit_only in (("organizations", "org", True), ("policies", "policy", False)):
        table = _canonical_table(_rows(folder, f"{stem}_canonical.csv"))
        gold = Counter({(int(r["paragraph"]), table.get(_norm(r[stem if stem == "policy" else "organization"]),
                                                        r[stem if stem == "policy" else "organization"]))
                        for r in _rows(folder, f"{stem}_mentions.csv")})
        entity_kind = "organization" if stem == "org" else "policy"
        pred = Counter({(m.paragraph, _canonical(m.entity, table, gaz, extraction)) for m in extraction.mentions
                        if m.entity.kind == entity_kind and m.paragraph in inside
                        and (m.explicit or not explicit_only)})
        out[kind] = Score.compare(gold, pred)

    gold = Counter({(int(r["paragraph"]), _symbol(r["document"], r.get("kind", "")))
                    for r in _rows(folder, "doc_refs.csv")})
    pred = Counter({(c.paragraph, c.symbol) for c in extraction.citations if c.paragraph in inside})
    out["documents"] = Score.compare(gold, pred)

    gold = Counter((int(r["paragraph"]), _decimal(r["value"])) for r in _rows(folder, "facts.csv"))
    pred = Counter((o.paragraph, _decimal(o.value)) for o in extraction.observations if o.paragraph in inside)
    out["observations"] = Score.compare(gold, pred)

    gold = Counter({(r["mission"], _theme(r["theme"]), int(r["paragraph"]))
                    for r in _rows(folder, "mission_theme.csv")})
    pred = Counter({(s.operation, _theme(s.theme), s.paragraph) for s in extraction.supports if s.paragraph in inside})
    out["mission-theme"] = Score.compare(gold, pred)

    gold = Counter({(int(r["paragraph"]), int(r["goal"])) for r in _rows(folder, "sdg_mentions.csv")
                    if int(r["paragraph"]) in inside})
    pred = Counter({(g.paragraph, g.goal) for g in extraction.goals if g.paragraph in inside})
    out["sdg-links"] = Score.compare(gold, pred)
    return out


def evaluate(report: Path | None = None, *, eval_dir: Path | None = None,
             covered: range | set[int] = COVERED) -> dict[str, Score]:
    """Build the seed report's extraction (default seeds/A-74-533.txt) and score it on ``covered``."""
    from .build import build_report
    from .reference import gazetteer

    path = report or seeds_dir() / "A-74-533.txt"
    built = build_report(path)
    return score(built.extraction, eval_dir=eval_dir, gaz=gazetteer(), covered=covered)


def format_table(scores: dict[str, Score], *, errors: bool = False) -> str:
    """A plain-text table: one row per kind, with its target and whether it is met."""
    head = f"{'kind':<14} {'gold':>5} {'pred':>5} {'tp':>5} {'fp':>4} {'fn':>4} {'prec':>6} {'recall':>6} " \
           f"{'F1':>6} {'target':>6}"
    lines = [head, "-" * len(head)]
    for kind, s in scores.items():
        target = TARGETS.get(kind)
        ok = met(kind, s)
        mark = "" if ok is None else ("  ok" if ok else "  BELOW")
        lines.append(f"{kind:<14} {s.tp + s.fn:>5} {s.tp + s.fp:>5} {s.tp:>5} {s.fp:>4} {s.fn:>4} "
                     f"{s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} "
                     f"{'' if target is None else f'{target:.2f}':>6}{mark}")
    if errors:
        for kind, s in scores.items():
            for label, items in (("false positive", s.false_positives), ("false negative", s.false_negatives)):
                for item in items:
                    lines.append(f"  {kind}: {label}: {item}")
    return "\n".join(lines)


def to_json(scores: dict[str, Score], *, errors: bool = False) -> str:
    data = {}
    for kind, s in scores.items():
        row = {"gold": s.tp + s.fn, "predicted": s.tp + s.fp, "tp": s.tp, "fp": s.fp, "fn": s.fn,
               "precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
               "target": TARGETS.get(kind), "met": met(kind, s)}
        if errors:
            row["false_positives"] = [list(x) for x in s.false_positives]
            row["false_negatives"] = [list(x) for x in s.false_negatives]
        data[kind] = row
    return json.dumps(data, indent=2, ensure_ascii=False)
