"""Extraction quality against hand-checked annotations: the public set (Summary and paragraphs 1-85) and a
set annotated blind for paragraphs 86-170 under the same conventions (tests/data/eval_heldout/README.md)."""

from __future__ import annotations

import pytest

from a4p_kg.evaluate import TARGETS, evaluate, met
from a4p_kg.cli import main

from support import DATA, EVAL


@pytest.fixture(scope="module")
def public_scores():
    return evaluate(eval_dir=EVAL)


@pytest.fixture(scope="module")
def heldout_scores():
    return evaluate(eval_dir=DATA / "eval_heldout", covered=range(86, 171))


@pytest.mark.parametrize("kind", sorted(TARGETS))
def test_public_annotations_targets(public_scores, kind):
    s = public_scores[kind]
    assert met(kind, s), f"{kind}: P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f}; " \
                         f"FP={s.false_positives[:5]} FN={s.false_negatives[:5]}"


@pytest.mark.parametrize("kind", sorted(set(TARGETS) - {"sdg-links"}))
def test_paragraphs_86_to_170_targets(heldout_scores, kind):
    s = heldout_scores[kind]
    assert met(kind, s), f"{kind}: P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f}; " \
                         f"FP={s.false_positives[:5]} FN={s.false_negatives[:5]}"


def test_evaluate_check_exits_1_when_a_target_is_missed(tmp_path, capsys):
    (tmp_path / "mission_mentions.csv").write_text("paragraph,mission\n6,MINURSO\n")
    assert main(["evaluate", "--eval", str(tmp_path), "--check"]) == 1
    assert "BELOW" in capsys.readouterr().out


def test_evaluate_refuses_a_bad_paragraph_range(capsys):
    assert main(["evaluate", "--paragraphs", "85-1"]) == 2
    assert "--paragraphs" in capsys.readouterr().err
