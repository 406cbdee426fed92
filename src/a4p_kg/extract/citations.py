"""Cited documents: resolutions ("General Assembly resolution 73/293", "Council resolution 1325 (2000)") and
document symbols ("A/73/480/Add.1", "ST/SGB/2018/5"), normalised to their official symbols.

>>> [(c.surface, c.symbol) for c in find_citations(0, "pursuant to General Assembly resolution 73/293 (A/73/480)")]
[('resolution 73/293', 'A/RES/73/293'), ('A/73/480', 'A/73/480')]
>>> [c.symbol for c in find_citations(0, "Security Council resolutions 2436 (2018) and 1325 (2000)")]
['S/RES/2436 (2018)', 'S/RES/1325 (2000)']
"""

from __future__ import annotations

import re

from .records import Citation

__all__ = ["find_citations", "doc_label", "SYMBOL_RE"]

# a resolution number: GA "73/293" (session/number, optional part letter "72/262 C"), SC "1325 (2000)"
_GA_NUM = r"\d{1,2}/\d{1,3}(?:\s[A-H](?![\w/]))?"
_SC_NUM = r"\d{2,4}\s\(\d{4}\)"
_NUM = rf"(?:{_SC_NUM}|{_GA_NUM})"
RESOLUTION_RE = re.compile(
    rf"\b(?P<word>[Rr]esolutions?)\s+(?P<nums>{_NUM}(?:(?:,\s*|,?\s+and\s+){_NUM})*)")
NUM_RE = re.compile(rf"{_SC_NUM}|{_GA_NUM}")
#: an official symbol: A/73/480, A/73/480/Add.1, S/2019/1, ST/SGB/2018/5, A/RES/73/293, A/C.5/73/L.1
SYMBOL_RE = re.compile(
    r"(?<![\w/])(?:A|S|E|ST|UNEP|DP|TD)(?:/(?:[A-Z]{1,5}(?:\.\d+)?|\d+[A-Z]?|L\.\d+))*/\d+(?:/\d+)*"
    r"(?:/(?:Add|Corr|Rev|Amend)\.\d+)*(?![\w/])")
SC_YEAR_RE = re.compile(r"\s\(\d{4}\)")
OTHER_BODIES = re.compile(r"(Human Rights Council|Economic and Social Council|Trade and Development Board|"
                          r"Executive Board|Governing Council)\W*(?:\w+\W+){0,3}$")
DOC_KINDS = (
    (re.compile(r"^A/RES/"), "general_assembly_resolution"),
    (re.compile(r"^S/RES/"), "security_council_resolution"),
    (re.compile(r"^ST/SGB/"), "secretary_general_bulletin"),
    (re.compile(r"^ST/AI/"), "administrative_instruction"),
    (re.compile(r"^A/C\.\d/|^A/AC\."), "committee_document"),
)


def _kind(symbol: str, context: str) -> str:
    for pattern, kind in DOC_KINDS:
        if pattern.search(symbol):
            return kind
    if re.search(r"\breport\b", context, re.I):
        return "report_of_the_secretary_general"
    return {"A": "general_assembly_document", "S": "security_council_document"}.get(symbol.split("/")[0],
                                                                                  "document")


def doc_label(symbol: str) -> str:
    """A readable name for a cited document: "Security Council resolution 1325 (2000)", else the symbol."""
    if m := re.match(r"^A/RES/(.+)$", symbol):
        return f"General Assembly resolution {m.group(1)}"
    if m := re.match(r"^S/RES/(.+)$", symbol):
        return f"Security Council resolution {m.group(1)}"
    return symbol


def find_citations(paragraph: int, text: str, *, footnote: str | None = None) -> list[Citation]:
    """The documents ``text`` cites, in order, with the offsets of their surface forms.

    A resolution numbered "N (YYYY)" is the Security Council's; "session/number" is the General Assembly's,
    unless another body that numbers its resolutions so is named just before.
    """
    out: list[Citation] = []
    taken: list[tuple[int, int]] = []
    for m in RESOLUTION_RE.finditer(text):
        before = text[max(0, m.start() - 60):m.start()]
        for k, n in enumerate(NUM_RE.finditer(m.group("nums"))):
            num = n.group()
            if "(" in num:
                symbol = "S/RES/" + num
            elif OTHER_BODIES.search(before):
                continue
            else:
                symbol = "A/RES/" + num
            start = m.start("nums") + n.start()
            end = m.start("nums") + n.end()
            if k == 0:
                start = m.start()  # "resolution 73/293": the word belongs to the first number's surface
            out.append(Citation(paragraph, start, end, text[start:end], symbol, _kind(symbol, ""), footnote))
            taken.append((start, end))
    for m in SYMBOL_RE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        symbol, end = m.group(), m.end()
        if symbol.startswith("S/RES/") and (y := SC_YEAR_RE.match(text, end)):
            symbol, end = symbol + y.group(), y.end()  # printed "S/RES/1325 (2000)"
        context = text[max(0, m.start() - 200):m.start()]
        out.append(Citation(paragraph, m.start(), end, text[m.start():end], symbol, _kind(symbol, context),
                            footnote))
    return sorted(out)
