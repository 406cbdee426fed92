"""The parser reproduces the report's structure exactly (tests/data/eval/structure.csv, figures.csv)."""

from __future__ import annotations

import pytest

from a4p_kg.errors import BadInput
from a4p_kg.report import parse_file, parse_text, unescape_markdown

from support import SMALL, read_csv


def structure_rows(report):
    """One row per innermost heading holding paragraphs, as structure.csv has them."""
    rows, seen = [], {}
    for p in report.paragraphs:
        if p.number == 0:
            continue
        if p.section not in seen:
            seen[p.section] = len(rows)
            titles = [report.section(p.section[:k]).title for k in range(1, len(p.section) + 1)]
            rows.append([p.section, titles, p.number, p.number])
        rows[seen[p.section]][3] = p.number
    return rows


def test_structure_matches_annotations_row_for_row(seed_report):
    expected = read_csv("structure.csv")
    got = structure_rows(seed_report)
    assert len(got) == len(expected)
    for (path, titles, first, last), row in zip(got, expected):
        exp_path = tuple(x for x in (row["section_number"], row["subsection_letter"],
                                     row["subsubsection_number"]) if x)
        exp_titles = [t for t in (row["section_title"], row["subsection_title"], row["subsubsection_title"]) if t]
        assert (path, titles, first, last) == (exp_path, exp_titles, int(row["first_paragraph"]),
                                               int(row["last_paragraph"]))


def test_figures_match_annotations_row_for_row(seed_report):
    expected = read_csv("figures.csv")
    got = [(f.number, f.caption, f.paragraph) for f in seed_report.figures]
    assert got == [(r["figure_number"], r["caption"], int(r["preceding_paragraph"])) for r in expected]


def test_paragraphs_are_0_to_170_and_heading_lines_are_not_paragraphs(seed_report):
    assert [p.number for p in seed_report.paragraphs] == list(range(171))
    assert seed_report.paragraph(78).text.startswith("The comprehensive and integrated performance policy framework")
    assert not any(p.text.startswith("Comprehensive and integrated performance policy framework")
                   for p in seed_report.paragraphs)


@pytest.mark.parametrize("number, joined", [
    (13, "two new departments were established in January 2019 to support this new decentralized"),
    (74, "from 30 per cent in October 2018 to 48 per cent in June 2019"),
    (18, "liabilities to troop- and police-contributing countries"),
])
def test_text_broken_by_a_page_break_is_rejoined(seed_report, number, joined):
    assert joined in seed_report.paragraph(number).text


def test_figure_captions_sources_and_notes_never_leak_into_paragraphs(seed_report):
    for fig in seed_report.figures:
        for p in seed_report.paragraphs:
            assert fig.caption not in p.text
            for extra in fig.sources + fig.notes + fig.content:
                assert extra not in p.text
    xiii = next(f for f in seed_report.figures if f.number == "XIII")
    assert xiii.sources[0].startswith("Analysis by the Strategic Force Generation")
    assert xiii.notes[0].startswith("2018 figures are for the first half of 2018")


def test_markdown_escapes_are_undone(seed_report):
    assert "$216 million" in seed_report.paragraph(18).text
    assert "General Assembly resolution 73/293," in seed_report.paragraph(0).text
    assert "resolution 1888 (2009)" in seed_report.paragraph(128).text
    assert "\\" not in "".join(p.text for p in seed_report.paragraphs)
    assert unescape_markdown("[A/73/480](#) and \\$5") == "A/73/480 and $5"


def test_footnote_on_kosovo_belongs_to_paragraph_105(seed_report):
    note = next(n for n in seed_report.footnotes if n.marker == "1")
    assert note.paragraph == 105
    assert "resolution 1244 (1999)" in note.text
    assert "References to Kosovo" not in seed_report.paragraph(112).text


def test_run_in_headings(seed_report):
    titles = {(s.title, s.first_paragraph) for s in seed_report.subheadings}
    assert ("Comprehensive performance assessment system", 83) in titles
    assert ("Strategic force generation", 89) in titles
    assert seed_report.paragraph(84).subheading == 83


def test_header_metadata(seed_report):
    m = seed_report.meta
    assert (m.date, m.session, m.agenda_item, m.body) == ("2019-11-05", 74, "52", "General Assembly")
    assert m.title == "Implementation of the recommendations of the Special Committee on Peacekeeping Operations"


def test_another_report_of_the_series_parses():
    r = parse_file(SMALL)
    assert (r.meta.date, r.meta.session, r.meta.agenda_item) == ("2021-10-14", 76, "54")
    assert [p.number for p in r.paragraphs] == list(range(9))
    assert [s.path for s in r.sections] == [("I",), ("II",), ("II", "A"), ("II", "B"), ("III",), ("III", "A"),
                                          ("III", "A", "1"), ("III", "B")]
    assert r.paragraph(6).text.endswith("troop- and police-contributing countries.")
    assert [(f.number, f.caption, f.paragraph) for f in r.figures] == [("I", "Share of units evaluated, 2019–2021", 6)]
    assert r.footnotes[0].paragraph == 7
    assert r.subheadings[0].title == "Training partnerships"


@pytest.mark.parametrize("text, problem", [
    ("I. Context\n\nNo numbered paragraphs here.\n", "has no numbered paragraphs"),
    ("I. Context\n\n1. One.\n\n1. Again.\n", "paragraph 1 appears twice"),
    ("I. Context\n\n1. One.\n\n3. Three.\n", "out of order: 3 follows 1"),
])
def test_bad_structure_is_refused_with_the_problem(text, problem):
    with pytest.raises(BadInput) as err:
        parse_text(text, source="r.txt")
    assert problem in str(err.value) and str(err.value).startswith("r.txt: ")
