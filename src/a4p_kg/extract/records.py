"""Plain records that extraction produces from paragraphs; :mod:`a4p_kg.emit` turns them into RDF.

No rdflib here: a record names entities by kind and key (an acronym, a canonical name, a symbol), and the
emitter mints their IRIs. Offsets are character offsets into the paragraph's ``text`` (end exclusive).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

__all__ = [
    "EntityRef", "Mention", "Discovered", "Citation", "Support", "Observation", "GoalLink",
    "Recommendation", "PolicyEvent", "MissionFact", "Extraction", "ENTITY_KINDS",
]

#: kinds of entity a record can name; the key each kind uses
ENTITY_KINDS = {
    "operation": "acronym (MINUSCA)",
    "organization": "canonical name (African Union)",
    "policy": "canonical name (policy on casualty evacuations)",
    "country": "ISO 3166-1 alpha-2 code, or the name where there is none (Kosovo)",
    "document": "official symbol (S/RES/1325 (2000))",
    "theme": "Declaration name (Political solutions)",
    "commitment": "commitment-area label (Gender parity)",
    "goal": "SDG number as text ('16')",
}


@dataclass(frozen=True, order=True)
class EntityRef:
    kind: str
    key: str


@dataclass(frozen=True, order=True)
class Mention:
    """A surface form in a paragraph naming an entity; ``explicit=False`` for a resolved weaker reference
    ("the Mission", "the five high-risk missions")."""

    paragraph: int
    start: int
    end: int
    surface: str
    entity: EntityRef
    explicit: bool = True


@dataclass(frozen=True, order=True)
class Discovered:
    """An entity not in the reference data, defined inline ("Full Name (ACRONYM)")."""

    entity: EntityRef
    label: str
    acronym: str | None
    cls: str  # local name of the a4p class, e.g. "Organization", "Policy", "PeacekeepingMission"
    paragraph: int


@dataclass(frozen=True, order=True)
class Citation:
    paragraph: int
    start: int
    end: int
    surface: str
    symbol: str  # the official symbol, normalised: A/RES/73/293, S/RES/1325 (2000), A/73/480/Add.1
    doc_kind: str  # general_assembly_resolution, security_council_resolution, report_of_the_secretary_general, ...
    footnote: str | None = None  # marker of the footnote carrying the citation, if any


@dataclass(frozen=True, order=True)
class Support:
    operation: str  # acronym
    theme: str
    commitment: str | None
    paragraph: int
    quote: str
    partners: tuple[EntityRef, ...] = ()
    basis: str = "section"  # "section": named in a theme's section; "mapping": an explicit statement (para 26)


@dataclass(frozen=True, order=True)
class Observation:
    paragraph: int
    start: int
    end: int
    value: Decimal
    unit: str
    measure: str
    measure_kind: str  # count, percentage, amount, duration, rate, ratio, percentage_increase, ...
    quote: str
    period: str | None = None
    period_start: str | None = None  # ISO date or year, when the period is resolvable
    period_end: str | None = None
    qualifier: str | None = None  # "more than", "about", ...
    about: tuple[EntityRef, ...] = ()
    series: str | None = None  # key shared by the observations of one measure in one paragraph


@dataclass(frozen=True, order=True)
class GoalLink:
    paragraph: int
    goal: int
    start: int
    end: int
    surface: str
    theme: str | None = None


@dataclass(frozen=True, order=True)
class Recommendation:
    paragraph: int
    start: int
    end: int
    text: str
    addressee: str  # "Member States", "troop- and police-contributing countries", ...
    modality: str  # could / should / can / must
    theme: str | None = None


@dataclass(frozen=True, order=True)
class PolicyEvent:
    paragraph: int
    policy: EntityRef
    event_type: str  # promulgated, revised, launched, adopted, signed, brokered, established
    quote: str
    date: str | None = None  # ISO: 2018-03, 2019-02-06, 2019
    agents: tuple[EntityRef, ...] = ()
    supported_by: tuple[EntityRef, ...] = ()
    note: str | None = None  # e.g. "between the Government and 14 armed groups"


@dataclass(frozen=True, order=True)
class MissionFact:
    paragraph: int
    operation: str
    fact_type: str  # highRisk, rolledOut, dataCollected
    quote: str
    policy: EntityRef | None = None  # the policy a rolledOut/dataCollected fact is about


@dataclass
class Extraction:
    """Everything extracted from one report."""

    mentions: list[Mention] = field(default_factory=list)
    discovered: list[Discovered] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    supports: list[Support] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    goals: list[GoalLink] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    events: list[PolicyEvent] = field(default_factory=list)
    facts: list[MissionFact] = field(default_factory=list)
