"""Issues for consideration (recommendations), SDG links, and the A4P theme of a paragraph or sentence.

A recommendation is a sentence, in a section that assesses progress or concludes ("Overall assessment of
progress ...", "Observations", "Next steps"), whose subject names an addressee (Member States, troop- and
police-contributing countries, host Governments, the Secretariat, the Security Council, ...) followed by a
modal: could, should, can, must, need to. Elsewhere only "Member States could/should ..." counts: the other
modals there describe rules ("troop-contributing countries must also certify") or facts ("Member States can
now access").

>>> find_addressees("The Secretariat and troop- and police-contributing countries must also do more")
['Secretariat', 'troop- and police-contributing countries']
"""

from __future__ import annotations

import re

from ..reference import Gazetteer
from ..report import ParsedReport
from .numbers import sentences
from .records import GoalLink, Recommendation
from .sections import SectionConcepts, normalise_title

__all__ = ["paragraph_recommendations", "paragraph_goals", "theme_of", "infer_theme", "find_addressees",
           "is_recommendation_section"]

#: how the text names the addressees of the reference data (ontology/reference/addressees.ttl); others
#: ("the United Nations", "regional partners") are not addressees of the issues for consideration
ADDRESSEES = [
    (r"[Tt]roop-\s*(?:and|or)\s*police-contributing\s+countries", "troop- and police-contributing countries"),
    (r"[Tt]roop-contributing\s+countries", "troop- and police-contributing countries"),
    (r"[Pp]olice-contributing\s+countries", "troop- and police-contributing countries"),
    (r"\bcontributing countries\b", "troop- and police-contributing countries"),
    (r"\bMember States?\b", "Member States"),
    (r"\bhost (?:Governments?|States|countries|authorities)\b", "host Governments"),
    (r"\b(?:the\s+)?Secretariat\b", "Secretariat"),
    (r"\b(?:the\s+)?Security Council\b", "Security Council"),
]
#: the modal verbs of a recommendation and the modality recorded (the shapes admit could, should, can, must)
MODALITY = {"could": "could", "should": "should", "can": "can", "must": "must", "need to": "must",
            "needs to": "must", "ought to": "should", "are encouraged to": "should", "is encouraged to": "should",
            "are invited to": "could", "is invited to": "could", "require": "must"}
MODALS = r"(?P<modal>could|should|can|must|need to|needs to|ought to|are encouraged to|is encouraged to|are invited to|is invited to)"
REC_SECTION = re.compile(r"^(?:overall assessment|observations|next steps|conclusions?|recommendations|"
                         r"issues for consideration|the way forward|way forward)\b", re.I)

#: words that say which A4P theme a sentence is about (section titles of the series, lower case)
THEME_WORDS = {
    "political solutions": r"political solution|political process|mediat|political engagement|peace agreement",
    "women and peace and security": r"\bwomen\b|\bgender\b|women and peace and security",
    "protection": r"protection of civilians|protect(?:ing)? civilians|protection mandates|child protection|"
                  r"human rights|conflict-related sexual violence",
    "safety and security": r"safety and security|security of peacekeepers|casualty evacuation|fatalit|"
                           r"medical evacuation|crimes against peacekeepers",
    "performance and accountability": r"performance|accountability|training materials?|guidance|"
                                      r"capabilit|readiness",
    "peacebuilding and sustaining peace": r"peacebuilding|sustaining peace|sustain peace|transitions?\b",
    "partnerships": r"partnership|regional organizations|African Union|European Union|triangular",
    "conduct of peacekeepers and peacekeeping operations": r"sexual exploitation|misconduct|conduct and discipline|"
                                                           r"environmental|carbon footprint|due diligence",
}


def find_addressees(subject: str) -> list[str]:
    """Addressees named in a sentence's subject, in the order of the text."""
    hits: list[tuple[int, int, str]] = []
    for pattern, name in ADDRESSEES:
        for m in re.finditer(pattern, subject):
            if any(a < m.end() and m.start() < b for a, b, _ in hits):
                continue
            hits.append((m.start(), m.end(), name))
    hits.sort()
    out: list[str] = []
    for _, _, name in hits:
        if name not in out:
            out.append(name)
    return out


def is_recommendation_section(report: ParsedReport, path: tuple[str, ...]) -> bool:
    for k in range(1, len(path) + 1):
        try:
            if REC_SECTION.match(report.section(path[:k]).title):
                return True
        except StopIteration:
            continue
    return False


def _theme_labels(gaz: Gazetteer) -> dict[str, str]:
    return {normalise_title(e.label): e.label for e in gaz.by_kind("theme")}


def _canonical_theme(name: str, gaz: Gazetteer) -> str:
    """A theme's name as the reference data spells it (the section-title form when it lacks the theme)."""
    labels = _theme_labels(gaz)
    n = normalise_title(name)
    if n in labels:
        return labels[n]
    for e in gaz.by_kind("theme"):
        if n in {normalise_title(a) for a in e.alt_labels}:
            return e.label
    return name[:1].upper() + name[1:]


def theme_of(report: ParsedReport, number: int, concepts: dict[tuple[str, ...], SectionConcepts],
             gaz: Gazetteer) -> str | None:
    """The A4P theme of a paragraph's section (by the concepts, else by its top-level section's title)."""
    para = report.paragraph(number)
    c = concepts.get(para.section)
    if c is not None and c.theme:
        return c.theme
    if not para.section:
        return None
    try:
        top = report.section(para.section[:1]).title
    except StopIteration:
        return None
    if normalise_title(top) in THEME_WORDS:
        return _canonical_theme(top, gaz)
    return None


