"""Canned questions: load ``queries/NAME.rq`` by name, parse its ``#+`` header strictly, bind parameters by
type, run on a :class:`a4p_kg.store.Store`, format the rows (table, csv, tsv, json).

A header is grlc-compatible YAML on ``#+`` lines; ``params`` and ``returns`` are ours::

    #+ summary: Missions that the report shows supporting each A4P commitment area, with evidence.
    #+ tags: [missions, commitments]
    #+ params:
    #+   mission: {type: iri, required: false, example: MINUSCA, description: a peace operation}
    #+ returns: [mission, missionLabel, commitment, commitmentLabel, evidence, paragraphs]

A parameter is a variable of the query of the same name, projected by the SELECT and used in triple
patterns (never only in BIND/OPTIONAL/BOUND), so every engine binds it the same way; an unbound optional
parameter matches everything. Output columns are ``returns``; a column ``xLabel`` gives the label the
table shows for the IRIs of column ``x``.

>>> q = load("missions_by_commitment")
>>> q.name, q.params["mission"].type
('missions_by_commitment', 'iri')
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from .errors import QueryError
from .paths import queries_dir
from .store import XSD, Results, Store, Term

__all__ = [
    "Param", "CannedQuery", "load", "names", "list_queries", "parse_header", "read_folder", "bind", "run",
    "format_results",
    "headline_table", "PARAM_TYPES", "FORMATS", "PREFIXES",
]

#: parameter types: the datatype a value is given (None: an IRI or a plain string)
PARAM_TYPES = {
    "iri": None, "string": None, "integer": XSD + "integer", "decimal": XSD + "decimal",
    "date": XSD + "date", "gYear": XSD + "gYear", "gYearMonth": XSD + "gYearMonth", "boolean": XSD + "boolean",
}
FORMATS = ("table", "csv", "tsv", "json")
#: prefixes a parameter value (or a table cell) may use; ``id:`` is the default data base
PREFIXES = {
    "id": "https://w3id.org/a4p/id/",
    "a4p": "https://w3id.org/a4p/ontology#",
    "sdg": "http://metadata.un.org/sdg/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "xsd": XSD,
}
#: a4p classes and their subclasses (ontology/a4p.ttl; a test compares): a parameter's ``class`` picks among
#: entities that share a name ("Member States" is an addressee and a measure)
SUBCLASSES = {
    "PeaceOperation": ("PeaceOperation", "PeacekeepingMission", "SpecialPoliticalMission", "RegionalOperation"),
    "Organization": ("Organization", "RegionalOrganization", "InternationalOrganization", "UNBody",
                     "SecretariatUnit"),
    "Policy": ("Policy", "Framework", "Strategy", "ActionPlan", "System", "Agreement", "Initiative", "Programme"),
    "Document": ("Document", "Resolution"),
    "Place": ("Place", "Country", "Territory"),
}
_HEADER_KEYS = {"summary", "description", "tags", "params", "returns", "lists", "focus",
                # grlc's own keys, accepted so a grlc server can serve the folder as it is
                "method", "endpoint", "pagination", "enumerate", "defaults", "transform", "endpoint_in_url"}
_PARAM_KEYS = {"type", "required", "example", "description", "class", "default"}
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_VAR = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    required: bool
    example: str
    description: str = ""
    cls: str | None = None  # for an iri: the a4p class a bare name preferably names (see SUBCLASSES)
    default: str | None = None  # bound when the parameter is not given (a string: "" may stand for "all")


@dataclass(frozen=True)
class CannedQuery:
    name: str
    path: Path
    summary: str
    description: str
    tags: tuple[str, ...]
    params: dict[str, Param]
    returns: tuple[str, ...]
    text: str  # the whole file: header lines are SPARQL comments
    lists: dict[str, str] = field(default_factory=dict)  # column -> separator of a GROUP_CONCAT list
    focus: dict[str, str] = field(default_factory=dict)  # column -> parameter: the table shows the text around it

    def focus_values(self, params: Mapping[str, str]) -> dict[str, str]:
        """For the table: column -> the words to show it around (from the parameters given)."""
        return {col: params[p] for col, p in self.focus.items() if params.get(p)}

    def example_params(self, *, all_params: bool = False) -> dict[str, str]:
        """The header's example values: of the required parameters (or of all with ``all_params``)."""
        return {p.name: p.example for p in self.params.values() if p.required or all_params}


