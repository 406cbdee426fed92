"""Quantitative statements of a paragraph -> :class:`Observation` records.

Numbers come from :mod:`.numbers`; this module decides what each one measures. Numbers that belong together
are grouped first — a from/to chain ("from 58 in 2017 to 27 in 2018 and 21 from 1 January to 26 August
2019"), a list sharing a unit ("91, 99 and 100 per cent"), a comparison ("14 meetings in 2021, up from 9 in
2020") — and a group shares one measure, found by patterns of the sentence around it: the noun phrase after
the number ("90,000 women and men"), the subject of a change ("fatalities ... have decreased from"), "a
decrease in X, from", "N per cent of X", "X rose by N per cent", and so on. Observations of one measure in
one paragraph form a series.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..iris import slug
from .numbers import ADVERBIAL, Number, Period, find_numbers, find_periods, fronted_period, sentences
from .records import EntityRef, Mention, Observation

__all__ = ["paragraph_observations"]

QUAL = (r"(?:more than|over|about|nearly|almost|some|approximately|around|roughly|just|only|up to|at least|"
        r"fewer than|less than|as high as|as many as|close to|an estimated|at most|well over|just over|"
        r"just under|slightly more than|slightly over)")
QUAL_END = re.compile(rf"\b(?P<q>{QUAL})\s+(?:an?\s+)?$", re.I)
STOP = {
    "in", "on", "at", "by", "for", "from", "to", "with", "within", "into", "over", "under", "during", "since",
    "across", "through", "including", "per", "as", "than", "between", "among", "after", "before", "against",
    "around", "toward", "towards", "who", "which", "that", "whose", "where", "when", "while", "whereas",
    "because", "if", "respectively", "compared", "up", "down", "despite", "via", "thanks", "prior", "until",
    "about", "like", "such", "both", "each", "all", "only", "just", "also", "not", "thereby", "there",
    "well", "already", "still", "now", "then", "so", "very", "currently",
}
VERBS = {
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "should",
    "could", "can", "may", "might", "must", "do", "does", "did", "made", "make", "makes", "remain", "remains",
    "remained", "became", "become", "becomes", "signed", "surrendered", "took", "take", "received", "got",
    "represent", "represented", "represents", "act", "serve", "operate", "work",
}
#: irregular past participles that end a noun phrase when a preposition follows ("sessions held in Bangui")
IRREGULAR = {"held", "made", "built", "led", "set", "run", "done", "seen", "given", "taken", "sent", "met", "put",
             "paid", "spent", "kept", "won", "lost", "brought", "caught", "taught", "sought", "bought", "found",
             "shown", "known", "drawn", "grown", "begun", "undertaken", "written", "chosen", "left", "cut",
             "carried", "supplied", "applied", "deployed"}
DETS = r"(?:the|a|an|its|their|his|her|our|such|this|these|those|all|some|any|each|every|both|overall|total)"
PERSON_NOUNS = {
    "women", "men", "personnel", "officers", "judges", "commanders", "children", "individuals", "civilians",
    "combatants", "ex-combatants", "representatives", "members", "participants", "leaders", "staff",
    "trainees", "engineers", "beneficiaries", "troops", "persons", "people", "peacekeepers", "candidates",
    "experts", "trainers", "officials", "observers", "victims", "perpetrators", "fighters", "nominees",
    "advisers", "signatories", "girls", "boys", "youth", "refugees", "soldiers", "mediators",
    "managers", "employees", "volunteers", "survivors", "detainees", "prisoners", "migrants",
}
INCREASE = r"(?:increas\w*|r[io]s\w*|grew|grown|grow\w*|climb\w*|improv\w*|rais\w*|expand\w*|doubl\w*|tripl\w*|went up)"
DECREASE = r"(?:decreas\w*|declin\w*|reduc\w*|fell|fall\w*|dropp?\w*|lower\w*|cut|shrank|shrunk|went down)"
CHANGE_VERB = rf"(?:{INCREASE}|{DECREASE})"
CHANGE_NOUN = (r"(?:increase|decrease|decline|reduction|rise|drop|fall|growth|improvement|change|increases|"
               r"decreases|reductions|gain|jump|surge)")
@dataclass
class _Obs:
    num: Number
    measure: str = ""
    head: str = ""  # the noun phrase a later elliptical number can borrow ("commanders of armed groups")
    unit: str | None = None
    kind: str = "count"
    qualifier: str | None = None
    period: Period | None = None
    period_text: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    about: tuple[EntityRef, ...] = ()
    group: int = 0
    change: str | None = None  # "increase" / "decrease" for change observations
    base: str = ""  # for shares: "Secretariat commitments"


# --------------------------------------------------------------------------------------- noun phrases

_WORD = re.compile(r"[A-Za-z][\w'’\-]*|\d[\d,.]*|[^\sA-Za-z\d]")


def _tokens(text: str, pos: int, limit: int = 160) -> list[tuple[str, int, int]]:
    return [(m.group(0), pos + m.start(), pos + m.end()) for m in _WORD.finditer(text[pos:pos + limit])]


def _noun_phrase(text: str, pos: int, allow: tuple[str, ...] = ("of", "for"), max_words: int = 9
                 ) -> tuple[str, int]:
    """The noun phrase starting at ``pos``: stops at punctuation, verbs, most prepositions, numbers,
    participles that introduce a clause ("serving in", "registered in"). Returns (phrase, end)."""
    toks = _tokens(text, pos)
    words: list[tuple[str, int, int]] = []
    used_pp = False
    i = 0
    while i < len(toks) - 1 and re.fullmatch(DETS, toks[i][0], re.I) and re.match(r"[A-Za-z]", toks[i + 1][0]):
        i += 1  # "all deployed personnel", "the backlog"
    while i < len(toks) and len(words) < max_words:
        w, s, e = toks[i]
        lw = w.lower()
        nxt = toks[i + 1][0].lower() if i + 1 < len(toks) else ""
        if re.fullmatch(r"\d+", w) and words and words[-1][0].lower() in (
                "category", "categories", "level", "levels", "grade", "tier", "phase", "type", "class"):
            words.append(toks[i])
            i += 1
            continue
        if not re.match(r"[A-Za-z]", w):
            break
        if re.fullmatch(r"\d+", w) and words and words[-1][0].lower() in (
                "category", "categories", "level", "levels", "grade", "tier", "phase", "type", "class"):
            words.append(toks[i])
            i += 1
            continue
        if lw in ("and", "or"):
            after2 = toks[i + 2][0].lower() if i + 2 < len(toks) else ""
            if nxt.endswith("ed") and (re.match(r"\d", after2) or _is_number_word(after2) or
                                       re.fullmatch(DETS, after2)):
                break
            nxt_raw = toks[i + 1][0] if i + 1 < len(toks) else ""
            if nxt_raw[:1].isupper() and words and words[-1][0][:1].islower():
                break  # "the five high-risk missions and Headquarters met"
            if not nxt or re.match(r"\d", nxt) or nxt in STOP or nxt in VERBS or nxt in (
                    "the", "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                    "ten") or _is_number_word(nxt):
                break
            words.append(toks[i])
            i += 1
            continue
        if lw in allow and words and not used_pp:
            if not nxt or re.match(r"\d", nxt) or nxt in ("more", "over", "about", "nearly", "almost", "some",
                                                          "just", "up") or _is_number_word(nxt) or \
                    (nxt in STOP and nxt not in ("such", "all", "both", "each")):
                break
            used_pp = True
            words.append(toks[i])
            i += 1
            while i < len(toks) - 1 and re.fullmatch(DETS, toks[i][0], re.I) and \
                    re.match(r"[A-Za-z]", toks[i + 1][0]):
                words.append(toks[i])
                i += 1
            continue
        if lw in STOP or lw in VERBS or lw in ("of", "and", "or"):
            break
        if words and (re.search(r"(?:ing|ed)$", lw) or lw in IRREGULAR) and lw not in _NOUNISH and (
                nxt in STOP or nxt in ("the", "a", "an", "their", "its", "of") or re.match(r"\d", nxt)
                or _is_number_word(nxt) or not nxt or not re.match(r"[a-z]", nxt)):
            break
        if words and lw.endswith("ly") and lw not in ("assembly", "family", "supply", "italy", "july"):
            break
        words.append(toks[i])
        i += 1
    while words and words[-1][0].lower() in ("and", "or", "of", "for", "the", "a", "an"):
        words.pop()
    if not words:
        return "", pos
    return text[words[0][1]:words[-1][2]], words[-1][2]


_NOUNISH = {"training", "peacekeeping", "building", "planning", "policing", "funding", "meeting", "meetings",
            "briefing", "briefings", "hearing", "hearings", "offering", "reporting", "screening", "mapping",
            "monitoring", "engineering", "capacity-building", "peacebuilding", "mainstreaming", "vetting",
            "learning", "programming", "sharing", "housing", "landing", "wellbeing", "well-being",
            "understanding", "financing", "spending", "setting", "settings", "undertaking", "processing"}


def _is_number_word(w: str) -> bool:
    from .numbers import NUMBER_WORDS
    return w.lower() in NUMBER_WORDS


def _strip_det(phrase: str) -> str:
    phrase = phrase.strip(" ,;:")
    prev = None
    while prev != phrase:
        prev = phrase
        phrase = re.sub(rf"^{DETS}\s+", "", phrase, flags=re.I)
    return phrase.strip()


def _participle_after(text: str, pos: int) -> str | None:
    """ "were trained", "have been voluntarily released" after a noun phrase -> "trained"."""
    m = re.match(r"\s+(?:were|was|have been|has been|had been|are|is|being)\s+(?:\w+ly\s+)?"
                 r"(\w+)\b(?:\s+(out|up))?", text[pos:])
    if not m:
        return None
    word = m.group(1)
    if not (re.search(r"(?:ed|en|wn|ld|ade|ght|ied)$", word) or word.lower() in IRREGULAR):
        return None
    if word.lower() in ("been", "seen", "often", "when", "then", "open", "even", "women", "children", "own"):
        return None
    return word + (" " + m.group(2) if m.group(2) else "")


def _verb_before(text: str, pos: int) -> str | None:
    """ "MINUSCA trained 500 members": the simple past verb right before a count -> "trained"."""
    left = QUAL_END.sub("", text[:pos])
    m = re.search(r"\b([a-z]+ed)\s+$", left)
    if not m:
        return None
    v = m.group(1)
    if re.fullmatch(CHANGE_VERB, v) or v in _NOUNISH or v in ("based", "needed", "led", "limited", "united",
                                                               "hundred", "red", "used", "aimed", "required"):
        return None
    return v


def _unit_of(head: str) -> str:
    """The unit of a count from its noun phrase: "persons" for people, else the head noun ("missions")."""
    head = re.sub(r"^(?:subset|number|total|share|percentage)\s+(?:of|among)\s+", "", head.strip())
    if "memorandums of understanding" in head.lower():
        return "memorandums of understanding"
    chunk = re.split(r"\s+(?:of|for|in|to|from|with|by|among|due)\s+", head, maxsplit=1)[0]
    h = [w for w in chunk.split() if not re.search(r"(?:ing|ed)$", w) or w.lower() in _NOUNISH]
    if not h:
        return "items"
    while len(h) > 1 and h[-1].lower() in ("ready", "available", "present", "eligible", "responsible",
                                           "involved", "concerned", "able", "willing", "remaining"):
        h.pop()
    last = h[-1]
    if last.lower() in ("number", "total", "share", "percentage", "proportion", "amount", "level"):
        return "items"
    if last.lower() in PERSON_NOUNS or chunk.lower() in ("women and men", "men and women"):
        return "persons"
    if chunk.endswith(("Member States", "armed groups")):
        return " ".join(chunk.split()[-2:])
    return last


# ----------------------------------------------------------------------------------------- subjects

def _subject_before(text: str, start: int, end: int) -> str:
    """The subject noun phrase of the clause ending at ``end`` (sentence from ``start``): after the last
    "that"/"which"/";"/":", with fronted adverbials ("In 2019,", "As shown in figure III,") dropped."""
    left = text[start:end]
    cut = 0
    for m in re.finditer(r";|:|\bthat\b|\bwhich\b|\bwhere\b|\bwhile\b|\bwhereas\b|\bwhen\b|—|–", left):
        cut = m.end()
    left = left[cut:].strip()
    while ", " in left and ADVERBIAL.match(left):
        left = left.split(", ", 1)[1].strip()
    if "," in left and len(left.split()) > 24:
        left = left.rsplit(",", 1)[1]
    left = re.sub(r"^(?:and|but|so|then|also)\s+", "", left.strip(), flags=re.I)
    return _strip_det(left)


# ------------------------------------------------------------------------------------------ grouping

def _group(text: str, nums: list[Number], sents: list[tuple[int, int]]) -> list[list[int]]:
    """Indices of ``nums`` grouped into chains, lists and comparisons (each group within one sentence)."""
    groups: list[list[int]] = []
    from_chain: set[int] = set()

    def sent_of(i: int) -> int:
        return next((k for k, (a, b) in enumerate(sents) if a <= nums[i].start < b + 1), -1)

    for i, n in enumerate(nums):
        left = text[:n.start]
        if i and sent_of(i) == sent_of(i - 1) and groups:
            prev = nums[i - 1]
            gap = text[prev.unit_end:n.start]
            lq = QUAL_END.sub("", left)
            same_unit = (prev.unit == n.unit) or (prev.kind == "all" and n.unit == "percent")
            if re.search(r"(?:\bup|\bdown)\s+from\s+$|\bcompared\s+(?:with|to)\s+(?:only\s+|just\s+)?$|"
                         r"\bas against\s+$|\bagainst\s+$|\bversus\s+$|\bvs\.?\s+$", lq) and ";" not in gap:
                groups[-1].append(i)
                continue
            if groups[-1][0] in from_chain and len(gap) <= 70 and not re.search(r"[;:]|\.\s", gap) and \
                    re.search(r"(?:\bto|\band|,)\s+$", lq) and same_unit:
                groups[-1].append(i)
                continue
            if re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or|to|-|–)\s*", QUAL_END.sub("", gap)) and same_unit \
                    and n.kind in ("number", "word") \
                    and prev.kind in ("number", "word", "all"):
                groups[-1].append(i)
                continue
        groups.append([i])
        if re.search(r"\bfrom\s+$", QUAL_END.sub("", left)):
            from_chain.add(i)
    return groups


# --------------------------------------------------------------------------------------------- main

def paragraph_observations(number: int, text: str, report_date: str | None,
                           mentions: list[Mention] = ()) -> list[Observation]:
    """All observations of one paragraph's text."""
    periods = find_periods(text, report_date)
    nums = find_numbers(text, periods)
    if not nums:
        return []
    sents = sentences(text)
    obs = [_Obs(num=n, unit=n.unit) for n in nums]
    for o in obs:
        q = QUAL_END.search(text[:o.num.start])
        if q and o.num.kind != "all":
            if o.num.kind == "compound" or not re.search(r"\san?\s+$", q.group(0)):
                o.qualifier = q.group("q").lower()
    groups = _group(text, nums, sents)
    for gi, g in enumerate(groups):
        for i in g:
            obs[i].group = gi
    done: list[_Obs] = []
    for g in groups:
        members = [obs[i] for i in g]
        s0, s1 = _sentence_span(sents, members[0].num.start)
        _measure_group(text, members, s0, s1, done)
        done.extend(members)
    for o in sorted(obs, key=lambda o: o.change is not None):  # changes last: they may take their chain's span
        _period(text, o, periods, sents, obs)
    _about(text, obs, groups, mentions, sents)
    # series: observations of one measure in the paragraph
    counts: dict[str, int] = {}
    for o in obs:
        counts[o.measure] = counts.get(o.measure, 0) + 1
    out = []
    for o in obs:
        n = o.num
        out.append(Observation(
            paragraph=number, start=n.start, end=n.end, value=n.value, unit=o.unit or "items",
            measure=o.measure, measure_kind=o.kind, quote=_quote(text, sents, o),
            period=o.period_text, period_start=o.period_start, period_end=o.period_end,
            qualifier=o.qualifier, about=o.about,
            series=slug(o.measure) if counts[o.measure] > 1 else None))
    return out