def infer_theme(text: str, gaz: Gazetteer, context: str = "") -> str | None:
    """The theme a sentence is about by its words (``context``, e.g. the paragraph, breaks ties)."""
    for chunk in (text, context):
        if not chunk:
            continue
        scores = {name: len(re.findall(p, chunk, re.I)) for name, p in THEME_WORDS.items()}
        best = max(scores.values())
        if best == 0:
            continue
        top = [n for n, v in scores.items() if v == best]
        if len(top) == 1:
            return _canonical_theme(top[0], gaz)
    return None


def paragraph_recommendations(report: ParsedReport, number: int, concepts, gaz: Gazetteer) -> list[Recommendation]:
    para = report.paragraph(number)
    text = para.text
    in_section = is_recommendation_section(report, para.section)
    section_theme = theme_of(report, number, concepts, gaz)
    out: list[Recommendation] = []
    for s0, s1 in sentences(text):
        sent = text[s0:s1]
        found: list[tuple[list[str], str]] = []
        m = re.search(rf"\b{MODALS}\s+(?:also\s+|further\s+|now\s+|continue\s+to\s+)?(?P<verb>[a-z]+)", sent)
        if m:
            subject = sent[:m.start()]
            # the subject is the clause before the modal: drop fronted adverbials
            subject = re.split(r";|:|\bwhich\b|\bthat\b|\bwhere\b|\bwho\b|\bhow\b|\bwhether\b", subject)[-1]
            names = find_addressees(subject)
            modal = MODALITY[m.group("modal")]
            # the addressee heads the subject: "Member States could", "..., including Member States and X, must"
            tail = re.sub(r"[\s,]+$", "", subject)
            heads = bool(names) and any(re.search(p + r"$", tail) for p, _ in ADDRESSEES) or bool(
                re.search(r"\b(?:the\s+)?(?:United Nations|regional partners|[a-z]+ partners)$", tail) and names)
            if heads and m.group("verb") not in ("be", "have", "now") and (
                    in_section or (modal in ("could", "should") and "Member States" in names
                                   and re.search(r"\bMember States\s*$", subject.strip()))):
                if not re.search(r"\bnot\b", sent[m.start():m.end() + 5]):
                    found.append((names, modal))
        if in_section and not found:
            rm = re.search(r"\brequires?\s+(?:the\s+)?(?:continued\s+|strong\s+|further\s+)?"
                           r"(?:support of Member States|Member State support)", sent)
            if rm:
                found.append((["Member States"], MODALITY["require"]))
        for names, modal in found:
            theme = section_theme or infer_theme(sent, gaz, text)
            for name in names:
                out.append(Recommendation(paragraph=number, start=s0, end=s1, text=sent, addressee=name,
                                          modality=modal, theme=theme))
    return out


_GOAL_RE = re.compile(r"\((?:Sustainable Development )?Goals?\s+(?P<nums>\d{1,2}(?:(?:,\s*|,?\s+and\s+)\d{1,2})*)\)"
                      r"|\b(?:Sustainable Development )?Goals?\s+(?P<nums2>\d{1,2}(?:(?:,\s*|,?\s+and\s+)\d{1,2})*)\b"
                      r"|\bSDGs?\s*(?P<nums3>\d{1,2}(?:(?:,\s*|,?\s+and\s+)\d{1,2})*)\b")


def paragraph_goals(report: ParsedReport, number: int, concepts, gaz: Gazetteer) -> list[GoalLink]:
    """SDG links: "the reduction of inequalities (Goal 10)", "Sustainable Development Goal 16"."""
    text = report.paragraph(number).text
    sents = sentences(text)
    theme = theme_of(report, number, concepts, gaz)
    out: list[GoalLink] = []
    seen: set[int] = set()
    for m in _GOAL_RE.finditer(text):
        nums = [int(n) for n in re.findall(r"\d+", m.group("nums") or m.group("nums2") or m.group("nums3"))]
        nums = [n for n in nums if 1 <= n <= 17]
        if not nums:
            continue
        s0, s1 = next(((a, b) for a, b in sents if a <= m.start() < b + 1), (0, len(text)))
        start, end = m.start(), m.end()
        if m.group("nums"):  # the label is the phrase before the parenthesis
            left = text[s0:m.start()]
            prev_paren = left.rfind(")")
            seg_start = s0 + prev_paren + 1 if prev_paren >= 0 else s0
            seg = text[seg_start:m.start()]
            k = max(seg.rfind(" to the "), seg.rfind(" to "), seg.rfind(": "))
            if prev_paren < 0 and k >= 0:
                seg_start += k + len(" to the " if seg[k:].startswith(" to the ") else
                                     (" to " if seg[k:].startswith(" to ") else ": "))
            seg = text[seg_start:m.start()]
            lead = re.match(r"[\s,;]*(?:and\s+|or\s+)?(?:the\s+)?", seg)
            start = seg_start + (lead.end() if lead else 0)
            while start < m.start() and text[m.start() - 1].isspace() and start == m.start():
                break
        together = re.search(r"\bthemes\b", text[s0:s1]) is not None
        for n in nums:
            if n in seen:
                continue
            seen.add(n)
            out.append(GoalLink(paragraph=number, goal=n, start=start, end=end, surface=text[start:end],
                                theme=None if together else theme))
    return out
