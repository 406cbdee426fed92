"""Curated reference data (``ontology/reference/*.ttl``) as an rdflib graph and as plain look-up tables.

The Turtle files are written under the default base IRI; :func:`load_reference` moves them to another base.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from .errors import BadInput
from .iris import rebase
from .namespaces import A4P, DEFAULT_BASE
from .paths import reference_dir

__all__ = ["Entity", "Gazetteer", "load_reference", "gazetteer"]

KIND_OF_CLASS = {
    A4P.PeacekeepingMission: "operation", A4P.SpecialPoliticalMission: "operation",
    A4P.RegionalOperation: "operation", A4P.PeaceOperation: "operation",
    A4P.Organization: "organization", A4P.RegionalOrganization: "organization",
    A4P.InternationalOrganization: "organization", A4P.UNBody: "organization",
    A4P.SecretariatUnit: "organization",
    A4P.Policy: "policy", A4P.Framework: "policy", A4P.Strategy: "policy", A4P.ActionPlan: "policy",
    A4P.System: "policy", A4P.Agreement: "policy", A4P.Initiative: "policy", A4P.Programme: "policy",
    A4P.Country: "country", A4P.Territory: "country",
    A4P.Theme: "theme", A4P.Commitment: "commitment", A4P.Goal: "goal", A4P.Addressee: "addressee",
}


@dataclass
class Entity:
    """One curated entity: its IRI, kind, key (acronym for operations, else preferred label) and names."""

    iri: str
    kind: str
    cls: str
    key: str
    label: str
    acronym: str | None = None
    alt_labels: list[str] = field(default_factory=list)
    broader: str | None = None  # commitments: the IRI of their theme or parent commitment
    iso: str | None = None


@dataclass
class Gazetteer:
    """Plain look-up tables over the reference data (no rdflib needed by callers)."""

    entities: list[Entity]

    def by_kind(self, kind: str) -> list[Entity]:
        return [e for e in self.entities if e.kind == kind]

    def get(self, kind: str, key: str) -> Entity | None:
        return self._index().get((kind, key))

    def by_iri(self, iri: str) -> Entity | None:
        return next((e for e in self.entities if e.iri == iri), None)

    def _index(self) -> dict[tuple[str, str], Entity]:
        if not hasattr(self, "_idx"):
            self._idx = {(e.kind, e.key): e for e in self.entities}
        return self._idx


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.ttl"))


def load_reference(*, base: str = DEFAULT_BASE, folder: Path | None = None) -> Graph:
    """The curated reference data as one graph, with IRIs under ``base``.

    Raises:
        BadInput: a reference file does not parse (the message names the file and the line).
    """
    graph = Graph()
    for path in _files(folder or reference_dir()):
        try:
            graph.parse(path, format="turtle")
        except Exception as exc:  # rdflib raises several unrelated types for bad Turtle
            raise BadInput(path, f"does not parse as Turtle: {str(exc).splitlines()[0][:300]}") from None
    if base != DEFAULT_BASE:
        moved = Graph()
        for s, p, o in graph:
            s2 = URIRef(rebase(s, new=base)) if isinstance(s, URIRef) else s
            o2 = URIRef(rebase(o, new=base)) if isinstance(o, URIRef) else o
            moved.add((s2, p, o2))
        graph = moved
    return graph


@lru_cache(maxsize=4)
def _gazetteer(base: str, folder: str | None) -> Gazetteer:
    graph = load_reference(base=base, folder=Path(folder) if folder else None)
    entities = []
    for s, cls in sorted(graph.subject_objects(RDF.type)):
        kind = KIND_OF_CLASS.get(cls)
        if kind is None or not isinstance(s, URIRef):
            continue
        label = graph.value(s, SKOS.prefLabel)
        acronym = graph.value(s, A4P.acronym)
        if label is None:
            continue
        key = str(acronym) if kind == "operation" and acronym else str(label)
        if kind == "goal":
            key = str(s).rsplit("/", 1)[-1]
        if kind == "country" and graph.value(s, A4P.isoCode):
            key = str(graph.value(s, A4P.isoCode))
        if any(e.iri == str(s) for e in entities):
            continue  # typed twice (class and subclass): keep the first
        entities.append(Entity(
            iri=str(s), kind=kind, cls=str(cls).rsplit("#", 1)[-1], key=key, label=str(label),
            acronym=str(acronym) if acronym else None,
            alt_labels=sorted(str(o) for o in graph.objects(s, SKOS.altLabel) if isinstance(o, Literal)),
            broader=str(graph.value(s, SKOS.broader)) if graph.value(s, SKOS.broader) else None,
            iso=str(graph.value(s, A4P.isoCode)) if graph.value(s, A4P.isoCode) else None,
        ))
    return Gazetteer(entities)


def gazetteer(*, base: str = DEFAULT_BASE, folder: Path | None = None) -> Gazetteer:
    """The reference data as plain look-up tables (cached per base and folder)."""
    return _gazetteer(base, str(folder) if folder else None)
