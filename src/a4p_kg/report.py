"""Parse a report's text into its document structure: header, sections, paragraphs, figures, footnotes.

No RDF here: the result is plain dataclasses that :mod:`a4p_kg.emit` turns into triples.

>>> text = '''General Assembly
...
... 5 November 2019
...
... Seventy-fourth session
...
... Agenda item 52
...
... Review of peacekeeping
...
... A small report
...
... Report of the Secretary-General
...
... Summary
...
... The present report summarizes.
...
... I. Context
...
... 1. Peacekeeping helped. The Mission continued its
...
... work in 2019.
... '''
>>> r = parse_text(text, source="example.txt")
>>> r.meta.date, r.meta.session, r.meta.agenda_item, r.meta.title
('2019-11-05', 74, '52', 'A small report')
>>> [(p.number, p.text) for p in r.paragraphs]
[(0, 'The present report summarizes.'), (1, 'Peacekeeping helped. The Mission continued its work in 2019.')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BadInput

__all__ = [
    "ReportMeta", "Section", "Subheading", "Paragraph", "Figure", "Footnote", "ParsedReport",
    "parse_text", "parse_file", "read_text", "unescape_markdown",
]

ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
SECTION_RE = re.compile(rf"^(?P<num>{ROMAN})\.\s+(?P<title>\S.*)$")
SUBSECTION_RE = re.compile(r"^(?P<num>[A-Z])\.\s+(?P<title>\S.*)$")
NUMBERED_RE = re.compile(r"^(?P<num>\d{1,3})\.\s+(?P<rest>\S.*)$")
FIGURE_RE = re.compile(rf"^Figure\s+(?P<num>{ROMAN})\s*$")
FIG_META_RE = re.compile(r"^(?P<kind>Sources?|Notes?|Abbreviations?)\s*:\s*(?P<text>.*)$")
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
FOOTNOTE_RE = re.compile(rf"^(?P<marker>[{SUPERSCRIPTS}]+|\*)\s+(?P<text>\S.*)$")
TERMINAL = tuple('.:;!?"”’)')
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
DATE_RE = re.compile(r"^(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})$")
UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
         "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
         "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
         "nineteenth": 19}
TENS = {"twent": 20, "thirt": 30, "fort": 40, "fift": 50, "sixt": 60, "sevent": 70, "eight": 80,
        "ninet": 90}
FIGURE_REF_RE = re.compile(rf"\bfigures?\s+(?P<nums>{ROMAN}(?:(?:,\s*|\s+and\s+){ROMAN})*)\b", re.I)


@dataclass(frozen=True)
class ReportMeta:
    """What the report's header says about it (absent fields are None)."""

    title: str | None = None
    date: str | None = None  # ISO 8601
    session: int | None = None
    agenda_item: str | None = None
    agenda_title: str | None = None
    body: str | None = None  # "General Assembly", "Security Council"
    language: str = "en"
    symbol: str | None = None  # only where the text prints it


@dataclass
class Section:
    path: tuple[str, ...]  # ("VIII",), ("VIII", "A"), ("VIII", "A", "2")
    title: str
    order: int
    first_paragraph: int | None = None
    last_paragraph: int | None = None

    @property
    def number(self) -> str:
        return self.path[-1]

    @property
    def level(self) -> int:
        return len(self.path)


@dataclass
class Subheading:
    """An unnumbered run-in heading inside a section ("Strategic force generation")."""

    title: str
    section: tuple[str, ...]
    first_paragraph: int


@dataclass
class Paragraph:
    number: int
    text: str
    section: tuple[str, ...]  # innermost section path; () for the Summary
    subheading: int | None = None  # first paragraph of its run-in heading
    figures: tuple[str, ...] = ()  # figures the text refers to ("see figure XII")


@dataclass
class Figure:
    number: str
    caption: str
    section: tuple[str, ...]
    after_paragraph: int | None
    sources: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    content: list[str] = field(default_factory=list)
    referenced_by: tuple[int, ...] = ()  # paragraphs whose text refers to it

    @property
    def paragraph(self) -> int | None:
        """The paragraph that refers to the figure, or else the one it follows."""
        return self.referenced_by[0] if self.referenced_by else self.after_paragraph


