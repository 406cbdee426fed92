"""The one place that mints instance IRIs: ``{base}{kind}/{slug}``, slugs derived from the source, never counters.

>>> m = Minter()
>>> m.report("A/74/533")
rdflib.term.URIRef('https://w3id.org/a4p/id/report/A-74-533')
>>> m.paragraph("A/74/533", 13)
rdflib.term.URIRef('https://w3id.org/a4p/id/report/A-74-533/para/13')
>>> m.operation("MINUSCA")
rdflib.term.URIRef('https://w3id.org/a4p/id/operation/MINUSCA')
>>> slug("uniformed gender parity strategy 2018–2028")
'uniformed-gender-parity-strategy-2018-2028'
>>> slug("Department of Management Strategy, Policy and Compliance")
'department-of-management-strategy-policy-and-compliance'
>>> m.document("S/RES/1325 (2000)")
rdflib.term.URIRef('https://w3id.org/a4p/id/doc/S-RES-1325-2000')
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rdflib import URIRef

from .namespaces import DEFAULT_BASE, SDG

__all__ = ["Minter", "slug", "symbol_slug", "rebase"]


def slug(text: str) -> str:
    """Lower-case ASCII slug of a name: letters and digits joined by single hyphens."""
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)  # en/em dashes and minus separate words
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = text.replace("'", "").replace("’", "")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def symbol_slug(symbol: str) -> str:
    """Slug of a UN document symbol keeping its case: ``A/73/480/Add.1`` -> ``A-73-480-Add.1``."""
    s = re.sub(r"[\s/()]+", "-", symbol.strip())
    s = re.sub(r"[^A-Za-z0-9.\-]", "", s)
    return re.sub(r"-+", "-", s).strip("-")


def rebase(iri: str, *, old: str = DEFAULT_BASE, new: str) -> str:
    """Move an IRI from one data base to another (used for curated reference data under ``--base-iri``)."""
    return new + iri[len(old):] if iri.startswith(old) else iri


@dataclass(frozen=True)
class Minter:
    """Mints every instance IRI of the graph under one base."""

    base: str = DEFAULT_BASE

    def _iri(self, *parts: str) -> URIRef:
        return URIRef(self.base + "/".join(parts))

    # documents and their structure
    def report(self, symbol: str) -> URIRef:
        return self._iri("report", symbol_slug(symbol))

    def section(self, symbol: str, path: tuple[str, ...]) -> URIRef:
        return self._iri("report", symbol_slug(symbol), "section", "-".join(path))

    def subheading(self, symbol: str, first_paragraph: int) -> URIRef:
        return self._iri("report", symbol_slug(symbol), "heading", str(first_paragraph))

    def paragraph(self, symbol: str, number: int) -> URIRef:
        return self._iri("report", symbol_slug(symbol), "para", str(number))

    def figure(self, symbol: str, number: str) -> URIRef:
        return self._iri("report", symbol_slug(symbol), "figure", number)

    def footnote(self, symbol: str, marker: str) -> URIRef:
        return self._iri("report", symbol_slug(symbol), "footnote", "star" if marker == "*" else marker)

    def in_paragraph(self, symbol: str, number: int, kind: str, key: str) -> URIRef:
        """A node extracted from one paragraph, keyed by what it is there (offsets, entity, measure)."""
        return self._iri("report", symbol_slug(symbol), "para", str(number), kind, key)

    def graph(self, kind: str, key: str | None = None) -> URIRef:
        return self._iri("graph", kind, symbol_slug(key)) if key else self._iri("graph", kind)

    def build(self, sha256: str) -> URIRef:
        return self._iri("build", sha256[:16])

    def source(self, sha256: str) -> URIRef:
        return self._iri("source", sha256)

    def software(self, version: str) -> URIRef:
        return self._iri("software", "a4p-kg", version)

    # entities
    def operation(self, acronym: str) -> URIRef:
        return self._iri("operation", acronym)

    def organization(self, name: str) -> URIRef:
        return self._iri("org", slug(name))

    def policy(self, name: str) -> URIRef:
        return self._iri("policy", slug(name))

    def document(self, symbol: str) -> URIRef:
        return self._iri("doc", symbol_slug(symbol))

    def country(self, code_or_name: str) -> URIRef:
        key = code_or_name if re.fullmatch(r"[A-Z]{2}", code_or_name) else slug(code_or_name)
        return self._iri("place", key)

    def theme(self, name: str) -> URIRef:
        return self._iri("theme", slug(name))

    def commitment(self, name: str) -> URIRef:
        return self._iri("commitment", slug(name))

    def measure(self, name: str) -> URIRef:
        return self._iri("measure", slug(name))

    def addressee(self, name: str) -> URIRef:
        return self._iri("addressee", slug(name))

    def concept_scheme(self, name: str) -> URIRef:
        return self._iri("scheme", slug(name))

    @staticmethod
    def goal(number: int) -> URIRef:
        return SDG[str(number)]
