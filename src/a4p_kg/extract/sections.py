"""Which A4P theme and commitment area each section of a report stands for.

A top-level section whose title is a theme's Declaration name holds that theme; its lettered and numbered
sub-sections are the theme's commitment areas, matched to the curated ones by title. "Overview" and
"Overall assessment ..." sub-sections belong to the theme but are no commitment area. A commitment-area
heading the reference data lacks is returned as discovered (the caller flags it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..reference import Gazetteer
from ..report import ParsedReport

__all__ = ["SectionConcepts", "section_concepts", "normalise_title"]

NOT_COMMITMENT = re.compile(r"^(overview|overall assessment\b)", re.I)


def normalise_title(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", title.lower()).strip()


@dataclass(frozen=True)
class SectionConcepts:
    theme: str | None  # Declaration name of the theme
    commitment: str | None  # label of the innermost commitment area
    parent_commitment: str | None  # the commitment area it is narrower than, if any
    discovered: bool = False


def section_concepts(report: ParsedReport, gaz: Gazetteer) -> dict[tuple[str, ...], SectionConcepts]:
    """Map each section path to its theme and commitment area.

    >>> from a4p_kg.report import parse_text
    >>> from a4p_kg.reference import gazetteer
    >>> r = parse_text("Summary\\n\\nS.\\n\\nV. Women and peace and security\\n\\nC. Gender parity\\n\\n1. Women.\\n")
    >>> section_concepts(r, gazetteer())[("V", "C")].commitment
    'Gender parity'
    """
    themes = {normalise_title(e.label): e.label for e in gaz.by_kind("theme")}
    commitments = {normalise_title(e.label): e.label for e in gaz.by_kind("commitment")}
    for e in gaz.by_kind("commitment"):
        for alt in e.alt_labels:
            commitments.setdefault(normalise_title(alt), e.label)
    out: dict[tuple[str, ...], SectionConcepts] = {}
    for sec in report.sections:
        top = report.section(sec.path[:1])
        theme = themes.get(normalise_title(top.title))
        if theme is None or sec.level == 1:
            out[sec.path] = SectionConcepts(theme=theme, commitment=None, parent_commitment=None)
            continue
        chain = [report.section(sec.path[:k]) for k in range(2, sec.level + 1)]
        labels: list[str | None] = []
        discovered = False
        for s in chain:
            if NOT_COMMITMENT.match(s.title):
                labels.append(None)
                continue
            known = commitments.get(normalise_title(s.title))
            if known is None:
                discovered = True
            labels.append(known or s.title)
        innermost = labels[-1]
        parent = next((lab for lab in reversed(labels[:-1]) if lab), None) if innermost else None
        out[sec.path] = SectionConcepts(theme=theme, commitment=innermost or parent,
                                        parent_commitment=parent if innermost else None,
                                        discovered=discovered and innermost is not None and
                                        normalise_title(innermost) not in commitments)
    return out
