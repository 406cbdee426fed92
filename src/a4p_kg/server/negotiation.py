"""Content negotiation: the ``Accept`` header (RFC 9110 §12.5.1, q-values and specificity), file extensions and
``?format=`` pick one representation among those a route offers.

>>> pick("text/turtle;q=0.9, application/ld+json", RESOURCE).name
'jsonld'
>>> pick("*/*", RESOURCE).name       # browsers and unknown clients get HTML
'html'
>>> pick("image/png", RESOURCE).name
'html'
>>> pick("*/*", SELECT_RESULTS).name  # a program asking for anything gets SPARQL JSON
'json'
>>> pick("text/html,application/xhtml+xml,*/*;q=0.8", SELECT_RESULTS).name
'html'
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Format", "pick", "by_name", "RESOURCE", "SELECT_RESULTS", "GRAPH_RESULTS", "ASK_RESULTS", "FORMATS"]


@dataclass(frozen=True)
class Format:
    """A representation: its short name (``?format=``, file extension), media type and accepted aliases."""

    name: str
    media_type: str
    aliases: tuple[str, ...] = ()
    ext: str = ""

    @property
    def content_type(self) -> str:
        textual = self.media_type.startswith("text/") or self.media_type.endswith(("json", "xml", "triples"))
        return f"{self.media_type}; charset=utf-8" if textual else self.media_type


HTML = Format("html", "text/html", ("application/xhtml+xml",), "html")
TURTLE = Format("turtle", "text/turtle", ("application/x-turtle", "application/turtle"), "ttl")
JSONLD = Format("jsonld", "application/ld+json", ("application/json",), "jsonld")
NTRIPLES = Format("ntriples", "application/n-triples", (), "nt")
RDFXML = Format("rdfxml", "application/rdf+xml", (), "rdf")
JSON = Format("json", "application/sparql-results+json", ("application/json",), "srj")
XML = Format("xml", "application/sparql-results+xml", ("application/xml", "text/xml"), "srx")
CSV = Format("csv", "text/csv", (), "csv")
TSV = Format("tsv", "text/tab-separated-values", (), "tsv")

#: offers, in the server's order of preference (the first wins a tie, e.g. for ``*/*``)
RESOURCE = (HTML, TURTLE, JSONLD, NTRIPLES, RDFXML)
SELECT_RESULTS = (JSON, XML, CSV, TSV, HTML)
ASK_RESULTS = (JSON, XML, CSV, TSV, HTML)
GRAPH_RESULTS = (TURTLE, NTRIPLES, JSONLD, RDFXML, HTML)
FORMATS = {f.name: f for f in (HTML, TURTLE, JSONLD, NTRIPLES, RDFXML, JSON, XML, CSV, TSV)}
_SHORT = {"ttl": "turtle", "nt": "ntriples", "rdf": "rdfxml", "xml": "xml", "json": "json", "srj": "json",
          "srx": "xml", "n-triples": "ntriples", "json-ld": "jsonld", "rdf+xml": "rdfxml"}


def by_name(name: str | None, offers: tuple[Format, ...]) -> Format | None:
    """The offer named ``name`` (``ttl``, ``turtle``, ``jsonld``, ``json``, ``csv``, a media type ...), or None.

    ``json`` means JSON-LD where the offers are RDF graphs and SPARQL JSON where they are results.
    """
    if not name:
        return None
    key = name.strip().lower()
    for f in offers:
        if key in (f.name, f.ext, f.media_type) or key in f.aliases:
            return f
    alias = _SHORT.get(key)
    if alias == "json" and JSONLD in offers and JSON not in offers:
        alias = "jsonld"
    return next((f for f in offers if f.name == alias), None)


def _parse(accept: str) -> list[tuple[str, str, float]]:
    ranges = []
    for part in accept.split(","):
        bits = [b.strip() for b in part.split(";")]
        if not bits[0] or "/" not in bits[0]:
            continue
        typ, _, sub = bits[0].lower().partition("/")
        q = 1.0
        for b in bits[1:]:
            k, _, v = b.partition("=")
            if k.strip().lower() == "q":
                try:
                    q = min(1.0, max(0.0, float(v)))
                except ValueError:
                    q = 0.0
        ranges.append((typ.strip(), sub.strip(), q))
    return ranges


def _quality(media: str, ranges: list[tuple[str, str, float]]) -> tuple[float, int]:
    typ, _, sub = media.partition("/")
    best: tuple[int, float] | None = None  # (specificity, q)
    for rt, rs, q in ranges:
        if rt == typ and rs == sub:
            spec = 2
        elif rt == typ and rs == "*":
            spec = 1
        elif rt == "*" and rs == "*":
            spec = 0
        else:
            continue
        if best is None or spec > best[0]:
            best = (spec, q)
    return (best[1], best[0]) if best else (0.0, -1)


def pick(accept: str | None, offers: tuple[Format, ...], *, default: Format | None = None) -> Format:
    """The offer the client prefers; ``default`` (the first offer) when none is acceptable or no header."""
    fallback = default or offers[0]
    if not accept:
        return fallback
    ranges = _parse(accept)
    if not ranges:
        return fallback
    best: tuple[float, int, int, int] | None = None
    chosen = fallback
    for order, f in enumerate(offers):
        # an alias counts only when named exactly (application/* must not pick HTML for its xhtml alias)
        q, spec = max([_quality(f.media_type, ranges)] +
                      [qs for qs in (_quality(m, ranges) for m in f.aliases) if qs[1] == 2])
        if q <= 0:
            continue
        # an exact match on the offer's own media type outranks one on an alias (application/json)
        own_q, own_spec = _quality(f.media_type, ranges)
        key = (q, 1 if own_q >= q and own_spec == 2 else 0, spec, -order)
        if best is None or key > best:
            best = key
            chosen = f
    return chosen
