"""Observations, SDG links, recommendations, policy events and mission facts.

The work is split by kind: :mod:`.numbers` (numbers and periods in text), :mod:`.observations` (what each
number measures), :mod:`.recommendations` (issues for consideration, SDG links, themes) and :mod:`.events`
(policy events, mission facts). Everything here reads a paragraph's ``text``, so offsets index into it.
"""

from __future__ import annotations

from ..reference import Gazetteer
from ..report import ParsedReport
from .events import EntityFinder, paragraph_events, paragraph_facts
from .observations import paragraph_observations
from .records import Extraction
from .recommendations import paragraph_goals, paragraph_recommendations

__all__ = ["extract_statements"]


def extract_statements(report: ParsedReport, gaz: Gazetteer, concepts, extraction: Extraction) -> None:
    """Fill ``extraction.observations``, ``.goals``, ``.recommendations``, ``.events`` and ``.facts``
    (runs after :func:`a4p_kg.extract.entities.extract_entities`, so ``extraction.mentions`` is filled)."""
    finder = EntityFinder(gaz, extraction.mentions)
    date = report.meta.date
    policy_context: list = []  # policy mentions of earlier paragraphs, for "the system", "the Agreement"
    for para in report.paragraphs:
        n, text = para.number, para.text
        ms = finder.mentions(n, text)
        extraction.observations.extend(paragraph_observations(n, text, date, ms))
        extraction.goals.extend(paragraph_goals(report, n, concepts, gaz))
        extraction.recommendations.extend(paragraph_recommendations(report, n, concepts, gaz))
        extraction.events.extend(paragraph_events(n, text, date, gaz, ms, policy_context[-20:]))
        extraction.facts.extend(paragraph_facts(n, text, gaz, ms, policy_context[-20:]))
        policy_context.extend(m for m in ms if m.entity.kind == "policy")
