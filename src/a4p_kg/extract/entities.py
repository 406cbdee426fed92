"""Mentions, discovery, weaker references, citations and mission support.

- explicit mentions: the reference entities' names and acronyms (:mod:`.gazetteer_match`), plus the names a
  report defines inline, "Full Name (ACRONYM)": a definition of an entity the reference data lacks creates a
  :class:`~.records.Discovered` entity, whose later occurrences are mentions of it;
- weaker references (``Mention.explicit=False``): "the Mission" (the one mission the context names), "the
  five high-risk missions" (the missions the report lists as high risk), "the Agreement", "the Division",
  "the Council" ... (the last entity named with that head noun); unresolvable ones are dropped;
- citations (:mod:`.citations`), in paragraphs and in the footnotes attached to them;
- mission support (:mod:`.support`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..reference import Gazetteer
from ..report import ParsedReport
from .citations import SYMBOL_RE, find_citations
from .gazetteer_match import (FUNCTION_WORDS, Form, Matcher, Token, gazetteer_forms, is_proper, norm, tokenize)
from .records import Discovered, EntityRef, Extraction, Mention
from .support import find_support, sentences

__all__ = ["extract_entities", "find_definitions", "classify_name", "Definition", "base_matcher"]

ACRONYM_RE = re.compile(r"^[A-Z][A-Za-z0-9]*(?:[/\-&.][A-Za-z0-9]+)*\+?$")  # "SPLM/A-IO", "UN-Women", "A4P+"
ROMAN_RE = re.compile(r"^[IVXLC]+$")
CONNECTORS = frozenset({"of", "the", "for", "on", "in", "and", "to", "de", "des", "du", "at", "d"})
MAX_NAME_TOKENS = 24
BACKREF_WINDOW = 20  # paragraphs a back-reference ("the Agreement") may reach back
GENERIC_HEADS = ("Agreement", "Declaration", "Council", "Division", "Board", "Pact", "Goals", "Commission",
                 "Committee", "Fund", "System", "Initiative", "Assembly", "Court", "Framework", "Strategy",
                 "Programme", "Policy", "Agenda", "Department")
MISSION_HEADS = ("Mission", "Force", "Operation")
BACKREF_RE = re.compile(rf"\b[Tt]he\s+(?P<head>{'|'.join(GENERIC_HEADS + MISSION_HEADS)})\b(?P<poss>['’]s)?")
PLACE_AFTER_RE = re.compile(r"\s+(?:in|for)\s+(?P<place>(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+the\s+|of\s+)?"
                            r"[A-Z][\w'’-]*)*)")
LONGER_NAME_RE = re.compile(r"\s+(?:of|on|for|in)\s+(?:the\s+)?[A-Z]")
PARTITIVE_RE = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|\d+|some|several|many|most|each|"
                          r"either|neither|none|any)\s+of\s*$", re.I)
HIGH_RISK_RE = re.compile(r"high[-\s]risk", re.I)
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10}
GROUP_REF_RE = re.compile(r"\b[Tt]he\s+(?:(?P<n>\w+)\s+)?(?:peacekeeping\s+)?high-risk\s+(?:peacekeeping\s+)?"
                          r"(?:missions|operations)\b")

# class guessing for discovered entities, by the name's head noun (see classify_name)
OPERATION_HEADS = {"Mission", "Force", "Operation"}
POLICY_HEADS = {
    "Policy": "Policy", "Guidelines": "Policy", "Directive": "Policy", "Procedures": "Policy",
    "Standards": "Policy", "Framework": "Framework", "Agenda": "Framework", "Strategy": "Strategy",
    "Plan": "ActionPlan", "System": "System", "Mechanism": "System", "Tool": "System", "Database": "System",
    "Agreement": "Agreement", "Accord": "Agreement", "Pact": "Agreement", "Declaration": "Agreement",
    "Compact": "Agreement", "Protocol": "Agreement", "Convention": "Agreement", "Charter": "Agreement",
    "Treaty": "Agreement", "Communiqué": "Agreement", "Initiative": "Initiative", "Programme": "Programme",
    "Program": "Programme", "Project": "Programme",
}
# generic in lower case ("standard operating procedures"): a policy only when capitalized
PLURAL_POLICY_HEADS = {"Guidelines", "Procedures", "Standards"}
SECRETARIAT_HEADS = {"Department", "Office", "Division", "Service", "Section", "Unit", "Cell", "Centre",
                     "Center", "Branch"}
BODY_HEADS = {"Council", "Commission", "Committee", "Assembly", "Board", "Fund", "Tribunal", "Court", "Panel"}
ORG_HEADS = {"Community", "Union", "League", "Organization", "Organisation", "Authority", "Association",
             "Conference", "Agency", "Institute", "Bank", "Group", "Alliance", "Movement", "Army", "Forces",
             "Front", "Coalition", "Police", "Network", "Forum", "Federation", "Secretariat", "Partnership"}
REGION_WORDS = {"African", "Africa", "Arab", "Asian", "Asia", "Atlantic", "European", "Europe", "American",
                "Americas", "Caribbean", "Pacific", "Sahel", "Southern", "Eastern", "Western", "Northern",
                "Central", "Southeast", "Gulf", "Lakes", "Horn", "Nordic", "Baltic", "Andean", "Islamic"}
SPM_WORDS = re.compile(r"\b(Office|Verification|Assistance|Political)\b")


@dataclass(frozen=True)
class Definition:
    """ "Full Name (ACRONYM)" in a paragraph, with the offsets of both parts."""

    paragraph: int
    name: str
    name_start: int
    name_end: int
    acronym: str
    acronym_start: int
    acronym_end: int
    variants: tuple[str, ...] = ()  # other plausible names (shorter or longer), for matching a known name


_MATCHERS: dict[int, tuple[Gazetteer, Matcher]] = {}


def base_matcher(gaz: Gazetteer) -> Matcher:
    """The matcher over the reference entities' forms (built once per gazetteer)."""
    hit = _MATCHERS.get(id(gaz))
    if hit is None or hit[0] is not gaz:
        hit = (gaz, Matcher(gazetteer_forms(gaz)))
        _MATCHERS[id(gaz)] = hit
    return hit[1]


