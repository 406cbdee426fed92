"""Numbers and periods in report prose: where they are, what they are worth, what they delimit.

Text-level only (no knowledge of measures): :func:`find_periods` finds period expressions ("in 2017",
"from 1 January to 26 August 2019", "as at August 2019", "the first eight months of 2019") and resolves them
to ISO start/end; :func:`find_numbers` finds the quantities that are not dates, labels or document numbers.

>>> t = "fatalities fell from 58 in 2017 to 27 in 2018 and 21 from 1 January to 26 August 2019"
>>> [(p.text, p.start_iso, p.end_iso) for p in find_periods(t)]
[('2017', '2017', '2017'), ('2018', '2018', '2018'), ('1 January to 26 August 2019', '2019-01-01', '2019-08-26')]
>>> [(n.surface, n.value) for n in find_numbers(t, find_periods(t))]
[('58', Decimal('58')), ('27', Decimal('27')), ('21', Decimal('21'))]
>>> [(n.surface, n.value, n.unit) for n in find_numbers("an additional $216 million of dues and 15.3 per cent", [])]
[('$216 million', Decimal('216000000'), 'USD'), ('15.3', Decimal('15.3'), 'percent')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

__all__ = [
    "Period", "Number", "find_periods", "find_numbers", "sentences", "word_value", "MONTHS",
    "NUMBER_WORDS", "ORDINAL_WORDS", "MULTIPLIERS", "ADVERBIAL", "fronted_period",
]

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
YEAR = r"(?:19\d\d|20\d\d)"

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
ORDINAL_WORDS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12,
}
MULTIPLIERS = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4, "quintupled": 5}
SCALES = {"thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
#: nouns an ordinal counts ("a fourth iteration of the plan"); "first time", "first anniversary" are not counts
ORDINAL_NOUNS = r"(?:iteration|edition|version|round|generation|revision|update)s?"
#: words before a number that make it a label, not a quantity ("Goal 16", "level 2", "category 1")
LABEL_WORDS = (r"(?:Goals?|SDGs?|goals?|[Ff]igures?|[Tt]ables?|[Pp]aragraphs?|paras?\.?|[Cc]hapters?|[Ss]ections?|"
               r"[Aa]nnex(?:es)?|[Ll]evels?|[Cc]ategor(?:y|ies)|[Gg]rades?|[Tt]iers?|[Pp]hases?|[Ii]tems?|"
               r"[Aa]rticles?|[Rr]esolutions?|[Dd]ecisions?|[Rr]ules?|No\.|[Pp]ages?|[Ff]ootnotes?|"
               r"[Vv]olumes?|[Rr]ecommendations?|[Oo]ption|[Pp]illar)")
UNIT_WORDS = {"day": "days", "days": "days", "week": "weeks", "weeks": "weeks", "month": "months",
              "months": "months", "year": "years", "years": "years", "hour": "hours", "hours": "hours"}

PREP = r"(?:in|since|from|by|until|till|during|throughout|before|after|as at|as of|through|for|over|at|between|to|starting in|starting|beginning in|ending in|within|of)"


@dataclass(frozen=True)
class Period:
    start: int
    end: int
    text: str  # the expression without its leading preposition ("1 January to 26 August 2019")
    start_iso: str | None
    end_iso: str | None
    lead: str = ""  # the preposition before it ("in", "since", "as at", "by")


@dataclass(frozen=True)
class Number:
    start: int
    end: int  # the surface: "90,000", "$216 million", "two", "fourth", "quadrupled"
    surface: str
    value: Decimal
    unit: str | None  # "percent", "USD", "days", ...; None: a count whose unit is the noun after it
    unit_end: int  # end of the unit text ("per cent", "million"), == end when none
    kind: str  # "number", "word", "ordinal", "compound" ("one-year", "12-member"), "all", "multiplier", "ratio"


# --------------------------------------------------------------------------------------------- sentences

_ABBREV = re.compile(r"(?:\b(?:e\.g|i\.e|etc|No|Nos|Mr|Mrs|Ms|Dr|St|vs|approx|Add|Corr|Rev|para|paras|cf)\.|"
                     r"\b[A-Z]\.)$")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of a paragraph (end exclusive, trailing space excluded).

    >>> t = "First one (e.g., this). Second, 2.5 per cent. Third"
    >>> [t[a:b] for a, b in sentences(t)]
    ['First one (e.g., this).', 'Second, 2.5 per cent.', 'Third']
    """
    spans = []
    start = 0
    for m in re.finditer(r"[.!?][\"”’)]?(?=\s+[A-Z“\"(‘0-9$])", text):
        if _ABBREV.search(text[max(0, m.start() - 8):m.start() + 1]):
            continue
        end = m.end()
        spans.append((start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        end = len(text.rstrip())
        if end > start:
            spans.append((start, end))
    return spans


# ----------------------------------------------------------------------------------------------- periods

def _month(name: str) -> int:
    return MONTHS.index(name.lower()) + 1


def _ym(year: int | None, month: int | None, day: int | None = None) -> str | None:
    if year is None:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _year_for(month: int, ref: tuple[int, int] | None) -> int | None:
    """Year of a month named without one: the report's year, or the one before for a later month."""
    if ref is None:
        return None
    year, ref_month = ref
    return year if month <= ref_month else year - 1



def _point(text: str, ref: tuple[int, int] | None) -> tuple[str | None, str | None] | None:
    """ISO (start, end) of a point expression: "26 August 2019", "March 2018", "2017", "mid-October"."""
    text = text.strip()
    m = re.fullmatch(rf"(?:(\d{{1,2}})\s+)?(?:(?:mid-|early |late |the end of |end of |the beginning of |"
                     rf"beginning of |the start of |start of )?({MONTH}))?,?\s*({YEAR})?", text)
    if not m or not (m.group(2) or m.group(3)):
        m2 = re.fullmatch(rf"(?:mid-|early |late |the end of |end of )({YEAR})", text)
        if m2:
            return m2.group(1), m2.group(1)
        m3 = re.fullmatch(rf"({YEAR})/(\d\d)", text)
        if m3:  # a peacekeeping fiscal year, July to June
            y = int(m3.group(1))
            return f"{y:04d}-07", f"{y + 1:04d}-06"
        return None
    day = int(m.group(1)) if m.group(1) else None
    month = _month(m.group(2)) if m.group(2) else None
    year = int(m.group(3)) if m.group(3) else (_year_for(month, ref) if month else None)
    iso = _ym(year, month, day if month else None)
    return iso, iso


_FIRST_N = (r"(?:the\s+)?(?P<which>first|last|past|next|previous|coming|initial|final)\s+(?P<n>\w+(?:-\w+)?\s+)?"
            r"(?P<unit>years?|months?|weeks?|days?|quarters?|cycles?|half|halves)(?:\s+of\s+(?P<year>" + YEAR + r"))?")

_RANGE = (rf"(?:(?:\d{{1,2}}\s+)?{MONTH}(?:\s+{YEAR})?|{YEAR})\s*(?:to|and|–|-|until|through)\s*"
          rf"(?:(?:\d{{1,2}}\s+)?{MONTH}(?:\s+{YEAR})?|{YEAR})")
_POINT_RE = (rf"(?:\d{{1,2}}\s+{MONTH}\s+{YEAR}|(?:mid-|early |late |the end of |end of |the beginning of |"
             rf"the start of )?{MONTH}(?:\s+{YEAR})?|(?:mid-|early |late |the end of |end of ){YEAR}|{YEAR}/\d\d|{YEAR})")

_PERIOD_RE = re.compile(
    rf"(?P<lead>\b(?:[Ff]rom|[Bb]etween)\s+)(?P<range>{_RANGE})"
    rf"|(?P<pastyear>\b(?:[Dd]uring|[Oo]ver|[Ii]n)\s+the\s+(?:past|last|previous)\s+year\b)"
    rf"|(?P<lead2>\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Dd]uring|[Tt]hroughout|[Bb]efore|[Aa]fter|[Aa]s at|[Aa]s of|"
    rf"[Ff]or|[Oo]ver|[Aa]t|[Ss]tarting in|[Ss]tarting|[Bb]eginning in|[Tt]hrough|[Oo]f|[Ff]rom|[Tt]o|"
    rf"[Ww]ithin|[Ee]nding in|[Uu]p to)\s+)?(?P<first>{_FIRST_N})"
    rf"|(?P<lead3>\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Dd]uring|[Tt]hroughout|[Bb]efore|[Aa]fter|[Aa]s at|[Aa]s of|"
    rf"[Ff]or|[Aa]t|[Ss]tarting in|[Ss]tarting|[Bb]eginning in|[Tt]hrough|[Ff]rom|[Tt]o|[Ee]nding in|[Oo]n)\s+)"
    rf"(?P<range2>{YEAR}\s*[–-]\s*{YEAR}|{YEAR}\s+and\s+{YEAR})"
    rf"|(?P<lead4>\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Dd]uring|[Tt]hroughout|[Bb]efore|[Aa]fter|[Aa]s at|[Aa]s of|"
    rf"[Ff]or|[Aa]t|[Ss]tarting in|[Ss]tarting|[Bb]eginning in|[Tt]hrough|[Ff]rom|[Tt]o|[Ee]nding in|[Oo]n|"
    rf"[Oo]f|[Uu]ntil)\s+)?(?P<point>{_POINT_RE})(?![\w/])"
    rf"|(?P<writing>\b[Aa]t the time of writing\b)"
)


def find_periods(text: str, report_date: str | None = None) -> list[Period]:
    """Period expressions in ``text`` (see :func:`_find_periods`; cached, as several extractors ask)."""
    return list(_find_periods(text, report_date))


@lru_cache(maxsize=512)
def _find_periods(text: str, report_date: str | None = None) -> tuple[Period, ...]:
    """Period expressions in ``text``, resolved against the report's date where the text omits the year.

    >>> [(p.lead, p.text, p.start_iso, p.end_iso) for p in find_periods(
    ...     "As at mid-October, 4 in the first eight months of 2019 since January 2018", "2019-11-05")]
    [('As at', 'mid-October', '2019-10', '2019-10'), ('in', 'the first eight months of 2019', '2019-01', '2019-08'), ('since', 'January 2018', '2018-01', None)]
    """
    ref = None
    if report_date and re.match(r"\d{4}-\d\d", report_date):
        ref = (int(report_date[:4]), int(report_date[5:7]))
    out: list[Period] = []
    for m in _PERIOD_RE.finditer(text):
        lead = (m.group("lead") or m.group("lead2") or m.group("lead3") or m.group("lead4") or "").strip()
        start_iso = end_iso = None
        if m.group("range"):
            core = m.group("range")
            parts = re.split(r"\s*(?:\bto\b|\band\b|–|-|\buntil\b|\bthrough\b)\s*", core, maxsplit=1)
            a = parts[0]
            b = parts[1] if len(parts) > 1 else parts[0]
            pb = _point(b, ref)
            year_b = int(pb[1][:4]) if pb and pb[1] else None
            if re.search(YEAR, a) is None and year_b is not None:
                ma = re.search(MONTH, a)
                mb = re.search(MONTH, b)
                ya = year_b - 1 if ma and mb and _month(ma.group(0)) > _month(mb.group(0)) else year_b
                a = f"{a} {ya}"
            pa = _point(a, ref)
            start_iso = pa[0] if pa else None
            end_iso = pb[1] if pb else None
            s, e = m.start("range"), m.end("range")
        elif m.group("first"):
            s, e = m.start("first"), m.end("first")
            which, unit = m.group("which").lower(), m.group("unit").lower()
            n = m.group("n").strip() if m.group("n") else None
            count = word_value(n) if n else 1
            if n and count is None:
                continue  # "the first national plan": no period
            if unit in ("half", "halves"):
                count, unit = 6 * (count or 1), "months"
            year = int(m.group("year")) if m.group("year") else None
            if year and unit.startswith("month") and which in ("first", "initial") and count:
                start_iso, end_iso = f"{year:04d}-01", f"{year:04d}-{min(int(count), 12):02d}"
            elif year and unit.startswith("month") and which in ("last", "final") and count:
                start_iso, end_iso = f"{year:04d}-{13 - min(int(count), 12):02d}", f"{year:04d}-12"
            elif ref and which in ("past", "last", "previous") and unit.startswith("year") and count:
                start_iso, end_iso = f"{ref[0] - int(count):04d}", f"{ref[0]:04d}"
            elif year:
                start_iso = end_iso = f"{year:04d}"
            if not m.group("year") and not n and unit.startswith(("year", "month", "week", "day")):
                continue  # "the first year" alone: too vague to be useful, and no number to hide
        elif m.group("range2"):
            s, e = m.start("range2"), m.end("range2")
            years = re.findall(YEAR, m.group("range2"))
            start_iso, end_iso = years[0], years[-1]
        elif m.group("point"):
            s, e = m.start("point"), m.end("point")
            core = m.group("point")
            if not lead:
                # a bare year or month is a period only after a preposition or as "2019/20";
                # "the 2017 review", "2030 Agenda", "strategy 2018–2028" are names, not periods
                if not re.fullmatch(rf"\d{{1,2}}\s+{MONTH}\s+{YEAR}|{MONTH}\s+{YEAR}|{YEAR}/\d\d", core):
                    continue
            if lead.lower() == "of" and not re.search(MONTH, core):
                continue  # "policy of 2015"
            if lead.lower() in ("on", "to") and not re.search(MONTH, core):
                continue
            p = _point(core, ref)
            if p is None:
                continue
            start_iso, end_iso = p
            if lead.lower() in ("since", "starting", "starting in", "beginning in", "after", "from"):
                end_iso = None
            elif lead.lower() in ("by", "until", "before", "up to"):
                start_iso = None
        elif m.group("writing"):
            s, e = m.start("writing"), m.end("writing")
            lead = ""
            start_iso = end_iso = report_date
        else:
            s, e = m.start("pastyear"), m.end("pastyear")
            lead = ""
            if ref:
                start_iso, end_iso = f"{ref[0] - 1:04d}", f"{ref[0]:04d}"
        out.append(Period(start=s, end=e, text=text[s:e], start_iso=start_iso, end_iso=end_iso, lead=lead))
    return tuple(out)


ADVERBIAL = re.compile(r"(?i)^(?:In|As|Since|For|With|Over|During|After|Before|Although|While|Despite|Following|"
                       r"Among|To|Under|On|At|By|From|Between|Through|Throughout|Overall|Moreover|Furthermore|"
                       r"However|Meanwhile|Similarly|Likewise|Also|Additionally|In addition|Thus|Therefore|"
                       r"Consequently|Accordingly|Nevertheless|Subsequently|Recently|Currently|Today|Again|"
                       r"First|Second|Third|Finally|Lastly|Notably|Indeed|Yet|Still|Despite|Notwithstanding|"
                       r"Partly|Largely|Mainly|Together|Unlike|Like|Based|Given|According)\b")


def fronted_period(text: str, s0: int, pos: int, periods: list[Period]) -> Period | None:
    """A period in the sentence's fronted adverbials: "In 2019, ...", "As shown in figure III, in 2019, ..."."""
    sent = text[s0:pos]
    chunks = []
    start = 0
    for m in re.finditer(r",\s+", sent):
        chunks.append((start, m.start()))
        start = m.end()
    best = None
    since = False
    for a, b in chunks:
        chunk = sent[a:b]
        if not (ADVERBIAL.match(chunk) or re.match(r"(?:in|since|as at|as of|from|between|during|over)\b", chunk)):
            break
        inside = [p for p in periods if s0 + a <= p.start and p.end <= s0 + b]
        if inside:
            best = inside[-1]
            since = chunk.startswith("Since") and not best.lead.lower().startswith("since")
    if best is not None and since:
        return Period(best.start, best.end, best.text, best.start_iso, None, "since")
    return best


# ----------------------------------------------------------------------------------------------- numbers

def word_value(word: str | None) -> int | None:
    """Value of a number word: "two" -> 2, "Sixteen" -> 16, "twenty-five" -> 25; None otherwise."""
    if not word:
        return None
    w = word.lower().strip()
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    if "-" in w:
        a, b = w.split("-", 1)
        if a in NUMBER_WORDS and NUMBER_WORDS[a] >= 20 and b in NUMBER_WORDS and NUMBER_WORDS[b] < 10:
            return NUMBER_WORDS[a] + NUMBER_WORDS[b]
    if w.isdigit():
        return int(w)
    return None


_WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_NUM_RE = re.compile(
    r"(?P<money>(?:(?:US\s?)?\$|USD\s|US dollars\s)\s?(?P<mval>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s(?P<mscale>thousand|million|billion|trillion)\b)?)"
    r"|(?<![\w/.\-–])(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w/]|\.\d|-(?:\d))"
    rf"|\b(?P<word>(?:{_WORDS})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)\b(?!-(?:stop|tenth|third))"
    rf"|\b(?P<ordinal>{'|'.join(ORDINAL_WORDS)})\s+(?={ORDINAL_NOUNS}\b)"
    rf"|\b(?P<mult>{'|'.join(MULTIPLIERS)})\b"
    r"|\b(?P<all>[Aa]ll)\s+(?=(?:new\s+)?[a-z])",
)
_WORD_RE_I = re.compile(rf"\b(?P<word>(?:{_WORDS})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)\b",
                        re.I)
_UNIT_AFTER = re.compile(
    r"(?P<pts>\s(?:percentage|per cent|percent) points?\b)"
    r"|(?P<pct>\s?(?:per\s?cent|percent|%))"
    r"|(?P<scale>\s(?:thousand|million|billion|trillion)\b)"
    r"|-(?P<compound>(?:year|month|week|day|hour|member|person|man|strong)s?)(?:-long)?\b"
    r"|(?P<badhyphen>-[a-z])",
)
_ONE_REJECT = re.compile(r"^\s+(?:of|or|and|another|by|hand|side|way|day|to|in|on|at|with|that|which|who|is|was|"
                         r"the|a|an|but|thing|such|another)\b")


def _is_sentence_start(text: str, i: int) -> bool:
    before = text[:i].rstrip()
    return not before or before[-1] in ".!?:;“\"(‘" or before.endswith(("—", "–"))


def _label_before(text: str, i: int) -> bool:
    before = text[max(0, i - 40):i]
    return bool(re.search(rf"\b{LABEL_WORDS}\s*$", before))


def _label_list_before(text: str, i: int, labels: set[int]) -> bool:
    """A number continuing a list of labels: "levels 2 and 3", "categories 1 (from 166) and 2"."""
    before = text[:i]
    before = re.sub(r"\s*(?:,|\band\b|\bor\b|\bto\b|–|-)\s*$", "", before)
    before = re.sub(r"\s*\([^()]*\)\s*$", "", before)
    m = re.search(r"(\d+)\s*$", before)
    return bool(m and m.start(1) in labels)


def find_numbers(text: str, periods: list[Period]) -> list[Number]:
    """Quantities in ``text``; numbers inside ``periods``, dates, years, labels and symbols are left out.

    >>> [(n.surface, n.value, n.unit, n.kind) for n in find_numbers(
    ...     "Sixteen commanders signed; the Group of Five; P-5 posts; a one-year timeline; at least one goal;"
    ...     " a fourth iteration; resolution 73/293 and Goal 16; levels 2 and 3; by three to one", [])]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Sixteen', Decimal('16'), None, 'word'), ('one', Decimal('1'), 'years', 'compound'),
     ('fourth', Decimal('4'), None, 'ordinal'), ('three', Decimal('3'), 'to one', 'ratio')]
    """
    taken = [(p.start, p.end) for p in periods]
    urls = [(m.start(), m.end()) for m in re.finditer(r"<?https?://\S+|www\.\S+", text)]
    blocked = taken + urls

    def inside(s: int, e: int) -> bool:
        return any(a <= s and e <= b for a, b in blocked)

    out: list[Number] = []
    labels: set[int] = set()
    matches = list(_NUM_RE.finditer(text))
    matches += [m for m in _WORD_RE_I.finditer(text)
                if m.group("word")[0].isupper() and not any(x.start() == m.start() for x in matches)]
    matches.sort(key=lambda m: m.start())
    for m in matches:
        s, e = m.span()
        kind = "number"
        unit = None
        if m.groupdict().get("money"):
            val = Decimal(m.group("mval").replace(",", ""))
            if m.group("mscale"):
                val *= SCALES[m.group("mscale")]
            unit = "USD"
            if inside(s, e):
                continue
            out.append(Number(s, e, text[s:e], val, unit, e, "money"))
            continue
        if m.groupdict().get("digits"):
            raw = m.group("digits")
            if inside(s, e):
                continue
            if _label_before(text, s) or _label_list_before(text, s, labels):
                labels.add(s)
                continue
            after = text[e:e + 30]
            if re.fullmatch(YEAR, raw) and not re.match(r"\s?(?:per\s?cent|percent|%)", after):
                continue  # a year used as a date or a name
            if re.match(rf"\s+{MONTH}\b", after) and int(raw.split(".")[0]) <= 31:
                continue  # a day of a date
            if re.match(r"\s*\(\d{4}\)", after):
                continue  # resolution 1325 (2000)
            if re.match(r"-(?:degree|year-old|point|page)", after):
                continue
            val = Decimal(raw.replace(",", ""))
        elif m.groupdict().get("word"):
            raw = m.group("word")
            if inside(s, e):
                continue
            if raw[0].isupper() and not _is_sentence_start(text, s):
                continue  # "the Group of Five"
            v = word_value(raw)
            if v is None:
                continue
            after = text[e:]
            before = text[max(0, s - 30):s]
            if re.match(r"-(?:stop|tenth|third|fold|way|off|sided)", after):
                continue
            if re.match(r"[\s-]+(?:thirds?|quarters?|fifths?|halves|tenths?)\b", after):
                continue  # a fraction ("two thirds of"), not a count
            if raw.lower() == "one":
                if re.search(r"(?:at least|no|any|every|each|the|this|that|only the)\s+$", before, re.I) and \
                        not re.search(r"only\s+$", before):
                    continue
                if re.search(r"\bto\s+$", before) and re.search(r"\w+\s+to\s+$", before):
                    if re.search(rf"(?:{_WORDS}|\d)\s+to\s+$", before, re.I):
                        continue  # "three to one": the ratio's base
                if _ONE_REJECT.match(after) and not _in_word_list(text, s, e):
                    continue
                if re.match(r"\s*(?:,|\.|;|\))", after):
                    continue  # "... one." as a pronoun
            else:
                if re.search(r"\b(?:these|those|the)\s+$", before, re.I) and v == 2 and \
                        re.search(r"\bthe\s+$|\bthese\s+$|\bthose\s+$", before, re.I):
                    continue  # "the two organizations": a pair referred back to, not counted
                if re.match(r"\s+(?:of|or|and|to|by|in|on|at|for|with)\b", after) and \
                        not _in_word_list(text, s, e) and not re.match(r"\s+of\s+the\s+", after) and \
                        not re.match(r"\s+to\s+one\b", after):
                    if not re.match(r"\s+(?:of)\s+(?:these|them|those|which|whom|its|their)\b", after):
                        continue
            val = Decimal(v)
            kind = "word"
        elif m.groupdict().get("ordinal"):
            if inside(s, m.end("ordinal")):
                continue
            e = m.end("ordinal")
            out.append(Number(s, e, text[s:e], Decimal(ORDINAL_WORDS[m.group("ordinal").lower()]), None, e,
                              "ordinal"))
            continue
        elif m.groupdict().get("mult"):
            out.append(Number(s, e, text[s:e], Decimal(MULTIPLIERS[m.group("mult").lower()]), "times", e,
                              "multiplier"))
            continue
        elif m.groupdict().get("all"):
            e = m.end("all")
            sent = _sentence_at(text, s)
            rest = text[e:sent[1]]
            cm = re.search(r"\bcompared (?:with|to)\s+(?:only\s+|just\s+)?\d+(?:\.\d+)?\s?(?:per\s?cent|percent|%)", rest)
            if cm is None or re.match(r"\s+(?:" + _WORDS + r"|\d)", text[e:], re.I):
                continue
            out.append(Number(s, e, text[s:e], Decimal(100), "percent", e, "all"))
            continue
        else:
            continue
        # the unit after the number
        ua = _UNIT_AFTER.match(text, e)
        unit_end = e
        if ua:
            if ua.group("pts"):
                unit, unit_end = "percentage points", ua.end()
            elif ua.group("pct"):
                unit, unit_end = "percent", ua.end()
            elif ua.group("scale"):
                val *= SCALES[ua.group("scale").strip()]
                e = unit_end = ua.end()
            elif ua.group("compound"):
                word = ua.group("compound").lower().rstrip("s")
                unit = UNIT_WORDS.get(word) or UNIT_WORDS.get(word + "s") or \
                    {"member": "members", "person": "persons", "man": "persons", "strong": "persons"}.get(word)
                unit_end = ua.end()
                kind = "compound"
            elif ua.group("badhyphen"):
                continue  # "360-degree", "one-stop"
        if unit is None and kind != "compound":
            du = re.match(r"\s+(days?|weeks?|months?|years?|hours?)\b", text[e:])
            if du:
                unit, unit_end = UNIT_WORDS[du.group(1).lower()], e + du.end()
        if re.match(r"\s+to\s+one\b", text[e:]):
            unit, kind = "to one", "ratio"
            unit_end = e + re.match(r"\s+to\s+one\b", text[e:]).end()
        out.append(Number(s, e, text[s:e], val, unit, unit_end, kind))
    return _inherit_list_units(text, out)


def _in_word_list(text: str, s: int, e: int) -> bool:
    """A number word in an elliptical list: "two for African ..., one for Asian ... and one for ..."."""
    nxt = re.match(r"\s+(\w+)", text[e:])
    if not nxt:
        return False
    word = nxt.group(1)
    sent = _sentence_at(text, s)
    pattern = re.compile(rf"\b(?:{_WORDS}|\d+)\s+{re.escape(word)}\b", re.I)
    hits = [m for m in pattern.finditer(text, sent[0], sent[1])]
    return len(hits) >= 2


def _sentence_at(text: str, i: int) -> tuple[int, int]:
    for a, b in sentences(text):
        if a <= i < b + 1:
            return a, b
    return 0, len(text)


def _inherit_list_units(text: str, nums: list[Number]) -> list[Number]:
    """"91, 99 and 100 per cent", "from 20 to 30 per cent": the bare numbers of a list take the last one's unit."""
    out = list(nums)
    for i in range(len(out) - 1, 0, -1):
        cur, prev = out[i], out[i - 1]
        if cur.unit is None or prev.unit is not None or prev.kind not in ("number", "word"):
            continue
        gap = text[prev.unit_end:cur.start]
        if re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or|to|and\s+from|-|–)\s*(?:over\s+|about\s+|nearly\s+|almost\s+)?", gap):
            out[i - 1] = Number(prev.start, prev.end, prev.surface, prev.value, cur.unit, prev.unit_end,
                                prev.kind)
    return out
