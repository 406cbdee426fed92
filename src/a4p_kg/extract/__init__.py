"""Paragraphs -> plain records (see :mod:`.records`): what each paragraph says, with its offsets.

- :mod:`.entities`: mentions of operations, organizations, policies, countries; acronym discovery; weaker
  references; document citations; mission support for commitments
- :mod:`.statements`: observations (figures), SDG links, recommendations, policy events, mission facts
"""

from __future__ import annotations

from ..reference import Gazetteer
from ..report import ParsedReport
from .entities import extract_entities
from .records import Extraction
from .sections import SectionConcepts
from .statements import extract_statements

__all__ = ["extract_report"]


def extract_report(report: ParsedReport, gaz: Gazetteer,
                   concepts: dict[tuple[str, ...], SectionConcepts]) -> Extraction:
    """Everything the loader extracts from one parsed report."""
    extraction = Extraction()
    extract_entities(report, gaz, concepts, extraction)
    extract_statements(report, gaz, concepts, extraction)
    return extraction