# ------------------------------------------------------------------------------------------- loading


def names(folder: Path | None = None) -> list[str]:
    """The names of the canned queries (file stems of ``queries/*.rq``), sorted."""
    return sorted(p.stem for p in (folder or queries_dir()).glob("*.rq"))


def load(name: str, folder: Path | None = None) -> CannedQuery:
    """The canned query ``name`` with its parsed header.

    Raises:
        QueryError: no such query, or its header does not parse.
    """
    folder = folder or queries_dir()
    if not _NAME.match(name or ""):
        raise QueryError(f"unknown query {name!r}{_suggest(name, folder)}")
    path = folder / f"{name}.rq"
    if not path.is_file():
        raise QueryError(f"unknown query {name!r}{_suggest(name, folder)}")
    return _load(str(path), path.stat().st_mtime_ns)


@lru_cache(maxsize=128)
def _load(path_str: str, _mtime: int) -> CannedQuery:
    path = Path(path_str)
    text = path.read_text(encoding="utf-8")
    header = parse_header(text, source=path.name)
    return CannedQuery(name=path.stem, path=path, text=text, **header)


def list_queries(folder: Path | None = None) -> list[CannedQuery]:
    return [load(n, folder) for n in names(folder)]


def _suggest(name: str, folder: Path) -> str:
    close = difflib.get_close_matches(name or "", names(folder), n=3, cutoff=0.6)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    return hint + "; `a4p-kg query --list` shows them all"