@dataclass
class Footnote:
    marker: str  # "1", "2", ... or "*"
    text: str
    paragraph: int | None  # the paragraph carrying the marker; None when it is on the title


@dataclass
class ParsedReport:
    source: str
    meta: ReportMeta
    sections: list[Section]
    subheadings: list[Subheading]
    paragraphs: list[Paragraph]
    figures: list[Figure]
    footnotes: list[Footnote]

    def paragraph(self, number: int) -> Paragraph:
        return self.paragraphs[number if self.paragraphs[0].number == 0 else number - 1]

    def section(self, path: tuple[str, ...]) -> Section:
        return next(s for s in self.sections if s.path == path)


def unescape_markdown(text: str) -> str:
    """Undo the source's markdown: ``[73/293](#)`` -> ``73/293``, ``\\$216`` -> ``$216``."""
    text = re.sub(r"\[([^\]\n]*)\]\([^)\n]*\)", r"\1", text)
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!$])", r"\1", text)


def _ordinal(word: str) -> int | None:
    w = word.lower().strip()
    if w in UNITS:
        return UNITS[w]
    for stem, tens in TENS.items():
        if w == stem + "ieth":
            return tens
        if w.startswith(stem + "y-") and w.split("-", 1)[1] in UNITS:
            return tens + UNITS[w.split("-", 1)[1]]
    return None