# ---------------------------------------------------------------------------------------------- definitions

def _is_word(t: Token) -> bool:
    return t.text[:1].isalnum()


def _letters(acronym: str) -> str:
    """The letters an acronym abbreviates: its capitals ("SDGs" -> "sdg"), digits left out ("A4P" -> "ap")."""
    caps = [c for c in acronym if c.isupper()]
    return "".join(caps if len(caps) >= 2 else [c for c in acronym if c.isalpha()]).lower()


def _initials(tokens: list[Token]) -> str:
    return "".join(t.text[0].lower() for t in tokens if _is_word(t) and t.text.lower() not in FUNCTION_WORDS
                   and t.text[0].isalpha())


def _acronym_at(text: str, tokens: list[Token], i: int) -> tuple[int, str] | None:
    """If tokens[i] opens "(ACRONYM)", the index of the closing token and the acronym."""
    for j in range(i + 1, min(i + 9, len(tokens))):
        if tokens[j].text == ")":
            inner = text[tokens[i].end:tokens[j].start]
            caps = sum(c.isupper() for c in inner)
            digits = any(c.isdigit() for c in inner)
            if (ACRONYM_RE.match(inner) and len(inner) <= 15 and (caps >= 2 or (caps and digits and len(inner) <= 6))
                    and not ROMAN_RE.match(inner) and not SYMBOL_RE.fullmatch(inner)):
                return j, inner
            return None
        if tokens[j].text == "(":
            return None
    return None


def _proper_run(tokens: list[Token], end: int) -> list[int]:
    """Token indexes of the capitalized name ending at tokens[end], walking back over inner connectors."""
    run: list[int] = []
    has_and = False
    k = end
    while k >= 0 and len(run) < MAX_NAME_TOKENS:
        t = tokens[k].text
        low = t.lower()
        if _is_word(tokens[k]):
            if t[0].isupper() or t[0].isdigit():
                run.append(k)
            elif low == "the":
                prev = tokens[k - 1].text.lower() if k > 0 else ""
                if prev not in ("of", "for", "on", "in", "to", "at", "de"):
                    break
                run.append(k)
            elif low in CONNECTORS:
                if low == "and":
                    has_and = True
                run.append(k)
            else:
                break
        elif t in ("-", "/", "'", "’", "'s", "’s", "+") and run and k > 0 and _is_word(tokens[k - 1]):
            run.append(k)
        elif t == "," and has_and and k > 0 and tokens[k - 1].text[:1].isupper():
            run.append(k)
        else:
            break
        k -= 1
    run.reverse()
    while run and (not _is_word(tokens[run[0]]) or tokens[run[0]].text.lower() in CONNECTORS):
        run.pop(0)
    return run