def read_folder(folder: Path) -> list[tuple[str, Path, str, str]]:
    """(name, path, summary, text) of every ``.rq`` file of a folder in name order, each header parsed
    strictly (used for ``queries/checks/`` and ``queries/rules/``)."""
    out = []
    for path in sorted(folder.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        out.append((path.stem, path, parse_header(text, source=str(path))["summary"], text))
    return out


def parse_header(text: str, *, source: str = "query") -> dict:
    """Parse the ``#+`` header of a query file strictly: unknown keys, missing ``summary``/``returns``, a
    parameter without type or example, or YAML that does not parse are errors.

    >>> h = parse_header("#+ summary: S\\n#+ params: {x: {type: integer, example: 3}}\\n#+ returns: [x]\\nSELECT")
    >>> h["params"]["x"].type, h["returns"]
    ('integer', ('x',))
    >>> parse_header("#+ summary: S\\n#+ retruns: [x]\\nSELECT")
    Traceback (most recent call last):
    ...
    a4p_kg.errors.QueryError: query: header has unknown key(s) retruns
    """
    import yaml

    lines = []
    for line in text.splitlines():
        if line.startswith("#+"):
            lines.append(line[2:].removeprefix(" "))
        elif line.strip() and not line.startswith("#"):
            break
    if not lines:
        raise QueryError(f"{source}: has no '#+' header")
    try:
        data = yaml.safe_load("\n".join(lines))
    except yaml.YAMLError as exc:
        raise QueryError(f"{source}: header is not YAML: {' '.join(str(exc).split())}") from None
    if not isinstance(data, dict):
        raise QueryError(f"{source}: header is not a YAML mapping")
    unknown = set(data) - _HEADER_KEYS
    if unknown:
        raise QueryError(f"{source}: header has unknown key(s) {', '.join(sorted(unknown))}")
    for key in ("summary", "returns"):
        if key not in data:
            raise QueryError(f"{source}: header lacks '{key}'")
    summary = data["summary"]
    if not isinstance(summary, str) or not summary.strip():
        raise QueryError(f"{source}: 'summary' must be a sentence")
    tags = data.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise QueryError(f"{source}: 'tags' must be a list of words")
    returns = data["returns"]
    if not isinstance(returns, list) or not returns or not all(isinstance(r, str) and _VAR.match(r)
                                                               for r in returns):
        raise QueryError(f"{source}: 'returns' must be a list of variable names")
    params_raw = data.get("params") or {}
    if not isinstance(params_raw, dict):
        raise QueryError(f"{source}: 'params' must be a mapping of name to {{type, example, ...}}")
    params: dict[str, Param] = {}
    for pname, spec in params_raw.items():
        where = f"{source}: parameter {pname!r}"
        if not isinstance(pname, str) or not _VAR.match(pname):
            raise QueryError(f"{where} is not a variable name")
        if not isinstance(spec, dict):
            raise QueryError(f"{where} must be a mapping {{type, example, ...}}")
        bad = set(spec) - _PARAM_KEYS
        if bad:
            raise QueryError(f"{where} has unknown key(s) {', '.join(sorted(bad))}")
        ptype = spec.get("type")
        if ptype not in PARAM_TYPES:
            raise QueryError(f"{where} has type {ptype!r}; types: {', '.join(PARAM_TYPES)}")
        if "example" not in spec or spec["example"] is None:
            raise QueryError(f"{where} has no example")
        required = spec.get("required", False)
        if not isinstance(required, bool):
            raise QueryError(f"{where}: 'required' must be true or false")
        default = spec.get("default")
        if default is not None and (required or ptype != "string" or not isinstance(default, str)):
            raise QueryError(f"{where}: only an optional string parameter has a default (a string)")
        params[pname] = Param(name=pname, type=ptype, required=required, example=str(spec["example"]),
                              description=str(spec.get("description", "")), cls=spec.get("class"),
                              default=default)
    lists = data.get("lists") or {}
    if not isinstance(lists, dict) or not all(k in returns and isinstance(v, str) and v for k, v in lists.items()):
        raise QueryError(f"{source}: 'lists' must map returned columns to their separators")
    focus = data.get("focus") or {}
    if not isinstance(focus, dict) or not all(k in returns and v in params for k, v in focus.items()):
        raise QueryError(f"{source}: 'focus' must map returned columns to parameters")
    description = data.get("description", "")
    return {"summary": " ".join(summary.split()), "description": " ".join(str(description).split()),
            "tags": tuple(tags), "params": params, "returns": tuple(returns), "lists": lists, "focus": focus}


# ------------------------------------------------------------------------------------------- binding


def _expand(value: str) -> str | None:
    """A full IRI from ``<...>``, ``http(s)://...``/``urn:...`` or a known prefixed name; None otherwise."""
    v = value.strip()
    if v.startswith("<") and v.endswith(">"):
        return v[1:-1]
    if re.match(r"^(https?://|urn:)", v):
        return v
    m = re.match(r"^([a-z][a-z0-9]*):(\S*)$", v)
    if m and m.group(1) in PREFIXES:
        return PREFIXES[m.group(1)] + m.group(2)
    return None


def _convert(q: CannedQuery, p: Param, raw: str, store: Store | None) -> Term | None:
    where = f"parameter {p.name!r} of query {q.name}"
    if p.type == "iri":
        iri = _expand(raw)
        if iri is None:
            if store is None:  # checking only: a name is looked up when there is a store
                return None
            return resolve_name(raw, store, where=where, cls=p.cls)
        try:
            return Term.iri(iri).check()
        except ValueError:
            raise QueryError(f"{where} is not a valid IRI: {raw!r}") from None
    if p.type == "string":
        return Term.literal(raw)
    if p.type == "integer":
        if not re.fullmatch(r"[+-]?\d+", raw.strip()):
            raise QueryError(f"{where} must be an integer, not {raw!r}")
        return Term.literal(str(int(raw)), datatype=PARAM_TYPES["integer"])
    if p.type == "decimal":
        try:
            d = Decimal(raw.strip())
            if not d.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            raise QueryError(f"{where} must be a decimal number, not {raw!r}") from None
        return Term.literal(format(d, "f"), datatype=PARAM_TYPES["decimal"])
    if p.type == "boolean":
        if raw.strip().lower() not in ("true", "false"):
            raise QueryError(f"{where} must be true or false, not {raw!r}")
        return Term.literal(raw.strip().lower(), datatype=PARAM_TYPES["boolean"])
    patterns = {"date": r"\d{4}-\d{2}-\d{2}", "gYear": r"\d{4}", "gYearMonth": r"\d{4}-\d{2}"}
    examples = {"date": "2019-03-31", "gYear": "2019", "gYearMonth": "2019-03"}
    if not re.fullmatch(patterns[p.type], raw.strip()):
        raise QueryError(f"{where} must be a {p.type} like {examples[p.type]}, not {raw!r}")
    return Term.literal(raw.strip(), datatype=PARAM_TYPES[p.type])


def bind(q: CannedQuery, raw: Mapping[str, str], store: Store | None = None, *,
         check_required: bool = True) -> dict[str, Term]:
    """Check and type the raw parameter values of ``q``; a bare name given for an ``iri`` parameter is looked
    up in ``store`` (acronym, name or symbol: ``MINUSCA``, ``Political solutions``, ``S/RES/2436 (2018)``);
    without a store, names are left out (everything else is still checked).

    >>> q = load("missions_by_theme")
    >>> bind(q, {"theme": "id:theme/protection"})
    {'theme': Term(type='uri', value='https://w3id.org/a4p/id/theme/protection', datatype=None, lang=None)}
    >>> bind(q, {"year": "2019"})
    Traceback (most recent call last):
    ...
    a4p_kg.errors.QueryError: query missions_by_theme has no parameter 'year' (it takes: mission, theme, report)

    Raises:
        QueryError: an unknown parameter, a missing required one, or a value of the wrong type.
    """
    unknown = [k for k in raw if k not in q.params]
    if unknown:
        takes = ", ".join(q.params) or "no parameters"
        raise QueryError(f"query {q.name} has no parameter {unknown[0]!r} (it takes: {takes})")
    for p in q.params.values():
        if check_required and p.required and (p.name not in raw or raw[p.name] == ""):
            raise QueryError(f"query {q.name} needs --param {p.name}=VALUE ({p.type}, e.g. {p.name}={p.example})")
    out = {k: _convert(q, q.params[k], v, store) for k, v in raw.items() if v != ""}
    for p in q.params.values():  # a parameter not given takes its default, if it has one
        if p.default is not None and raw.get(p.name, "") == "":
            out[p.name] = Term.literal(p.default)
    return {k: v for k, v in out.items() if v is not None}


def resolve_name(name: str, store: Store, *, where: str = "parameter", cls: str | None = None) -> Term:
    """The one entity named ``name``: exact acronym, label, symbol or notation first, then ignoring case;
    among several, those of class ``cls`` (or a subclass).

    Raises:
        QueryError: nothing, or more than one entity (of that class), has that name.
    """
    q = load("entities")
    found: dict[str, tuple[str, set[str]]] = {}
    for row in store.select(q.text, {"name": Term.literal(name)}).dicts():
        found[row["entity"].value] = (_value(row.get("label")) or row["entity"].value, _kinds(row))
    if not found:
        s = load("search_entities")
        for row in store.select(s.text, {"text": Term.literal(name)}).dicts():
            if row.get("name") and row["name"].value.casefold() == name.casefold():
                found[row["entity"].value] = (_value(row.get("label")) or row["entity"].value, _kinds(row))
        if not found:
            hint = sorted({r["name"].value for r in store.select(s.text, {"text": Term.literal(name)}).dicts()
                           if r.get("name")})[:5]
            more = f"; names containing it: {', '.join(hint)}" if hint else ""
            raise QueryError(f"{where}: no entity is named {name!r}{more}")
    if len(found) > 1 and cls:
        wanted = set(SUBCLASSES.get(cls, (cls,)))
        preferred = {iri: v for iri, v in found.items() if v[1] & wanted}
        found = preferred or found
    if len(found) > 1:
        listed = ", ".join(f"{lab} <{iri}>" for iri, (lab, _) in sorted(found.items())[:5])
        raise QueryError(f"{where}: {name!r} names {len(found)} entities ({listed}); give the IRI")
    return Term.iri(next(iter(found)))


def _value(t: Term | None) -> str | None:
    return t.value if t is not None else None


def _kinds(row) -> set[str]:
    t = row.get("kinds")
    return {k.strip() for k in t.value.split(",")} if t is not None else set()


def run(q: CannedQuery | str, store: Store, params: Mapping[str, str] | None = None, *,
        bindings: Mapping[str, Term] | None = None) -> Results:
    """Run a canned query with raw ``params`` (strings: checked, typed, names looked up) and/or ready
    ``bindings`` (Terms); the result holds the header's ``returns`` columns in order, and the items of each
    ``lists`` column sorted (SPARQL leaves the order of GROUP_CONCAT to the engine).

    Raises:
        QueryError: see :func:`bind`; or the SELECT does not project what the header returns.
    """
    q = load(q) if isinstance(q, str) else q
    b = bind(q, params or {}, store, check_required=False)
    for k, v in (bindings or {}).items():
        if k not in q.params:
            raise QueryError(f"query {q.name} has no parameter {k!r} (it takes: {', '.join(q.params) or 'none'})")
        b[k] = v
    missing = [p for p in q.params.values() if p.required and p.name not in b]
    if missing:
        p = missing[0]
        raise QueryError(f"query {q.name} needs --param {p.name}=VALUE ({p.type}, e.g. {p.name}={p.example})")
    res = store.select(q.text, b)
    absent = [c for c in q.returns if c not in res.vars]
    if absent:
        raise QueryError(f"query {q.name}: its header returns {', '.join(absent)}, which the SELECT does not")
    res = res.project(list(q.returns))
    if q.lists:
        res = _sort_lists(res, q.lists)
    return res


_DIGITS = re.compile(r"(\d+)")


def _natural(item: str):
    return [(0, int(t), "") if t.isdigit() else (1, 0, t.casefold()) for t in _DIGITS.split(item) if t]


def _sort_lists(res: Results, lists: Mapping[str, str]) -> Results:
    idx = {res.vars.index(c): sep for c, sep in lists.items() if c in res.vars}
    rows = []
    for row in res.rows:
        cells = list(row)
        for i, sep in idx.items():
            t = cells[i]
            if t is not None and t.type == "literal" and (sep in t.value or not t.value.strip()):
                # empty items come from COALESCE(?x, "") (rdflib's GROUP_CONCAT fails on unbound values)
                items = sorted((x for x in t.value.split(sep) if x.strip()), key=_natural)
                cells[i] = Term("literal", sep.join(items), t.datatype, t.lang)
        rows.append(tuple(cells))
    return Results(list(res.vars), rows)


# ------------------------------------------------------------------------------------------ formatting


def compact(iri: str) -> str:
    """``id:operation/MINUSCA`` for an IRI under a known prefix, else the IRI."""
    best = max((ns for ns in PREFIXES.values() if iri.startswith(ns)), key=len, default=None)
    if best is None:
        return iri
    prefix = next(k for k, v in PREFIXES.items() if v == best)
    return f"{prefix}:{iri[len(best):]}"


def _plain(t: Term | None) -> str:
    return "" if t is None else t.value


_BARE = {XSD + "integer", XSD + "decimal", XSD + "boolean"}


def _tsv_term(t: Term | None) -> str:
    if t is None:
        return ""
    if t.type == "uri":
        return f"<{t.value}>"
    if t.type == "bnode":
        return f"_:{t.value}"
    if t.datatype in _BARE and re.fullmatch(r"[+-]?[0-9.]+|true|false", t.value):
        return t.value
    text = t.value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace(
        "\r", "\\r").replace("\t", "\\t")
    if t.lang:
        return f'"{text}"@{t.lang}'
    if t.datatype:
        return f'"{text}"^^<{t.datatype}>'
    return f'"{text}"'


def format_results(res: Results, fmt: str = "table", *, max_width: int = 70,
                   focus: Mapping[str, str] | None = None) -> str:
    """Rows as text: ``table`` (aligned, labels for IRIs), ``csv`` / ``tsv`` (SPARQL 1.1 CSV/TSV results),
    ``json`` (SPARQL 1.1 results JSON).

    >>> r = Results(["m", "mLabel", "n"], [(Term.iri("https://w3id.org/a4p/id/operation/MINUSCA"),
    ...     Term.literal("MINUSCA"), Term.literal("3", datatype=XSD + "integer"))])
    >>> print(format_results(r))
    m        n
    -------  -
    MINUSCA  3
    <BLANKLINE>
    (1 row)
    >>> print(format_results(r, "csv"), end="")
    m,mLabel,n
    https://w3id.org/a4p/id/operation/MINUSCA,MINUSCA,3
    """
    if fmt == "json":
        return json.dumps(res.to_json(), ensure_ascii=False, indent=1)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(res.vars)
        for row in res.rows:
            w.writerow([_plain(t) for t in row])
        return buf.getvalue().replace("\r\n", "\n")
    if fmt == "tsv":
        lines = ["\t".join("?" + v for v in res.vars)]
        lines += ["\t".join(_tsv_term(t) for t in row) for row in res.rows]
        return "\n".join(lines) + "\n"
    if fmt != "table":
        raise QueryError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")
    return _table(res, max_width=max_width, focus=focus or {})


def _window(text: str, words: str, width: int) -> str:
    """``text`` cut to ``width`` characters around the first occurrence of ``words`` (case ignored)."""
    at = text.casefold().find(words.casefold())
    if at < 0 or len(text) <= width:
        return text
    start = max(0, min(at - width // 3, len(text) - width + 1))
    piece = text[start:start + width - 2]
    return ("…" if start > 0 else "") + piece + ("…" if start + width - 2 < len(text) else "")


def _table(res: Results, *, max_width: int, focus: Mapping[str, str]) -> str:
    labels = {v[: -len("Label")]: i for i, v in enumerate(res.vars) if v.endswith("Label") and v != "Label"}
    shown = [i for i, v in enumerate(res.vars) if not (v.endswith("Label") and v[: -len("Label")] in res.vars)]
    header = [res.vars[i] for i in shown]
    body = []
    for row in res.rows:
        cells = []
        for i in shown:
            t = row[i]
            lab_i = labels.get(res.vars[i])
            if t is None:
                text = ""
            elif t.type == "uri":
                lab = row[lab_i] if lab_i is not None else None
                text = lab.value if lab is not None else compact(t.value)
            else:
                text = t.value
            text = " ".join(text.split())
            if res.vars[i] in focus:
                text = _window(text, focus[res.vars[i]], max_width)
            if len(text) > max_width:
                text = text[: max_width - 1] + "…"
            cells.append(text)
        body.append(cells)
    widths = [max([len(h)] + [len(r[k]) for r in body]) for k, h in enumerate(header)]
    numeric = [all(re.fullmatch(r"-?[0-9.,]*", r[k]) for r in body) and body for k in range(len(header))]

    def line(cells: list[str]) -> str:
        out = [c.rjust(w) if num else c.ljust(w) for c, w, num in zip(cells, widths, numeric)]
        return "  ".join(out).rstrip()

    lines = [line(header), "  ".join("-" * w for w in widths)]
    lines += [line(r) for r in body]
    n = len(body)
    lines += ["", f"({n} row{'s' if n != 1 else ''})"]
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------- headline


def headline_table(store: Store, *, report: str | None = None, width: int = 110) -> str:
    """The answer to "which missions support which A4P commitments?" as a readable table: per theme, the
    missions with their number of evidence paragraphs (all of the theme), then per commitment area.

    Counts add up over reports when the store holds several (``report`` keeps one).
    """
    params = {"report": report} if report else {}
    by_theme = run("missions_by_theme", store, params).dicts()
    by_area = run("missions_by_commitment", store, params).dicts()
    if not by_theme and not by_area:
        return ("Which missions support which A4P commitments: the graph holds no support evidence "
                "(a4p:SupportEvidence) yet.")
    theme_order: dict[str, int] = {}
    labels: dict[str, str] = {}
    cells: dict[tuple[str, str], dict[str, int]] = {}  # (theme, area or "") -> mission -> evidence

    def label(row, col):
        t = row.get(col + "Label")
        return t.value if t is not None else compact(row[col].value)

    for rank, r in enumerate(by_theme):  # rows come in theme order
        th = r["theme"].value
        theme_order.setdefault(th, rank)
        labels[th] = label(r, "theme")
        d = cells.setdefault((th, ""), {})
        m = label(r, "mission")
        d[m] = d.get(m, 0) + _int(r.get("evidence"))
    for r in by_area:
        th, area = r["theme"].value, r["commitment"].value
        theme_order.setdefault(th, len(theme_order) + 1000)
        labels.setdefault(th, label(r, "theme"))
        labels[area] = label(r, "commitment")
        d = cells.setdefault((th, area), {})
        m = label(r, "mission")
        d[m] = d.get(m, 0) + _int(r.get("evidence"))
    theme_w, area_w = 26, 44
    mission_w = max(24, width - theme_w - area_w - 4)
    out = ["Which missions support which A4P commitments (number of evidence paragraphs in brackets)", "",
           f"{'Theme':<{theme_w}}  {'Commitment area':<{area_w}}  Missions",
           f"{'-' * theme_w}  {'-' * area_w}  {'-' * mission_w}"]
    for th in sorted({k[0] for k in cells}, key=lambda t: (theme_order.get(t, 9999), labels.get(t, t))):
        areas = sorted((k[1] for k in cells if k[0] == th), key=lambda a: (a != "", labels.get(a, a).casefold()))
        theme_lines = _wrap(labels.get(th, th), theme_w)
        first = True
        for area in areas:
            d = cells[(th, area)]
            # a no-break space keeps "MINUSCA (3)" on one line when the list wraps
            missions = ", ".join(f"{m}\u00a0({n})" for m, n in sorted(d.items(), key=lambda kv: (-kv[1], kv[0])))
            area_lines = _wrap(labels[area] if area else "(all of the theme)", area_w)
            mission_lines = [line.replace("\u00a0", " ") for line in _wrap(missions, mission_w)]
            left = theme_lines if first else []
            first = False
            for i in range(max(len(left), len(area_lines), len(mission_lines))):
                a = left[i] if i < len(left) else ""
                b = area_lines[i] if i < len(area_lines) else ""
                c = mission_lines[i] if i < len(mission_lines) else ""
                out.append(f"{a:<{theme_w}}  {b:<{area_w}}  {c}".rstrip())
    n_missions = len({m for d in cells.values() for m in d})
    out += ["", f"{n_missions} missions. Evidence: a4p:SupportEvidence, one per paragraph, mission and theme;",
            "paragraphs and quotes: a4p-kg query missions_by_commitment (or missions_by_theme, commitments_by_mission)"]
    return "\n".join(out)


def _int(t: Term | None) -> int:
    try:
        return int(Decimal(t.value)) if t is not None else 0
    except (InvalidOperation, ValueError):
        return 0


def _wrap(text: str, width: int) -> list[str]:
    import textwrap

    # textwrap counts U+00A0 as a letter (it only breaks at ASCII whitespace), which is what keeps items whole
    return textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False) or [""]
