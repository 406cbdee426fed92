"""Policy events ("the policy on casualty evacuations, promulgated in March 2018"; "X and Y, with the support
of Z, brokered the Agreement, signed in February 2019 between ...") and mission facts (the missions
"identified as “high risk”: A, B and C"; a system "rolled out in six missions: A, B and C"; missions that
"have collected data").

Entities come from ``extraction.mentions`` (filled by :mod:`.entities`); where a paragraph has none, the
gazetteer's names are looked up in the text instead, so the patterns still work on their own.
"""

from __future__ import annotations

import re

from ..reference import Gazetteer
from .numbers import Period, find_periods, fronted_period, sentences
from .records import EntityRef, Mention, MissionFact, PolicyEvent

__all__ = ["EntityFinder", "paragraph_events", "paragraph_facts"]


EVENT_VERBS = {
    "promulgated": "promulgated", "adopted": "adopted", "launched": "launched", "issued": "issued",
    "signed": "signed", "brokered": "brokered", "established": "established", "revised": "revised",
    "approved": "approved", "endorsed": "endorsed", "facilitated": "facilitated", "introduced": "introduced",
    "finalized": "finalized", "updated": "updated", "rolled out": "rolledOut", "initiated": "launched",
    "concluded": "concluded", "unveiled": "launched", "published": "issued", "created": "established",
    "entered into force": "enteredIntoForce", "entered into effect": "enteredIntoForce",
    "came into force": "enteredIntoForce", "came into effect": "enteredIntoForce", "ratified": "ratified",
    "renewed": "renewed", "extended": "extended", "piloted": "piloted",
}
_VERB_ALT = "|".join(sorted((re.escape(v) for v in EVENT_VERBS), key=len, reverse=True))
NOUN_EVENTS = {"signing": "signed", "signature": "signed", "adoption": "adopted", "launch": "launched",
               "establishment": "established", "promulgation": "promulgated", "revision": "revised",
               "conclusion": "concluded", "brokering": "brokered", "roll-out": "rolledOut",
               "rollout": "rolledOut", "endorsement": "endorsed", "approval": "approved"}
_NOUN_ALT = "|".join(sorted(NOUN_EVENTS, key=len, reverse=True))
ANAPHORS = r"(?:the|this|that|these|its)\s+(?:new\s+|revised\s+|updated\s+)?(system|policy|agreement|plan|action plan|strategy|framework|pact|declaration|programme|initiative|mechanism|directive|guidelines|procedure|tool)s?\b"

#: policy-like titles when neither mentions nor the gazetteer know the policy (a fallback only)
_TITLE_HEADS = r"(?:Agreement|Pact|Policy|Strategy|Declaration|Framework|Plan|Programme|Initiative|Accord|Charter|Protocol|Road ?map|Compact|Directive)"
_CAP = r"(?:[A-Z][\w'’\-]*)"
_LINK = r"(?:for|on|of|in|the|and|to|with|de|between)"
_FALLBACK_POLICY = re.compile(
    rf"\b(?:{_CAP}\s+)*{_TITLE_HEADS}(?:\s+(?:{_LINK}\s+)+{_CAP}(?:\s+{_CAP})*)*"
    r"|\b(?:policy|policies|directive|guidelines|strategy|action plan) on (?:the )?[a-z][a-z\- ]*?(?=[,.;:()]| in | was | were | and | is | has | have | that | which |$)"
    r"|\b(?:the\s+)?(?:comprehensive performance assessment system|action plan to improve the security of peacekeepers)"
)


_PATTERN_CACHE: dict[int, tuple[Gazetteer, list]] = {}


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()