def read_text(path: Path) -> str:
    """Read a report file as UTF-8 text, refusing what is not a plain-text report.

    Raises:
        BadInput: missing, unreadable, empty, binary, not UTF-8, or HTML.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise BadInput(path, "no such file") from None
    except IsADirectoryError:
        raise BadInput(path, "is a directory, not a report file") from None
    except OSError as exc:
        raise BadInput(path, f"cannot be read ({exc.strerror})") from None
    if not data.strip():
        raise BadInput(path, "is empty")
    if b"\x00" in data[:65536]:
        raise BadInput(path, "is a binary file, not report text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(path, f"is not UTF-8 text (invalid byte at offset {exc.start}); "
                             "convert it to UTF-8 first") from None
    head = text.lstrip()[:2000].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or re.search(r"<(html|body|head|div|p)\b", head):
        raise BadInput(path, "is HTML/XML markup, not report text; save the report as plain text")
    return text


def parse_file(path: Path) -> ParsedReport:
    """Read and parse one report file (see :func:`parse_text`)."""
    return parse_text(read_text(path), source=str(path))


def _is_closed(text: str) -> bool:
    return text.rstrip().endswith(TERMINAL)


def _is_heading_like(line: str) -> bool:
    return len(line) <= 200 and not _is_closed(line) and line[:1].isupper()


def _parse_header(lines: list[str]) -> tuple[ReportMeta, int]:
    """Header metadata and the index of the line where the body (Summary or first section) starts."""
    body = date = agenda = agenda_title = title = symbol = None
    session = None
    language = "en"
    start = len(lines)
    nonblank: list[tuple[int, str]] = []
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        if line == "Summary" or SECTION_RE.match(line) or NUMBERED_RE.match(line):
            start = i
            break
        nonblank.append((i, line))
    for k, (_, line) in enumerate(nonblank):
        if line in ("General Assembly", "Security Council") and body is None:
            body = line
        elif (m := DATE_RE.match(line)) and date is None:
            date = f"{int(m.group(3)):04d}-{MONTHS.index(m.group(2)) + 1:02d}-{int(m.group(1)):02d}"
        elif line.startswith("Original:"):
            language = {"english": "en", "french": "fr", "spanish": "es", "arabic": "ar",
                        "chinese": "zh", "russian": "ru"}.get(line.split(":", 1)[1].strip().lower(), "en")
        elif m := re.match(r"^(\S+)\s+session$", line):
            session = _ordinal(m.group(1))
        elif m := re.match(r"^Agenda items?\s+(.+)$", line):
            agenda = m.group(1).strip()
            if k + 1 < len(nonblank):
                agenda_title = nonblank[k + 1][1]
        elif re.fullmatch(r"[AS]/\d+/\d+(?:/\S+)?", line):
            symbol = line
        elif line.startswith("Report of the Secretary-General") and k > 0:
            title = nonblank[k - 1][1]
    return ReportMeta(title=title, date=date, session=session, agenda_item=agenda,
                      agenda_title=agenda_title, body=body, language=language, symbol=symbol), start


def parse_text(text: str, *, source: str = "<text>") -> ParsedReport:
    """Parse a report's text (the layout of the Secretary-General's A4P reports).

    Args:
        text: the whole report as text.
        source: the file name, used in error messages.

    Returns:
        The parsed report; paragraph 0 is the Summary when the report has one.

    Raises:
        BadInput: no numbered paragraphs, or paragraph numbers duplicated or out of order.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    meta, start = _parse_header(lines)
    sections: list[Section] = []
    subheadings: list[Subheading] = []
    paragraphs: list[Paragraph] = []
    figures: list[Figure] = []
    footnotes: list[Footnote] = []
    path: tuple[str, ...] = ()
    chunks: dict[int, list[str]] = {}
    current_sub: int | None = None
    pending_sub: tuple[str, tuple[str, ...]] | None = None
    figure: Figure | None = None
    awaiting_caption = False
    in_summary = False
    last_para: Paragraph | None = None

    def open_para(number: int, first: str, lineno: int) -> None:
        nonlocal last_para, current_sub, pending_sub
        expected = (paragraphs[-1].number + 1) if paragraphs else None
        if any(p.number == number for p in paragraphs):
            raise BadInput(source, f"paragraph {number} appears twice (line {lineno})")
        if expected is not None and number != expected:
            raise BadInput(source, f"paragraph numbers out of order: {number} follows "
                                   f"{paragraphs[-1].number} (line {lineno})")
        if pending_sub is not None:
            subheadings.append(Subheading(pending_sub[0], pending_sub[1], number))
            current_sub = number
            pending_sub = None
        para = Paragraph(number=number, text="", section=path, subheading=current_sub)
        paragraphs.append(para)
        chunks[number] = [first]
        last_para = para

    def set_section(new_path: tuple[str, ...], title: str) -> None:
        nonlocal path, current_sub, pending_sub, figure, in_summary
        path = new_path
        sections.append(Section(path=new_path, title=title, order=len(sections) + 1))
        current_sub = None
        pending_sub = None
        figure = None
        in_summary = False

    following = _next_nonblank(lines)
    for lineno, raw in enumerate(lines[start:], start=start + 1):
        line = raw.strip()
        if not line:
            continue
        before_paragraph = bool(NUMBERED_RE.match(following[lineno - 1]))
        if awaiting_caption and figure is not None:
            figure.caption = unescape_markdown(line)
            awaiting_caption = False
            continue
        if line == "Summary" and not paragraphs and not sections:
            in_summary = True
            continue
        if m := FOOTNOTE_RE.match(line):
            footnotes.append(Footnote(marker=_marker(m.group("marker")), text=unescape_markdown(m.group("text")),
                                      paragraph=None))
            continue
        if m := FIGURE_RE.match(line):
            figure = Figure(number=m.group("num"), caption="", section=path,
                            after_paragraph=last_para.number if last_para else None)
            figures.append(figure)
            awaiting_caption = True
            continue
        if (m := SECTION_RE.match(line)) and m.group("num") and _is_heading_like(m.group("title")):
            set_section((m.group("num"),), m.group("title"))
            continue
        if (m := SUBSECTION_RE.match(line)) and path and _is_heading_like(m.group("title")):
            set_section((path[0], m.group("num")), m.group("title"))
            continue
        if m := NUMBERED_RE.match(line):
            number, rest = int(m.group("num")), m.group("rest")
            expected = (paragraphs[-1].number + 1) if paragraphs else 1
            if _is_heading_like(rest) and number != expected and len(path) >= 2:
                set_section(path[:2] + (m.group("num"),), rest)
                continue
            if in_summary or (paragraphs and paragraphs[0].number == 0 and len(paragraphs) == 1
                              and not sections):
                in_summary = False
            open_para(number, rest, lineno)
            figure = None
            continue
        if in_summary:
            if paragraphs:
                chunks[0].append(line)
            else:
                paragraphs.append(Paragraph(number=0, text="", section=()))
                chunks[0] = [line]
                last_para = paragraphs[0]
            continue
        if figure is not None:
            starts_lower = line[:1].islower()
            open_last = last_para is not None and not _is_closed(chunks[last_para.number][-1])
            if m := FIG_META_RE.match(line):
                (figure.sources if m.group("kind").startswith("Source") else figure.notes).append(
                    unescape_markdown(m.group("text")))
                continue
            if re.match(r"^\^?[a-z]\s", line) and not starts_lower or line.startswith("^"):
                figure.notes.append(unescape_markdown(line))
                continue
            if _is_heading_like(line) and before_paragraph and not open_last and len(line) <= 120:
                pending_sub = (line, path)
                figure = None
                continue
            if not (starts_lower or open_last):
                figure.content.append(unescape_markdown(line))
                continue
            figure = None
        if last_para is None:
            continue  # text before the first paragraph that is not a heading: front matter
        previous = chunks[last_para.number][-1]
        if _is_heading_like(line) and _is_closed(previous) and len(line) <= 120 and path and before_paragraph:
            pending_sub = (line, path)
            continue
        chunks[last_para.number].append(line)

    if not any(p.number > 0 for p in paragraphs):
        raise BadInput(source, "has no numbered paragraphs (expected lines such as '1. Since 1948, ...')")

    for para in paragraphs:
        para.text = _join(chunks[para.number])
        para.figures = tuple(n for m in FIGURE_REF_RE.finditer(para.text)
                             for n in re.split(r",\s*|\s+and\s+", m.group("nums")) if n)
    for fig in figures:
        fig.referenced_by = tuple(p.number for p in paragraphs if fig.number in p.figures)
    _attach_footnotes(footnotes, paragraphs)
    _section_ranges(sections, paragraphs)
    return ParsedReport(source=source, meta=meta, sections=sections, subheadings=subheadings,
                        paragraphs=paragraphs, figures=figures, footnotes=footnotes)