def _starts(tokens: list[Token], run: list[int]) -> list[int]:
    """Where a name inside the run may start: a capitalized word that does not continue a compound."""
    out = []
    for n, k in enumerate(run):
        t = tokens[k]
        if not (_is_word(t) and (t.text[0].isupper() or t.text[0].isdigit())):
            continue
        if n > 0 and tokens[run[n - 1]].text in ("-", "/", "'", "’", ","):
            continue
        out.append(k)
    return out


def _initials_name(tokens: list[Token], end: int, letters: str) -> int | None:
    """The start of the shortest name ending at tokens[end] whose content words' initials spell the acronym
    ("comprehensive performance assessment system (CPAS)")."""
    words = 0
    k = end
    while k >= 0 and words <= len(letters) + 4:
        t = tokens[k]
        if _is_word(t):
            if t.text.lower() not in FUNCTION_WORDS:
                words += 1
                ini = _initials(tokens[k:end + 1])
                if ini == letters:
                    return k
                if not letters.endswith(ini):
                    return None
        elif t.text not in ("-", "'", "’", "'s", "’s"):
            return None
        k -= 1
    return None


def find_definitions(number: int, text: str, tokens: list[Token] | None = None) -> list[Definition]:
    """The "Full Name (ACRONYM)" definitions of one paragraph.

    >>> [(d.name, d.acronym) for d in find_definitions(3, "UNISFA worked with the League of Arab States "
    ...     "(LAS) and the Southern African Development Community (SADC).")]
    [('League of Arab States', 'LAS'), ('Southern African Development Community', 'SADC')]
    """
    tokens = tokens if tokens is not None else tokenize(text)
    out: list[Definition] = []
    for i, t in enumerate(tokens):
        if t.text != "(" or i == 0 or not _is_word(tokens[i - 1]):
            continue
        hit = _acronym_at(text, tokens, i)
        if hit is None:
            continue
        close, acronym = hit
        end = i - 1
        letters = _letters(acronym)
        start = _initials_name(tokens, end, letters)
        run = _proper_run(tokens, end)
        cands: list[int] = _starts(tokens, run)
        if start is not None and start - 3 in run and tokens[start - 2].text == "of" and \
                tokens[start - 1].text == "the" and tokens[start - 3].text in SECRETARIAT_HEADS | BODY_HEADS:
            start -= 3  # "Office of the United Nations High Commissioner for Refugees (UNHCR)"
        if start is None:
            if not cands:
                continue
            start = cands[0]
            if ("UN" in acronym or "NU" in acronym) and any(
                    tokens[k].text == "United" and k + 1 < len(tokens) and tokens[k + 1].text == "Nations"
                    for k in cands):
                start = next(k for k in cands if tokens[k].text == "United" and tokens[k + 1].text == "Nations")
            elif (first := [k for k in cands if tokens[k].text[0].lower() == letters[:1]]):
                start = first[0]
            if start == end and len(tokens[end].text) < 4:
                continue
        name_start, name_end = tokens[start].start, tokens[end].end
        out.append(Definition(number, text[name_start:name_end], name_start, name_end, acronym,
                              tokens[i + 1].start, tokens[close - 1].end,
                              tuple(text[tokens[k].start:name_end] for k in cands) or (text[name_start:name_end],)))
    return out


def _head(name: str) -> tuple[str, list[str]]:
    """The head noun of a name (the last word before its first preposition) and all its words, capitalized."""
    words = [t.text for t in tokenize(name) if _is_word(t)]
    head_words = []
    for w in words:
        if w.lower() in ("of", "for", "in", "on", "to", "at"):
            break
        head_words.append(w)
    head = (head_words or words or [""])[-1]
    return head[:1].upper() + head[1:], [w[:1].upper() + w[1:] for w in words]