def _sentence_span(sents: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for a, b in sents:
        if a <= pos < b + 1:
            return a, b
    return 0, sents[-1][1] if sents else pos


def _clean(label: str) -> str:
    label = re.sub(r"\s+", " ", label).strip(" ,;:.()")
    label = re.sub(r"^(?:of|in|for|on)\s+", "", label)
    return label


def _measure_group(text: str, members: list[_Obs], s0: int, s1: int, done: list[_Obs]) -> None:
    first, last = members[0], members[-1]
    n0 = first.num
    left = text[s0:n0.start]
    lq = QUAL_END.sub("", left)
    prev_in_sentence = [o for o in done if s0 <= o.num.start < n0.start]
    prev_any = done[-1] if done else None
    unit = last.unit
    label = head = ""
    kind = "count"
    change = None

    # comparisons join the previous group's measure ("up from 9", "compared with 2,000 cases")
    # chains: "X decreased from A in P1 to B in P2"
    chain = re.search(r"\bfrom\s+$", lq) is not None
    if chain:
        before = lq[:re.search(r"\bfrom\s+$", lq).start()]
        labelled = re.search(r"(\d+)\s*\(\s*$", before)
        before = re.sub(r"[\s,(]+$", "", before)
        label = ""
        if labelled:  # "in both categories 1 (from 166) and 2 (from 315)"
            like = [o for o in done if re.search(rf"\b[a-z]+ {labelled.group(1)}\b", o.measure)]
            label = like[-1].measure if like else ""
        label = label or _change_subject(text, s0, s0 + len(before))
        if not label:
            label, _ = _noun_phrase(text, last.num.unit_end)
            label = _strip_det(label)
        if not label and prev_in_sentence:
            label = prev_in_sentence[-1].measure
        head = label
        kind = "percentage" if unit == "percent" else (
            "duration" if unit in ("days", "weeks", "months", "years", "hours") else "count")
        if unit == "percent" and re.match(r"number\b", label):
            label = _share_of(label)
        elif unit is None:
            unit = _unit_of(label)
    elif n0.kind == "ordinal":
        label, _ = _noun_phrase(text, n0.unit_end, allow=("of",))
        label = _strip_det(label)
        head, kind, unit = label, "ordinal", _unit_of(label) if label else "ordinal"
    elif n0.kind == "multiplier":
        np_, _ = _noun_phrase(text, n0.unit_end, allow=("of", "in", "for"))
        label = _strip_det(np_) or _subject_before(text, s0, n0.start)
        head, kind, unit = label, "multiplier", "times"
        label = f"increase in {label}" if label else "increase"
    elif n0.kind == "ratio":
        m = re.search(r"(?P<x>[^;:]+?)\s+(?:outnumber\w*|exceed\w*|outweigh\w*|outpac\w*)\s+(?P<y>[^,;:]+?)\s+by\s+$", lq)
        if m:
            x = _subject_before(text, s0, s0 + m.end("x"))
            label = f"ratio of {x} to {m.group('y').strip()}"
        else:
            label = "ratio: " + _subject_before(text, s0, n0.start)
        head, kind, unit = label, "ratio", "to one"
    elif unit in ("percent", "percentage points") or n0.kind == "all":
        label, head, kind, change = _percent_measure(text, members, s0, s1, lq, prev_in_sentence, done)
        if unit == "percentage points":
            kind = kind.replace("percentage", "percentage_points", 1) if change else "percentage_points"
        else:
            unit = "percent"
    elif unit == "USD":
        np_ = ""
        mo = re.match(r"\s+(?:of|in|for)\s+", text[last.num.unit_end:])
        if mo:
            np_, _ = _noun_phrase(text, last.num.unit_end + mo.end())
            np_ = _strip_det(np_)
        verb = _verb_before(text, n0.start)
        if not np_:
            np_ = _subject_before(text, s0, len(re.sub(
                r"\s+(?:is|are|was|were|can be|could be|may be|will be|would be|stood at|reached|totalled|"
                r"totaled|amounted to|amounts to|amount to|of)\s+(?:as high as\s+|as much as\s+)?$", "",
                lq)) + s0) if re.search(
                r"\s(?:is|are|was|were|can be|could be|may be|will be|would be|stood at|reached|totalled|"
                r"totaled|amounted to|amounts to|amount to)\s+(?:as high as\s+|as much as\s+)?$", lq) else ""
        label = np_ + (f" {verb}" if verb and np_ else "") or "amount"
        head, kind = label, "amount"
        if re.match(r"\s+(?:per|a|each)\s+(year|annum|month)\b", text[last.num.unit_end:]):
            unit = "USD per " + re.match(r"\s+(?:per|a|each)\s+(\w+)", text[last.num.unit_end:]).group(1)
            unit = unit.replace("annum", "year")
    elif n0.kind == "compound":
        np_, _ = _noun_phrase(text, n0.unit_end)
        np_ = _strip_det(np_)
        if unit == "members":
            label, kind = (f"members of {np_}" if np_ else "members"), "count"
        elif unit in ("persons",):
            label, kind = np_ or "persons", "count"
        else:
            kind = "duration"
            if np_ and re.search(r"(?:timeline|timeframe|time frame|period|deadline|duration|term)$", np_):
                label = np_
            else:
                label = f"duration of {np_}" if np_ else "duration"
        head = label
    elif unit in ("days", "weeks", "months", "years", "hours"):
        if re.search(r"\bevery\s+$", lq):
            kind = "frequency"
            phrase = _verb_phrase_before(text, s0, n0.start - len(left) + len(lq) - len("every "))
            label = f"interval: {phrase}" if phrase else "interval"
        else:
            kind = "duration"
            phrase = _verb_phrase_before(text, s0, s0 + len(re.sub(
                r"\s*\b(?:within|in|for|after|before|of|over|at least|up to|about|some|nearly|an average|"
                r"average|the|a|an)\s*$", "", lq)))
            label = f"time: {phrase}" if phrase else "duration"
        head = label
    else:
        label, head, kind, unit = _count_measure(text, members, s0, lq, prev_in_sentence, prev_any)
    if re.search(r"\b(?:goal|target|objective|aim)\s+of\s+(?:reaching\s+|achieving\s+)?$", lq, re.I):
        kind = "target_" + kind
        prior = [o for o in done if o.unit == unit and o.kind == "percentage"]
        if prior and not label.startswith("target"):
            label = "target for " + prior[-1].measure
    label = _clean(label) or "quantity"
    for o in members:
        o.measure = label
        o.head = head or label
        o.kind = kind
        o.unit = unit
        o.change = change


def _change_subject(text: str, s0: int, end: int) -> str:
    """What a change ending at ``end`` is about: "a decrease in X", "X have decreased", "increased its X"."""
    left = text[s0:end]
    left = re.sub(r"\s*\(\s*$", "", left)
    m = re.search(rf"\b{CHANGE_NOUN}\s+in\s+(?P<x>[^;:()]+?)\s*$", left, re.I)
    if m:
        return _strip_det(m.group("x").rstrip(" ,"))
    m = re.search(r"\b(?:increased|decreased|higher|lower|reduced|growing|rising|falling|declining)\s+"
                  r"(?P<x>(?:number|percentage|share|proportion|rate|level|amount)\s+of\s+[^;:(),]+?)\s*,?\s*$",
                  left, re.I)
    if m:
        return _strip_det(m.group("x"))
    m = re.search(rf"\b{CHANGE_VERB}\s+(?:{DETS}\s+)(?P<x>[^;:(),]+?)\s*,?\s*$", left, re.I)
    if m and not re.match(r"(?:by|from|to)\b", m.group("x")):
        return _strip_det(m.group("x"))
    m = re.search(rf"(?P<x>[^;:(),]+?)\s+(?:has\s+|have\s+|had\s+)?(?:been\s+)?(?:\w+ly\s+)?{CHANGE_VERB}"
                  rf"(?:\s+by\s+[^,;]*?)?(?:,?\s*(?:over|during|in|since|between)\s+[^,;]*?)?\s*,?\s*$", left, re.I)
    if m:
        x = _subject_before(text, s0 + m.start("x"), s0 + m.end("x"))
        if x.lower() in ("number", "share", "percentage", "proportion", "rate", "figure", "total"):
            sent = text[s0:end]
            am = re.match(r"(?:Among|In|For|Within|Across)\s+(?:the\s+)?([^,]+),", sent)
            if am:
                x = f"{x} among {am.group(1)}"
        return x
    return ""


def _verb_phrase_before(text: str, s0: int, end: int) -> str:
    """The last few words of the clause before ``end`` (a duration's context): "personnel ready for deployment"."""
    left = text[s0:end]
    left = re.split(r"[;:,]|\bthat\b|\bwhich\b", left)[-1]
    left = re.sub(r"\d[\d,.]*|\b(?:with|almost|nearly|some|about|more than|over)\b", " ", left)
    words = left.split()
    return _strip_det(" ".join(words[-7:]))


def _percent_measure(text: str, members: list[_Obs], s0: int, s1: int, lq: str, prev: list[_Obs],
                     done: list[_Obs]) -> tuple[str, str, str, str | None]:
    first, last = members[0], members[-1]
    n0 = first.num
    after = text[last.num.unit_end:s1]
    # "N per cent increase in X"
    m = re.match(rf"\s+({CHANGE_NOUN})\s+in\s+", after, re.I)
    if m:
        x, _ = _noun_phrase(text, last.num.unit_end + m.end(), allow=("of", "by", "involving", "among"))
        x = _strip_det(x)
        direction = "decrease" if re.match(r"de|red|dr|fa", m.group(1), re.I) else "increase"
        return f"{direction} in {x}", x, f"percentage_{direction}", direction
    # "an increase of 20 per cent (in X)"
    m = re.search(rf"\b(?P<n>{CHANGE_NOUN})\s+of\s+$", lq, re.I)
    if m:
        direction = "decrease" if re.match(r"de|red|dr|fa", m.group("n"), re.I) else "increase"
        mi = re.match(r"\s+in\s+", after)
        x = _strip_det(_noun_phrase(text, last.num.unit_end + mi.end(), allow=("of", "by", "among"))[0]) if mi \
            else _change_subject(text, s0, s0 + m.start())
        if not x and prev:  # "from 12 in 2019 to 20 in 2020, an increase of 67 per cent"
            x = prev[-1].head
        return (f"{direction} in {x}" if x else direction), x, f"percentage_{direction}", direction
    # "X rose by N per cent", "reducing X by about N per cent"
    m = re.search(r"\bby\s+$", lq)
    if m:
        before = lq[:m.start()].rstrip()
        t = re.search(rf".*\b(?P<v>{CHANGE_VERB})\s+(?:{DETS}\s+)?(?P<x>[^;:(),]+?)$", before, re.I)
        direction = None
        x = ""
        if t and not re.match(r"(?:by|from|to)\b", t.group("x")):
            x = _strip_det(t.group("x"))
            direction = "decrease" if re.fullmatch(DECREASE, t.group("v"), re.I) else "increase"
        else:
            v = re.search(rf"(?P<v>{CHANGE_VERB})(?:\s+\w+ly)?$", before, re.I)
            if v:
                direction = "decrease" if re.fullmatch(DECREASE, v.group("v"), re.I) else "increase"
                x = _change_subject(text, s0, s0 + len(before))
        if direction:
            return f"{direction} in {x}" if x else direction, x, f"percentage_{direction}", direction
    # "rose by 3 per cent, to 15.3 per cent": the level after a change
    if re.search(r",?\s+to\s+$", lq) and prev and prev[-1].change:
        x = prev[-1].head
        return _share_of(x), x, "percentage", None
    # "increased the percentage of X to 91, 99 and 100 per cent"
    m = re.search(r"\b(?P<x>(?:percentage|share|proportion|number|rate)\s+of\s+[^;:()]+?)\s+(?:to|at|of)\s+$", lq, re.I)
    if m:
        x = _strip_det(m.group("x"))
        return x, x, "percentage", None
    # "women made up 23 per cent of the new Government"
    m = re.search(r"(?P<x>[^;:(),]+?)\s+(?:made up|make up|makes up|accounted for|account for|accounts for|"
                  r"represented|represent|represents|constituted|constitute|constitutes|comprised)\s+$", lq)
    if m:
        x = _subject_before(text, s0, s0 + m.end("x"))
        mo = re.match(r"\s+of\s+", text[n0.unit_end:s1])
        y = _strip_det(_noun_phrase(text, n0.unit_end + mo.end(), allow=("of", "in"))[0]) if mo else ""
        label = f"share of {x} in {y}" if y else f"share of {x}"
        return label, label, "percentage", None
    # "all new deployments ..., compared with only 43 per cent"
    if n0.kind == "all":
        x, end = _noun_phrase(text, n0.unit_end, allow=("of",))
        x = _strip_det(x)
        return f"share of {x}", x, "percentage", None
    # "N per cent of X (were women)"
    m = re.match(r"\s+of\s+", after)
    if m:
        x, end = _noun_phrase(text, last.num.unit_end + m.end(), allow=("of", "in", "with", "from"))
        x = _strip_det(x)
        pred = re.match(r"\s+(?:were|was|are|is)\s+(\w+)\s*(?:[.;,(]|$)", text[end:])
        if pred and pred.group(1).lower() not in ("recorded", "met", "reported"):
            label = f"share of {pred.group(1)} among {x}"
            return label, x, "percentage", None
        part = _participle_after(text, end)
        label = f"share of {x}" + (f" {part}" if part else "")
        first.base = x
        for o in members:
            o.base = x
        return label, x, "percentage", None
    # "a 35 per cent quota for ..."
    np_, _ = _noun_phrase(text, last.num.unit_end, allow=("of", "for"))
    np_ = _strip_det(np_)
    if np_ and not re.match(r"(?:in|of|increase|decrease)\b", np_):
        return np_, np_, "percentage", None
    # "while 66 per cent were in progress": borrow the previous share
    pred = re.match(r"\s+(?:were|was|are|is|had been|have been|has been|remained|remain)\s+([^,;.()]+)", after)
    base = next((o.base for o in reversed(done) if o.base), "")
    if pred and base:
        words = pred.group(1).split()[:4]
        return f"share of {base} {' '.join(words)}", base, "percentage", None
    subj = _subject_before(text, s0, n0.start - (len(text[s0:n0.start]) - len(lq)))
    subj = re.sub(r"\s+(?:is|are|was|were|of|at|to|reached|stood)\s*$", "", subj)
    return subj or "percentage", subj, "percentage", None


def _share_of(x: str) -> str:
    if re.match(r"number\b", x):
        return re.sub(r"^number\b", "share", x)
    return x if re.match(r"(?:share|percentage|proportion|rate)\b", x) else f"share of {x}"


def _count_measure(text: str, members: list[_Obs], s0: int, lq: str, prev: list[_Obs], prev_any: _Obs | None
                   ) -> tuple[str, str, str, str]:
    first, last = members[0], members[-1]
    after_pos = last.num.unit_end
    after = text[after_pos:]
    # "four of the five high-risk missions"
    m = re.match(r"\s+of\s+the\s+(?:\w+\s+)?", after)
    if m and re.match(r"\s+of\s+the\s+(?:\d+|" + "|".join(
            ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]) + r")\b", after):
        mm = re.match(r"\s+of\s+the\s+\S+\s+", after)
        np_, _ = _noun_phrase(text, after_pos + mm.end())
        np_ = _strip_det(np_)
        return f"subset of {np_}", np_, "count", _unit_of(np_)
    np_, end = _noun_phrase(text, after_pos)
    if not np_ and len(members) > 1:  # "14 meetings in 2021, up from 9 in 2020": the noun follows the first
        np_, end = _noun_phrase(text, first.num.unit_end)
    np_ = _strip_det(np_)
    rate = None
    if np_:
        rm = re.match(r"\s+(?:per|a|each)\s+(month|year|week|day|annum|quarter)\b", text[end:])
        if rm:
            rate = rm.group(1).replace("annum", "year")
        head = re.split(r"\s+for\s+", np_, maxsplit=1)[0]
        part = _participle_after(text, end)
        verb = _verb_before(text, first.num.start)
        ofm = re.search(r"\b(?P<n>[a-z][\w-]*(?:tions?|sions?|ments?|ing|ances?|ences?|als?|ures?)|deaths|lives|"
                        r"loss|losses)\s+of\s+(?:the\s+)?$", QUAL_END.sub("", text[s0:first.num.start]))
        label = np_
        if ofm and ofm.group("n") not in STOP and ofm.group("n") not in ("total", "up", "made", "out", "part", "number", "maximum", "minimum", "average", "group", "some",
                                         "one", "more", "each", "all", "any", "none", "out", "most", "many",
                                         "low", "high", "record", "sum", "list", "set", "series", "range",
                                         "consisting", "composed", "made", "comprised", "capitals"):
            label = f"{ofm.group('n')} of {np_}"
        if part:
            label = f"{label} {part}"
        elif verb:
            label = f"{label} {verb}"
        unit = _unit_of(np_)
        if rate:
            label = f"{label} per {rate}"
            return label, head, "rate", f"{unit} per {rate}"
        return label, head, "count", unit
    # elliptical: "while 17 signed unilateral declarations", "53 for explosive ordnance disposal units"
    base = prev[-1] if prev else prev_any
    pp = re.match(r"\s+(for|in|to|at|with|among|from)\s+", after)
    if base is not None and base.kind in ("count", "rate") and pp and pp.group(1) != "from":
        np2, _ = _noun_phrase(text, after_pos + pp.end())
        if np2 and not re.match(r"\d|more|over|about", np2):
            return f"{base.head} {pp.group(1)} {_strip_det(np2)}", base.head, "count", base.unit or "items"
    vm = re.match(r"\s+(?:have\s+|has\s+|had\s+|were\s+|was\s+)?(?:been\s+)?([a-z]+(?:ed|en|wn|ld|ght|ook))\b"
                  r"((?:\s+(?!to\b|in\b|by\b|for\b|with\b|from\b|at\b|on\b|and\b)[a-z][\w-]*){0,3})", after)
    if base is not None and base.kind in ("count", "rate") and vm:
        pred = (vm.group(1) + vm.group(2)).strip()
        return f"{base.head} {pred}", base.head, "count", base.unit or "items"
    subj = _subject_before(text, s0, s0 + len(re.sub(
        r"\s+(?:is|are|was|were|stood|remained|reached|totalled|numbered)\s+(?:at\s+)?(?:a\s+[\w\s]+?\s+of\s+)?$",
        "", lq)))
    if re.search(r"\s(?:is|are|was|were|stood|remained|reached|totalled|numbered)\s", lq[-80:] + " ") and subj:
        return subj, subj, "count", _unit_of(subj)
    if base is not None and base.kind in ("count", "rate"):
        return base.head, base.head, "count", base.unit or "items"
    return subj or "count", subj, "count", "items"