class EntityFinder:
    """The entities named in a paragraph: its mentions, else gazetteer names found in the text."""

    def __init__(self, gaz: Gazetteer, mentions: list[Mention]):
        self.gaz = gaz
        self.by_para: dict[int, list[Mention]] = {}
        for m in mentions:
            self.by_para.setdefault(m.paragraph, []).append(m)
        for v in self.by_para.values():
            v.sort(key=lambda m: (m.start, -m.end))

    def _gaz_patterns(self) -> list[tuple[re.Pattern, dict[str, EntityRef]]]:
        """Two alternations of every name (longest first): case-sensitive for capitalized names and acronyms,
        case-insensitive for lower-case ones ("policy on casualty evacuations")."""
        key = id(self.gaz)
        if key not in _PATTERN_CACHE:
            exact: dict[str, EntityRef] = {}
            folded: dict[str, EntityRef] = {}
            for e in self.gaz.entities:
                if e.kind not in ("operation", "organization", "policy", "country"):
                    continue
                ref = EntityRef(e.kind, e.key)
                for n in {e.label, *(e.alt_labels or ()), *([e.acronym] if e.acronym else [])}:
                    if n and len(n) >= 3:
                        if n[:1].isupper():
                            exact.setdefault(n, ref)
                        else:
                            folded.setdefault(n.lower(), ref)
            pats = []
            for table, flags in ((exact, 0), (folded, re.I)):
                if table:
                    alt = "|".join(re.escape(n) for n in sorted(table, key=len, reverse=True))
                    pats.append((re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", flags), table))
            _PATTERN_CACHE[key] = (self.gaz, pats)
        return _PATTERN_CACHE[key][1]

    def mentions(self, number: int, text: str) -> list[Mention]:
        if number in self.by_para:
            return self.by_para[number]
        found: list[Mention] = []
        taken: list[tuple[int, int]] = []
        hits = []
        for pattern, table in self._gaz_patterns():
            for m in pattern.finditer(text):
                ref = table.get(m.group(0)) or table.get(m.group(0).lower())
                if ref is not None:
                    hits.append((m.start(), -m.end(), m.group(0), ref))
        for s, neg_e, surface, ref in sorted(hits):
            e = -neg_e
            if any(a < e and s < b for a, b in taken):
                continue
            taken.append((s, e))
            found.append(Mention(number, s, e, surface, ref))
        if not any(m.entity.kind == "policy" for m in found):
            for m in _FALLBACK_POLICY.finditer(text):
                surface = m.group(0)
                key = _policy_key(surface)
                if not key or len(key.split()) < 2 or any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                s = m.start() + (len(surface) - len(surface.lstrip()))
                if surface.lower().startswith("the "):
                    s += 4
                found.append(Mention(number, s, m.end(), text[s:m.end()], EntityRef("policy", key)))
        found.sort(key=lambda m: (m.start, -m.end))
        return found


def _policy_key(surface: str) -> str:
    s = re.sub(r"^(?:the|a|an|its|their)\s+", "", surface.strip(), flags=re.I)
    s = re.sub(r"^(?:new|revised|updated|current|draft|fourth iteration of the|latest)\s+", "", s, flags=re.I)
    return s.strip()


def _resolve_policy(gaz: Gazetteer, ref: EntityRef) -> EntityRef:
    """A fallback policy name -> the gazetteer's canonical key when a label or alias matches."""
    if gaz.get("policy", ref.key) is not None:
        return ref
    want = _norm(ref.key)
    for e in gaz.by_kind("policy"):
        if want in {_norm(e.label), *(_norm(a) for a in e.alt_labels)}:
            return EntityRef("policy", e.key)
    return ref


# ------------------------------------------------------------------------------------------- helpers

def _sentence(sents: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for a, b in sents:
        if a <= pos < b + 1:
            return a, b
    return 0, sents[-1][1] if sents else pos


def _first_period_after(periods: list[Period], pos: int, limit: int) -> Period | None:
    for p in periods:
        if pos <= p.start < limit:
            return p
    return None


def _period_before(text: str, s0: int, pos: int, periods: list[Period]) -> Period | None:
    """The last period in the clause before ``pos`` ("while in September, the procedure was finalized")."""
    cut = max((m.end() for m in re.finditer(r";|\bwhile\b|\bwhereas\b|\bbut\b|\band\b(?=\s+(?:in|on|since)\b)",
                                            text[s0:pos])), default=None)
    if cut is None:
        return None
    inside = [p for p in periods if s0 + cut <= p.start and p.end <= pos]
    return inside[-1] if inside else None


def _date(p: Period | None) -> str | None:
    if p is None:
        return None
    return p.start_iso if p.start_iso and p.start_iso == p.end_iso else (p.end_iso or p.start_iso)


def _orgs(ms: list[Mention], a: int, b: int, kinds=("organization", "operation")) -> tuple[EntityRef, ...]:
    out: list[EntityRef] = []
    for m in ms:
        if a <= m.start and m.end <= b and m.entity.kind in kinds and m.entity not in out:
            out.append(m.entity)
    return tuple(out)


def _subject_span(text: str, s0: int, verb_start: int) -> tuple[int, int]:
    left = text[s0:verb_start]
    cut = 0
    for m in re.finditer(r";|\bwhich\b|\bthat\b|\bwhereby\b|\bwhile\b", left):
        cut = m.end()
    return s0 + cut, verb_start


def _last_policy_before(ms: list[Mention], pos: int, head: str | None) -> Mention | None:
    cands = [m for m in ms if m.entity.kind == "policy" and m.end <= pos]
    if head:
        h = head.lower().split()[-1]
        cands = [m for m in cands if h in m.entity.key.lower() or h in m.surface.lower()]
    return cands[-1] if cands else None


# -------------------------------------------------------------------------------------------- events

def paragraph_events(number: int, text: str, report_date: str | None, gaz: Gazetteer,
                     ms: list[Mention], context: list[Mention] = ()) -> list[PolicyEvent]:
    """Policy events stated in one paragraph (``context``: policy mentions of earlier paragraphs, for "the
    system", "the Agreement")."""
    periods = find_periods(text, report_date)
    sents = sentences(text)
    out: list[PolicyEvent] = []
    seen: set[tuple[str, str]] = set()
    policies = [m for m in ms if m.entity.kind == "policy"]

    def add(ref: EntityRef, etype: str, quote: str, date: str | None = None, agents=(), partners=(),
            note: str | None = None) -> None:
        ref = _resolve_policy(gaz, ref)
        if (ref.key, etype) in seen:
            return
        seen.add((ref.key, etype))
        out.append(PolicyEvent(paragraph=number, policy=ref, event_type=etype, quote=quote, date=date,
                               agents=tuple(agents), supported_by=tuple(partners), note=note))

    # anaphors ("the system", "the Agreement") resolved to the last policy named before them
    refs: list[tuple[int, int, EntityRef]] = [(m.start, m.end, m.entity) for m in policies]
    for am in re.finditer(ANAPHORS, text, re.I):
        if any(a <= am.start() < b for a, b, _ in refs):
            continue
        prior = _last_policy_before(policies, am.start(), am.group(1)) or \
            _last_policy_before(list(context), 10**9, am.group(1))
        if prior is not None:
            refs.append((am.start(), am.end(), prior.entity))
    refs.sort()

    for start, end, ref in refs:
        s0, s1 = _sentence(sents, start)
        quote = text[s0:s1]
        after = text[end:s1]
        # passive, after the name: "X, promulgated in March 2018", "X was promulgated", "X, signed in ... between"
        pm = re.match(rf"\s*(?:\([^)]*\)\s*)?,?\s*(?:which|that)?\s*(?:was\s+|were\s+|has been\s+|have been\s+|"
                      rf"had been\s+|is\s+|are\s+)?(?:\w+ly\s+)?(?P<v>{_VERB_ALT})\b", after)
        if pm:
            etype = EVENT_VERBS[pm.group("v")]
            vend = end + pm.end()
            clause_end = vend + (re.search(r"[;]|,\s+(?!and\b)|$", text[vend:s1]).start())
            p = _first_period_after(periods, vend, clause_end + 1)
            if p is None and not re.match(r"\s*,", after):
                p = _period_before(text, s0, start, periods) or fronted_period(text, s0, start, periods)
            note = None
            bm = re.search(r"\bbetween\s+([^,;.]+)", text[vend:clause_end + 1])
            if bm and etype == "signed":
                note = "between " + bm.group(1).strip()
            agents: tuple[EntityRef, ...] = ()
            bym = re.match(r"\s*(?:in\s+[^,;]*?\s+)?by\s+", text[vend:clause_end + 1])
            if bym:
                agents = _orgs(ms, vend, clause_end + 1)
            add(ref, etype, quote, _date(p), agents, (), note)
        # active, before the name: "A and B, with the support of C, brokered the X"
        left = text[s0:start]
        am = re.search(rf"\b(?P<v>{_VERB_ALT})\s+(?:the|a|an|its|their)?\s*(?:new\s+|revised\s+|updated\s+)?$", left)
        if am:
            etype = EVENT_VERBS[am.group("v")]
            vstart = s0 + am.start()
            a, b = _subject_span(text, s0, vstart)
            support = re.search(r"with the (?:support|assistance|help|backing) of\s+(?P<who>[^,;]+)", text[a:b])
            partners: tuple[EntityRef, ...] = ()
            if support:
                ps, pe = a + support.start("who"), a + support.end("who")
                partners = _orgs(ms, ps, pe)
                agents = tuple(e for e in _orgs(ms, a, b) if e not in partners)
            else:
                agents = _orgs(ms, a, b)
            clause_end = end + (re.search(r"[;]|,\s+|$", text[end:s1]).start())
            p = _first_period_after(periods, end, clause_end + 1) or fronted_period(text, s0, vstart, periods)
            add(ref, etype, quote, _date(p), agents, partners)
        # "supported the signing of the X in October 2018"
        nm = re.search(rf"\b(?P<v>support\w*|facilitat\w*|assist\w*|contribut\w* to|welcom\w*|led|oversaw)\s+"
                       rf"(?:in\s+)?the\s+(?P<n>{_NOUN_ALT})\s+of\s+(?:the\s+)?$", left)
        if nm:
            etype = NOUN_EVENTS[nm.group("n")]
            a, b = _subject_span(text, s0, s0 + nm.start())
            clause_end = end + (re.search(r"[;]|,\s+|$", text[end:s1]).start())
            p = _first_period_after(periods, end, clause_end + 1) or fronted_period(text, s0, a, periods)
            partners = _orgs(ms, a, b)
            if p is not None or partners:
                add(ref, etype, quote, _date(p), (), partners)
        # "All peacekeeping operations will be using the system by July 2020"
        if re.search(r"\bwill\s+(?:be\s+using|use|be\s+used|be\s+rolled\s+out|roll\s+out|be\s+implemented|"
                     r"implement|apply|be\s+applied|adopt|be\s+adopted|be\s+in\s+place|cover)\b", quote) and \
                re.search(r"\bby\s+", quote):
            byp = [p for p in periods if s0 <= p.start < s1 and p.lead.lower() == "by"]
            if byp:
                add(ref, "plannedRollout", quote, byp[0].end_iso or byp[0].start_iso, (), (),
                    note=quote)
    return out


# --------------------------------------------------------------------------------------------- facts

_LIST_INTRO = r"(?:\s*:\s*|,?\s+namely,?\s+|\s*\(\s*|,?\s+including\s+|,?\s+i\.e\.,?\s+)"


def _ops_after(ms: list[Mention], text: str, pos: int, s1: int) -> list[Mention]:
    out = []
    for m in ms:
        if pos <= m.start < s1 and m.entity.kind == "operation" and m.entity not in [x.entity for x in out]:
            out.append(m)
    return out


def _fallback_ops(text: str, a: int, b: int, number: int, gaz: Gazetteer) -> list[Mention]:
    """Acronyms in a list when no mention is known (gazetteer operations where available)."""
    ops = {e.key for e in gaz.by_kind("operation")}
    others = {e.acronym for e in gaz.entities if e.acronym and e.kind != "operation"}
    out = []
    for m in re.finditer(r"\b[A-Z][A-Z\-]{3,}\b", text[a:b]):
        acr = m.group(0)
        if (ops and acr not in ops) or acr in others:
            continue
        out.append(Mention(number, a + m.start(), a + m.end(), acr, EntityRef("operation", acr)))
    return out


def paragraph_facts(number: int, text: str, gaz: Gazetteer, ms: list[Mention],
                    context: list[Mention] = ()) -> list[MissionFact]:
    """Mission facts stated in one paragraph."""
    sents = sentences(text)
    out: list[MissionFact] = []
    seen: set[tuple[str, str]] = set()
    has_ops = any(m.entity.kind == "operation" for m in ms)

    def ops_in(a: int, b: int) -> list[Mention]:
        return _ops_after(ms, text, a, b) if has_ops else _fallback_ops(text, a, b, number, gaz)

    def add(op: str, ftype: str, quote: str, policy: EntityRef | None = None) -> None:
        if (op, ftype) in seen:
            return
        seen.add((op, ftype))
        if policy is not None:
            out.append(MissionFact(number, op, ftype, quote, _resolve_policy(gaz, policy)))
        else:
            out.append(MissionFact(number, op, ftype, quote))

    policies = [m for m in ms if m.entity.kind == "policy"]
    for s0, s1 in sents:
        sent = text[s0:s1]
        # "the five peacekeeping missions identified as “high risk”: MINUSCA, MINUSMA, ..."
        hm = re.search(r"(?:identified|designated|classified|considered|categorized|deemed)\s+as\s+[“\"‘]?"
                       rf"high[- ]risk[”\"’]?{_LIST_INTRO}|high[- ]risk\s+(?:missions|operations){_LIST_INTRO}",
                       sent)
        if hm:
            for m in ops_in(s0 + hm.end(), s1):
                add(m.entity.key, "highRisk", sent)
        hm2 = re.search(r"\b(?:are|were|have been|has been|was|is)\s+(?:identified|designated|classified|"
                        r"considered|categorized|deemed)\s+(?:as\s+)?[“\"‘]?high[- ]risk", sent)
        if hm2 and not hm:
            for m in ops_in(s0, s0 + hm2.start()):
                add(m.entity.key, "highRisk", sent)
        # "The system has been rolled out in six missions: A, B and C" / "was rolled out in A and B"
        rm = re.search(r"\b(?:has|have|had|was|were)\s+(?:now\s+|already\s+|also\s+)?been\s+rolled\s+out\s+in\s+"
                       r"|\b(?:was|were)\s+rolled\s+out\s+in\s+", sent)
        if rm:
            rest_start = s0 + rm.end()
            cm = re.match(rf"(?:\w+\s+)?(?:missions|operations|peacekeeping operations){_LIST_INTRO}",
                          text[rest_start:s1])
            list_start = rest_start + (cm.end() if cm else 0)
            if cm or re.match(r"[A-Z]", text[rest_start:rest_start + 1]):
                stop = re.search(r";|\s+(?:in|by|since|from)\s+(?:\d|[A-Z][a-z]+ \d)", text[list_start:s1])
                list_end = list_start + stop.start() if stop else s1
                policy = _subject_policy(text, s0, s0 + rm.start(), policies, context)
                for m in ops_in(list_start, list_end):
                    add(m.entity.key, "rolledOut", sent, policy)
        # "MINUSCA, UNMISS, UNIFIL and UNFICYP have collected data"
        dm = re.search(r"\b(?:have|has|had)\s+(?:already\s+|also\s+)?(?:collected|gathered)\s+data\b", sent)
        if dm:
            policy = next((m.entity for m in policies if s0 <= m.start < s1), None) or \
                next((m.entity for m in policies), None) or \
                (context[-1].entity if context else None)
            for m in ops_in(s0, s0 + dm.start()):
                add(m.entity.key, "dataCollected", sent, policy)
    return out


def _subject_policy(text: str, s0: int, pos: int, policies: list[Mention], context) -> EntityRef | None:
    inside = [m for m in policies if s0 <= m.start < pos]
    if inside:
        return inside[-1].entity
    am = re.search(ANAPHORS, text[s0:pos], re.I)
    if am:
        prior = _last_policy_before(policies, s0, am.group(1)) or _last_policy_before(list(context), 10**9,
                                                                                       am.group(1))
        if prior is not None:
            return prior.entity
    return None