def classify_name(name: str, *, places: frozenset[str] | set[str] = frozenset()) -> tuple[str, str] | None:
    """Guess (kind, class) of an entity from its name, or None when the name says nothing.

    Args:
        places: country and territory names; "United Nations ... Office for <a place>" is a special political
            mission, other offices are Secretariat units.

    >>> classify_name("United Nations Verification Mission in Colombia")
    ('operation', 'SpecialPoliticalMission')
    >>> classify_name("Southern African Development Community")
    ('organization', 'RegionalOrganization')
    >>> classify_name("comprehensive performance assessment system")
    ('policy', 'System')
    >>> classify_name("United Nations Integrated Office for Haiti", places={"Haiti"})
    ('operation', 'SpecialPoliticalMission')
    """
    head, words = _head(name)
    un = name.startswith("United Nations") or " United Nations " in f" {name} "
    proper = is_proper([t.text for t in tokenize(name) if _is_word(t)])
    place = re.search(r"\b(?:in|for)\s+(?:the\s+)?(?P<place>[A-Z][\w'’-]*(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w'’-]*)*)$",
                      name)
    heads = [head] + [w for w in reversed(words) if w != head]
    for h in heads:
        if h in OPERATION_HEADS or (h == "Office" and name.startswith("United Nations") and place
                                    and place.group("place") in places):
            if un:
                return "operation", "SpecialPoliticalMission" if SPM_WORDS.search(name) else "PeacekeepingMission"
            return "operation", "RegionalOperation"
        if h in ("Programme", "Fund") and proper and name.startswith(("United Nations", "World")):
            return "organization", "UNBody"  # United Nations Development Programme, World Food Programme
        if h in POLICY_HEADS and (proper or h not in PLURAL_POLICY_HEADS):
            return "policy", POLICY_HEADS[h]
        if h in SECRETARIAT_HEADS:
            return "organization", "SecretariatUnit"
        if h in BODY_HEADS:
            return "organization", "UNBody" if un or "Peacebuilding" in name else "Organization"
        if h in ORG_HEADS:
            if REGION_WORDS & set(words):
                return "organization", "RegionalOrganization"
            if {"International", "World", "Global"} & set(words):
                return "organization", "InternationalOrganization"
            return "organization", "Organization"
    return None


def _similar(a: str, b: str) -> float:
    wa = {norm(t.text) for t in tokenize(a) if _is_word(t)} - FUNCTION_WORDS
    wb = {norm(t.text) for t in tokenize(b) if _is_word(t)} - FUNCTION_WORDS
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def _resolve_definitions(defs: list[Definition], matcher: Matcher, names: dict[EntityRef, list[str]],
                         classes: dict[EntityRef, str], places: set[str]) -> tuple[list[Form], list[Discovered]]:
    """New forms for this report (acronyms and names that the definitions add) and the discovered entities."""
    forms: list[Form] = []
    discovered: list[Discovered] = []
    defined: set[str] = set()
    for d in defs:
        if d.acronym in defined:
            continue
        by_acr = {e for e in matcher.lookup(d.acronym)
                  if any(f.entity == e and f.text == d.acronym for f in matcher.forms)}
        by_name = matcher.lookup(d.name)
        if len(by_name) == 1:
            entity = next(iter(by_name))
            if not by_acr:
                forms.append(Form(d.acronym, entity, acronym=True))
            defined.add(d.acronym)
            continue
        if len(by_acr) == 1:
            entity = next(iter(by_acr))
            if not by_name:
                # a variant of a known name ("... Integrated Office for Haiti (BINUH)"): keep the candidate
                # closest to a known name, and only when it is close
                known = names.get(entity, [])
                score, variant = max(((max((_similar(v, n) for n in known), default=0.0), v)
                                      for v in d.variants), default=(0.0, ""))
                if score >= 0.6:
                    forms.append(Form(variant, entity))
            defined.add(d.acronym)
            continue
        if by_name or by_acr:
            continue  # ambiguous: leave it
        guess = classify_name(d.name, places=places)
        if guess is None:
            # a name that extends a known one is of its kind: "Action for Peacekeeping Plus (A4P+)"
            prefix = [m for m in matcher.find(d.name) if m.start == 0 and m.entity in classes]
            if not prefix:
                continue
            guess = (prefix[0].entity.kind, classes[prefix[0].entity])
        kind, cls = guess
        entity = EntityRef(kind, d.acronym if kind == "operation" else d.name)
        if entity in classes:
            continue  # a curated entity whose name is ambiguous here: not a new one
        again = next((x for x in discovered if norm(x.label) == norm(d.name)), None)
        if again is not None:  # the same name defined again with another acronym
            forms.append(Form(d.acronym, again.entity, acronym=True, since=d.paragraph))
            defined.add(d.acronym)
            continue
        discovered.append(Discovered(entity=entity, label=d.name, acronym=d.acronym, cls=cls,
                                     paragraph=d.paragraph))
        forms.append(Form(d.name, entity, since=d.paragraph))
        forms.append(Form(d.acronym, entity, acronym=True, since=d.paragraph))
        names[entity] = [d.name, d.acronym]
        defined.add(d.acronym)
    return forms, discovered