# ------------------------------------------------------------------------------------------- periods

def _chunk_bounds(text: str, s0: int, s1: int, pos: int, end: int) -> tuple[int, int]:
    """The comma-delimited stretch of the sentence around the number at ``pos``-``end``."""
    a = max((m.end() for m in re.finditer(r"[,;:](?!\d{3})", text[s0:pos])), default=0) + s0
    m = re.search(r"[,;:](?!\d{3})", text[end:s1])
    b = end + m.start() if m else s1
    return a, b


def _period(text: str, o: _Obs, periods: list[Period], sents: list[tuple[int, int]], obs: list[_Obs]) -> None:
    n = o.num
    s0, s1 = _sentence_span(sents, n.start)
    a, b = _chunk_bounds(text, s0, s1, n.start, n.unit_end)
    chosen: Period | None = None
    following = [p for p in periods if p.start >= n.unit_end and p.end <= b and p.start - n.unit_end <= 120]
    if o.change:
        # a change followed by its chain: "reduced by about 40 per cent, from 646 days in 2017 ... to 375 days in 2019"
        chain = [x for x in obs if x.group != o.group and x.measure and x.head == o.head and not x.change
                 and s0 <= x.num.start <= s1 and x.period is not None]
        own = following[0] if following else None
        if own is None and len(chain) >= 2:
            ps, pe = chain[0].period, chain[-1].period
            o.period = ps
            o.period_text = f"{ps.text}–{pe.text}"
            o.period_start, o.period_end = ps.start_iso, pe.end_iso
            return
    if following:
        chosen = following[0]
    else:
        same_chunk = [p for p in periods if a <= p.start and p.end <= n.start]
        if same_chunk:
            chosen = same_chunk[-1]
        elif re.match(r"\s*(?:including|of whom|of which|among them|involving|comprising|bringing)\b", text[a:n.start]):
            # an elaboration of the clause before: "... in February 2019, including three ..."
            before = [p for p in periods if s0 <= p.start and p.end <= a]
            chosen = before[-1] if before else fronted_period(text, s0, n.start, periods)
        else:
            chosen = fronted_period(text, s0, n.start, periods)
    if chosen is None and o.change and o.period is None:
        chain = [x for x in obs if x.head == o.head and not x.change and s0 <= x.num.start <= s1 and x.period]
        if len(chain) >= 2:
            ps, pe = chain[0].period, chain[-1].period
            o.period, o.period_text = ps, f"{ps.text}–{pe.text}"
            o.period_start, o.period_end = ps.start_iso, pe.end_iso
            return
    if chosen is not None:
        o.period = chosen
        lead = chosen.lead.lower()
        o.period_text = (f"{lead} {chosen.text}" if lead in ("as at", "as of", "since", "by", "until",
                                                               "before", "after", "starting", "starting in")
                         else chosen.text)
        o.period_start, o.period_end = chosen.start_iso, chosen.end_iso


