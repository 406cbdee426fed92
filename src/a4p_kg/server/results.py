"""SPARQL 1.1 query results in the four standard formats: JSON, XML, CSV and TSV.

Cells may be pyoxigraph terms (the query workers) or :class:`a4p_kg.store.Term` (canned queries); both are
reduced to ``(type, value, datatype, lang)`` first.

>>> from a4p_kg.store import Term
>>> media, body = serialize_solutions(["s", "n"], [(Term.iri("http://e/a"), Term.literal("1 < 2"))], "xml")
>>> b"<literal>1 &lt; 2</literal>" in body
True
>>> serialize_solutions(["s", "o"], [(None, Term.literal("x"))], "csv")[1]
b's,o\\r\\n,x\\r\\n'
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape, quoteattr

__all__ = ["serialize_solutions", "serialize_boolean", "cell", "MEDIA"]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
MEDIA = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
         "csv": "text/csv", "tsv": "text/tab-separated-values"}


def cell(t) -> tuple[str, str, str | None, str | None] | None:
    """``(type, value, datatype, lang)`` of a term; type is ``uri``, ``literal`` or ``bnode``."""
    if t is None:
        return None
    kind = getattr(t, "type", None)
    if isinstance(kind, str):  # a4p_kg.store.Term
        return (kind, t.value, t.datatype, t.lang)
    name = type(t).__name__
    if name == "NamedNode":
        return ("uri", t.value, None, None)
    if name == "BlankNode":
        return ("bnode", t.value, None, None)
    if name == "Literal":
        if t.language:
            return ("literal", t.value, None, t.language)
        dt = t.datatype.value
        return ("literal", t.value, None if dt == XSD_STRING else dt, None)
    return ("literal", str(t), None, None)  # an RDF-star triple term, as text


def _json(names: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    bindings = []
    for row in rows:
        b = {}
        for name, t in zip(names, row):
            c = cell(t)
            if c is None:
                continue
            d = {"type": c[0], "value": c[1]}
            if c[3]:
                d["xml:lang"] = c[3]
            elif c[2]:
                d["datatype"] = c[2]
            b[name] = d
        bindings.append(b)
    doc = {"head": {"vars": list(names)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def _xml(names: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
    out += [f"<variable name={quoteattr(n)}/>" for n in names]
    out.append("</head>\n<results>")
    for row in rows:
        out.append("<result>")
        for name, t in zip(names, row):
            c = cell(t)
            if c is None:
                continue
            kind, value, dt, lang = c
            if kind == "uri":
                inner = f"<uri>{escape(value)}</uri>"
            elif kind == "bnode":
                inner = f"<bnode>{escape(value)}</bnode>"
            elif lang:
                inner = f"<literal xml:lang={quoteattr(lang)}>{escape(value)}</literal>"
            elif dt:
                inner = f"<literal datatype={quoteattr(dt)}>{escape(value)}</literal>"
            else:
                inner = f"<literal>{escape(value)}</literal>"
            out.append(f"<binding name={quoteattr(name)}>{inner}</binding>")
        out.append("</result>")
    out.append("</results>\n</sparql>\n")
    return "\n".join(out).encode("utf-8")


def _csv(names: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    # SPARQL 1.1 CSV: plain values, CRLF line ends, blank nodes as _:label
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(names)
    for row in rows:
        vals = []
        for t in row:
            c = cell(t)
            vals.append("" if c is None else ("_:" + c[1] if c[0] == "bnode" else c[1]))
        w.writerow(vals)
    return buf.getvalue().encode("utf-8")


_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _tsv_term(t) -> str:
    c = cell(t)
    if c is None:
        return ""
    kind, value, dt, lang = c
    if kind == "uri":
        return f"<{value}>"
    if kind == "bnode":
        return f"_:{value}"
    text = "".join(_ECHAR.get(ch, ch) for ch in value)
    if lang:
        return f'"{text}"@{lang}'
    if dt:
        return f'"{text}"^^<{dt}>'
    return f'"{text}"'


def _tsv(names: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    lines = ["\t".join("?" + n for n in names)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def serialize_solutions(names: Sequence[str], rows: Iterable[Sequence], fmt: str) -> tuple[str, bytes]:
    """SELECT results as ``(media type, bytes)``; ``fmt`` is json, xml, csv or tsv (else json)."""
    fmt = fmt if fmt in MEDIA else "json"
    body = {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}[fmt](names, rows)
    return MEDIA[fmt], body


def serialize_boolean(value: bool, fmt: str) -> tuple[str, bytes]:
    """ASK results as ``(media type, bytes)``: JSON or XML (CSV/TSV have no boolean form: plain text)."""
    if fmt == "xml":
        text = ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head/>\n'
                f"<boolean>{'true' if value else 'false'}</boolean>\n</sparql>\n")
        return MEDIA["xml"], text.encode("utf-8")
    if fmt in ("csv", "tsv"):
        return MEDIA[fmt], (("true" if value else "false") + "\n").encode("utf-8")
    return MEDIA["json"], json.dumps({"head": {}, "boolean": value}).encode("utf-8")