# ------------------------------------------------------------------------------------- weaker references

def _high_risk_missions(report: ParsedReport, explicit: dict[int, list[Mention]]) -> list[str]:
    """The missions the report lists as high risk ("the five peacekeeping missions identified as “high
    risk”: MINUSCA, MINUSMA, MONUSCO, UNAMID and UNMISS")."""
    for para in report.paragraphs:
        ops = [m for m in explicit.get(para.number, []) if m.entity.kind == "operation"]
        if len(ops) < 2:
            continue
        for s, e in sentences(para.text):
            for hr in HIGH_RISK_RE.finditer(para.text, s, e):
                listed = [m for m in ops if hr.end() <= m.start < e]
                between = para.text[hr.end():listed[0].start] if listed else ""
                if len(listed) >= 2 and re.search(r"[:(]|\bnamely\b", between) and len(between) < 40:
                    seen: list[str] = []
                    for m in listed:
                        if m.entity.key not in seen:
                            seen.append(m.entity.key)
                    return seen
    return []


def _overlaps(start: int, end: int, mentions: list[Mention]) -> bool:
    return any(m.start < end and start < m.end for m in mentions)


def _weak_references(report: ParsedReport, explicit: dict[int, list[Mention]],
                     names: dict[EntityRef, list[str]], operations: dict[str, list[str]]) -> list[Mention]:
    out: list[Mention] = []
    high_risk = _high_risk_missions(report, explicit)
    history: list[Mention] = []  # explicit mentions so far, in document order
    previous: list[int] = []  # paragraphs already read, in order
    for para in report.paragraphs:
        text, here = para.text, explicit.get(para.number, [])
        for m in BACKREF_RE.finditer(text):
            head = m.group("head")
            start, end = m.start(), m.end() - len(m.group("poss") or "")
            if _overlaps(start, end, here):
                continue
            if head in MISSION_HEADS:
                place = PLACE_AFTER_RE.match(text, end)
                named = _mission_by_place(place.group("place"), operations) if place else None
                if named:
                    target, end = (EntityRef("operation", named.pop()) if len(named) == 1 else None), place.end()
                else:  # no place, or none that names a mission ("the Mission in March 2019")
                    target = _resolve_mission(report, para, start, head, explicit, previous, operations)
            else:
                if LONGER_NAME_RE.match(text, end):
                    continue  # "the Council of Europe": a longer name, not a back-reference
                target = _resolve_backref(head, para.number, start, here, history, names)
            if target is not None:
                out.append(Mention(para.number, start, end, text[start:end], target, explicit=False))
        if high_risk:
            for g in GROUP_REF_RE.finditer(text):
                n = g.group("n")
                if n and n.lower() not in NUMBER_WORDS and not n.isdigit():
                    continue
                count = NUMBER_WORDS.get(n.lower(), int(n) if n.isdigit() else 0) if n else len(high_risk)
                if count != len(high_risk) or PARTITIVE_RE.search(text, 0, g.start()):
                    continue  # another group, or a part of it ("four of the five high-risk missions")
                if _overlaps(g.start(), g.end(), here):
                    continue
                for acr in high_risk:
                    out.append(Mention(para.number, g.start(), g.end(), g.group(), EntityRef("operation", acr),
                                       explicit=False))
        history.extend(sorted(here))
        previous.append(para.number)
    return out


def _mission_by_place(place: str, operations: dict[str, list[str]]) -> set[str]:
    """The missions whose name ends "in/for <place>": "the Mission in Abyei" is UNISFA."""
    words = place.removeprefix("the ").strip()
    return {acr for acr, labels in operations.items()
            if any(re.search(rf"\b(?:in|for)\s+(?:the\s+)?{re.escape(words)}$", n) for n in labels)}


def _resolve_mission(report: ParsedReport, para, pos: int, head: str, explicit: dict[int, list[Mention]],
                     previous: list[int], operations: dict[str, list[str]]) -> EntityRef | None:
    """ "the Mission": the single mission named before it in the paragraph, else in the nearest earlier
    paragraph of the same section that names any (none when several are named: ambiguous)."""
    def fits(acr: str) -> bool:
        return head == "Mission" or any(re.search(rf"\b{head}\b", n) for n in operations.get(acr, []))

    before = {m.entity.key for m in explicit.get(para.number, []) if m.entity.kind == "operation" and m.end <= pos
              and fits(m.entity.key)}
    if len(before) == 1:
        return EntityRef("operation", before.pop())
    if before:
        return None
    for number in reversed(previous):
        prev = report.paragraph(number)
        if prev.section != para.section:
            break
        named = {m.entity.key for m in explicit.get(number, []) if m.entity.kind == "operation" and fits(m.entity.key)}
        if named:
            return EntityRef("operation", named.pop()) if len(named) == 1 else None
    return None


