"""What every emitter shares: the target graph, the IRI minter, the report's symbol and the gazetteer."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV

from ..extract.records import EntityRef
from ..iris import Minter
from ..reference import Gazetteer

__all__ = ["EmitContext"]


@dataclass
class EmitContext:
    graph: Graph
    minter: Minter
    symbol: str
    gaz: Gazetteer

    def para(self, number: int) -> URIRef:
        return self.minter.paragraph(self.symbol, number)

    def node(self, number: int, kind: str, key: str) -> URIRef:
        """IRI of a node extracted from paragraph ``number`` (``kind`` e.g. "mention", ``key`` e.g. "12-19")."""
        return self.minter.in_paragraph(self.symbol, number, kind, key)

    def iri_for(self, ref: EntityRef) -> URIRef:
        """The entity's IRI: the curated one when the reference data has it, else a minted one."""
        known = self.gaz.get(ref.kind, ref.key)
        if known is not None:
            return URIRef(known.iri)
        m = self.minter
        minting = {
            "operation": m.operation, "organization": m.organization, "policy": m.policy,
            "country": m.country, "document": m.document, "theme": m.theme, "commitment": m.commitment,
            "addressee": m.addressee,
        }
        if ref.kind == "goal":
            return m.goal(int(ref.key))
        return minting[ref.kind](ref.key)

    def derived(self, node: URIRef, paragraph: int) -> None:
        """Attach provenance: ``node prov:wasDerivedFrom`` the paragraph it comes from."""
        self.graph.add((node, PROV.wasDerivedFrom, self.para(paragraph)))

    def add(self, s, p, o) -> None:
        if o is None:
            return
        self.graph.add((s, p, o if isinstance(o, (URIRef, Literal)) else Literal(o)))