# --------------------------------------------------------------------------------------------- about

def _about(text: str, obs: list[_Obs], groups: list[list[int]], mentions: list[Mention],
           sents: list[tuple[int, int]]) -> None:
    ents = sorted((m for m in mentions if m.entity.kind in ("operation", "country")), key=lambda m: m.start)
    if not ents:
        return
    for g in groups:
        members = [obs[i] for i in g]
        s0, s1 = _sentence_span(sents, members[0].num.start)
        in_sent = [m for m in ents if s0 <= m.start < s1]
        # "MINUSMA (11 fatalities)"
        for o in members:
            m = re.search(r"\(\s*$", text[max(s0, o.num.start - 3):o.num.start])
            if m:
                before = [x for x in in_sent if x.end <= o.num.start and text[x.end:o.num.start].strip() == "("]
                if before:
                    o.about = (before[-1].entity,)
        if all(o.about for o in members):
            continue
        # "In MINUSCA and MINUSMA, ... engaged 1,548 and 2,209 women, respectively"
        tail = text[members[-1].num.unit_end:s1]
        if len(members) > 1 and re.search(r"\brespectively\b", tail[:120]):
            ops = _distinct([x for x in in_sent if x.end <= members[0].num.start])
            if len(ops) == len(members):
                for o, e in zip(members, ops):
                    o.about = (e,)
                continue
        # otherwise: the operations (else the countries) named in the number's clause
        ca = max((mm.end() for mm in re.finditer(r";", text[s0:members[0].num.start])), default=0) + s0
        cb_m = re.search(r";", text[members[-1].num.end:s1])
        cb = members[-1].num.end + cb_m.start() if cb_m else s1
        clause = [x for x in in_sent if ca <= x.start < cb]
        ops = _distinct([x for x in clause if x.entity.kind == "operation"]) or \
            _distinct([x for x in clause if x.entity.kind == "country"])
        for o in members:
            if not o.about:
                o.about = tuple(ops)


def _distinct(ms: list[Mention]) -> list[EntityRef]:
    out: list[EntityRef] = []
    for m in ms:
        if m.entity not in out:
            out.append(m.entity)
    return out


# --------------------------------------------------------------------------------------------- quote

def _quote(text: str, sents: list[tuple[int, int]], o: _Obs) -> str:
    s0, s1 = _sentence_span(sents, o.num.start)
    if s1 - s0 <= 300:
        return text[s0:s1]
    a = max((m.end() for m in re.finditer(r";", text[s0:o.num.start])), default=0) + s0
    m = re.search(r";", text[o.num.end:s1])
    b = o.num.end + m.start() if m else s1
    if b - a <= 300:
        return text[a:b].strip()
    lo = max(a, o.num.start - 150)
    hi = min(b, o.num.unit_end + 150)
    if lo > a:
        sp = text.find(" ", lo)
        lo = sp + 1 if 0 <= sp < o.num.start else lo
    if hi < b:
        sp = text.rfind(" ", o.num.unit_end, hi)
        hi = sp if sp > o.num.unit_end else hi
    return text[lo:hi].strip(" ,;")