def _resolve_backref(head: str, number: int, pos: int, here: list[Mention], history: list[Mention],
                     names: dict[EntityRef, list[str]]) -> EntityRef | None:
    """ "the Division": the entity most recently named whose name has that head noun."""
    pattern = re.compile(rf"\b{head}\b")
    recent = [m for m in history if m.paragraph >= number - BACKREF_WINDOW] + [m for m in sorted(here)
                                                                                if m.end <= pos]
    for m in reversed(recent):
        if m.entity.kind in ("organization", "policy", "operation") and any(
                pattern.search(n) for n in names.get(m.entity, [])):
            return m.entity
    return None


ELIDED_RE = re.compile(r"(?P<x>\b[\w-]+(?:\s+[\w-]+)?)\s+and\s+(?:the\s+)?$")


def _elided(number: int, text: str, found: list[Mention], matcher: Matcher) -> list[Mention]:
    """Names that share a plural head with the next one: "the youth and the women and peace and security
    agendas" (A/74/533, para 33) names the youth agenda too."""
    out = []
    for m in found:
        last = m.surface.split()[-1]
        if not (last.endswith("s") and last.islower()):
            continue
        singular = last[:-3] + "y" if last.endswith("ies") else last[:-1]
        hit = ELIDED_RE.search(text, 0, m.start)
        if not hit:
            continue
        words = hit.group("x").split()
        for k in range(len(words)):
            x = " ".join(words[k:])
            if x.lower() in FUNCTION_WORDS:
                continue
            entities = matcher.lookup(f"{x} {singular}") - {m.entity}
            if len(entities) == 1:
                start = hit.start("x") + hit.group("x").index(x)
                end = start + len(x)
                if not _overlaps(start, end, found):
                    out.append(Mention(number, start, end, text[start:end], entities.pop()))
                break
    return out


# ------------------------------------------------------------------------------------------------- main

def extract_entities(report: ParsedReport, gaz: Gazetteer, concepts, extraction: Extraction) -> None:
    """Fill ``extraction.mentions``, ``.discovered``, ``.citations`` and ``.supports``."""
    matcher = base_matcher(gaz)
    names: dict[EntityRef, list[str]] = {}
    for e in gaz.entities:
        names[EntityRef(e.kind, e.key)] = [e.label, *e.alt_labels] + ([e.acronym] if e.acronym else [])
    operations = {e.key: [e.label, *e.alt_labels] for e in gaz.by_kind("operation")}
    classes = {EntityRef(e.kind, e.key): e.cls for e in gaz.entities}
    places = {n for e in gaz.by_kind("country") for n in (e.label, *e.alt_labels)}

    tokens = {p.number: tokenize(p.text) for p in report.paragraphs}
    defs = [d for p in report.paragraphs for d in find_definitions(p.number, p.text, tokens[p.number])]
    forms, discovered = _resolve_definitions(defs, matcher, names, classes, places)
    if forms:
        matcher = matcher.extended(forms)
    for d in discovered:
        if d.entity.kind == "operation":
            operations[d.acronym or d.entity.key] = [d.label]

    explicit: dict[int, list[Mention]] = {}
    for p in report.paragraphs:
        found = [Mention(p.number, m.start, m.end, m.surface, m.entity)
                 for m in matcher.find(p.text, tokens[p.number], paragraph=p.number)]
        explicit[p.number] = sorted(found + _elided(p.number, p.text, found, matcher))
    weak = _weak_references(report, explicit, names, operations)
    mentions = sorted([m for ms in explicit.values() for m in ms] + weak)

    citations = [c for p in report.paragraphs for c in find_citations(p.number, p.text)]
    for note in report.footnotes:
        if note.paragraph is not None:
            citations.extend(find_citations(note.paragraph, note.text, footnote=note.marker))

    extraction.mentions.extend(mentions)
    extraction.discovered.extend(discovered)
    extraction.citations.extend(sorted(citations))
    extraction.supports.extend(find_support(report, concepts, gaz, mentions))
