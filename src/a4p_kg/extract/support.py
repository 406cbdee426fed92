"""Mission support for A4P themes: a mission named in a theme's section acts on (or is supported in) that
theme's commitment area; a sentence such as "On protection, UNMISS and MINUSCA highlighted ..." (A/74/533,
para 26) maps the missions it names to the theme it names.

>>> sentences("MINUSCA (see A/73/480/Add.1) acted. On protection, e.g. patrols, UNMISS helped.")
[(0, 35), (36, 79)]
"""

from __future__ import annotations

import re

from ..reference import Gazetteer
from ..report import ParsedReport
from .records import EntityRef, Mention, Support
from .sections import SectionConcepts

__all__ = ["sentences", "find_support", "theme_phrases"]

_NO_BREAK_BEFORE = re.compile(r"(?:\b(?:e\.g|i\.e|etc|No|Nos|para|paras|Add|Corr|Rev|Mr|Ms|Mrs|Dr|St|vs|cf|al)"
                              r"|\b[A-Z])\.$")
_BREAK = re.compile(r"[.!?][”\"’)]?\s+(?=[A-Z“\"(0-9])")
_LEAD = r"(?:On|Regarding|Under|Concerning|As regards|With regard to|In terms of|In the area of|As for)"


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a paragraph (start, end exclusive), not split after "e.g." or "Add."."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BREAK.finditer(text):
        end = m.start() + 1
        if text[end - 1] == "." and _NO_BREAK_BEFORE.search(text[max(start, end - 6):end]):
            continue
        stop = m.start() + len(m.group().rstrip())
        spans.append((start, stop))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text.rstrip())))
    return spans


def theme_phrases(gaz: Gazetteer) -> dict[str, str]:
    """How a sentence may name each theme, lower case, mapped to the theme's Declaration name:
    its name, its first conjunct ("performance" for Performance and accountability) and, for
    "Conduct of peacekeepers ...", the word before "of"."""
    out: dict[str, str] = {}
    for e in gaz.by_kind("theme"):
        names = [e.label, *e.alt_labels]
        for name in list(names):
            low = name.lower()
            out.setdefault(low, e.label)
            if " and " in low:
                out.setdefault(low.split(" and ", 1)[0], e.label)
            if " of " in low:
                out.setdefault(low.split(" of ", 1)[0], e.label)
    return out


def _mapping_re(phrases: dict[str, str]) -> re.Pattern | None:
    if not phrases:
        return None
    alts = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"^{_LEAD}\s+(?:the\s+)?(?P<theme>{alts})(?:\s+(?:theme|pillar|front|area))?\s*,", re.I)


#: intergovernmental organs that mandate, fund or oversee missions: named beside a mission ("advice to the
#: Security Council on the renewal of the mandate of MINUSCA"), they are not its partners
MANDATING_ORGANS = frozenset({"Security Council", "General Assembly", "Special Committee on Peacekeeping Operations"})


def find_support(report: ParsedReport, concepts: dict[tuple[str, ...], SectionConcepts], gaz: Gazetteer,
                 mentions: list[Mention]) -> list[Support]:
    """One Support per (operation, theme, paragraph): from the theme's section (basis "section") or from a
    sentence that names a theme and missions together (basis "mapping"). Only explicit mentions count; the
    partners are the organizations named in the same sentences."""
    phrases = theme_phrases(gaz)
    mapping = _mapping_re(phrases)
    by_para: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.explicit:
            by_para.setdefault(m.paragraph, []).append(m)
    out: dict[tuple[str, str, int], Support] = {}
    partners: dict[tuple[str, str, int], list[EntityRef]] = {}
    for para in report.paragraphs:
        found = sorted(by_para.get(para.number, []))
        ops = [m for m in found if m.entity.kind == "operation"]
        if not ops:
            continue
        concept = concepts.get(para.section)
        for s, e in sentences(para.text):
            in_sentence = [m for m in found if s <= m.start < e]
            sent_ops = [m for m in in_sentence if m.entity.kind == "operation"]
            if not sent_ops:
                continue
            orgs = [m.entity for m in in_sentence
                    if m.entity.kind == "organization" and m.entity.key not in MANDATING_ORGANS]
            quote = para.text[s:e]
            targets: list[tuple[str, str | None, str]] = []
            if mapping and (hit := mapping.match(quote)):
                targets.append((phrases[hit.group("theme").lower()], None, "mapping"))
            if concept and concept.theme:
                targets.append((concept.theme, concept.commitment, "section"))
            for theme, commitment, basis in targets:
                if basis == "mapping" and concept and concept.theme == theme:
                    commitment = concept.commitment
                for m in sent_ops:
                    key = (m.entity.key, theme, para.number)
                    if key not in out:
                        out[key] = Support(operation=m.entity.key, theme=theme, commitment=commitment,
                                           paragraph=para.number, quote=quote, basis=basis)
                    for o in orgs:
                        if o not in partners.setdefault(key, []):
                            partners[key].append(o)
    result = []
    for key, sup in out.items():
        result.append(Support(operation=sup.operation, theme=sup.theme, commitment=sup.commitment,
                              paragraph=sup.paragraph, quote=sup.quote, partners=tuple(partners.get(key, ())),
                              basis=sup.basis))
    return sorted(result, key=lambda s: (s.paragraph, s.operation, s.theme))