def _next_nonblank(lines: list[str]) -> list[str]:
    """For each line index, the next non-blank line after it (stripped), or ""."""
    out = [""] * len(lines)
    nxt = ""
    for i in range(len(lines) - 1, -1, -1):
        out[i] = nxt
        if lines[i].strip():
            nxt = lines[i].strip()
    return out


def _marker(marker: str) -> str:
    return "*" if marker == "*" else "".join(str(SUPERSCRIPTS.index(c)) for c in marker)


def _join(parts: list[str]) -> str:
    """Join the lines of one paragraph: a page break is a space, unless a word was hyphenated across it."""
    text = parts[0]
    for part in parts[1:]:
        text = text + part if re.search(r"\w-$", text) else text.rstrip() + " " + part
    return unescape_markdown(re.sub(r"[ \t]+", " ", text).strip())


def _attach_footnotes(footnotes: list[Footnote], paragraphs: list[Paragraph]) -> None:
    for note in footnotes:
        if note.marker == "*":
            continue
        sup = "".join(SUPERSCRIPTS[int(d)] for d in note.marker)
        note.paragraph = next((p.number for p in paragraphs if re.search(rf"\w[,.;:)]?{sup}", p.text)), None)


def _section_ranges(sections: list[Section], paragraphs: list[Paragraph]) -> None:
    for sec in sections:
        numbers = [p.number for p in paragraphs if p.section[: sec.level] == sec.path]
        if numbers:
            sec.first_paragraph, sec.last_paragraph = min(numbers), max(numbers)
