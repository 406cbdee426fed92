"""The cross-node checks (queries/checks/*.rq): well-formed files returning violation rows, run on Oxigraph,
with the conventions they rely on (code-point offsets, IRIs minted under their report)."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef

from a4p_kg.namespaces import A4P, NIF, RDF
from a4p_kg.validate import check_store, checks, data_graph, run_checks, validate_dataset
from shapes.examples import base, examples

CHECKS = checks()
ID = "https://w3id.org/a4p/id/"


def by_name(name: str):
    return next(e for e in examples("invalid") if e.name == name)


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.name)
def test_check_returns_violation_rows(check):
    """Every check is a SELECT of ?focus ?paragraph ?value ?message with a summary, and finds nothing in the
    valid example."""
    from a4p_kg.queries import parse_header

    header = parse_header(check.query, source=check.name)
    assert header["returns"] == ("focus", "paragraph", "value", "message")
    assert "ORDER BY" in check.query
    solutions = check_store(data_graph(base().graph())).query(check.query)
    assert [v.value for v in solutions.variables] == ["focus", "paragraph", "value", "message"]
    assert list(solutions) == []


def test_there_is_a_check_for_every_cross_node_rule_of_the_issue():
    names = {c.name for c in CHECKS}
    assert {"paragraph_numbers_unique", "paragraph_numbers_contiguous", "paragraph_section_chain",
            "annotation_offsets", "extracted_from_paragraph", "named_entities_known"} <= names


def test_duplicate_paragraph_numbers_name_both_paragraphs():
    rows = validate_dataset(by_name("check.paragraph_numbers_unique__duplicate").graph()).results
    assert {str(r.paragraph) for r in rows} == {ID + "report/A-99-100/para/2", ID + "report/A-99-100/para/3"}
    assert all("used twice in report A/99/100" in r.message for r in rows)


def test_a_gap_in_paragraph_numbers_says_which_number_is_missing():
    (row,) = validate_dataset(by_name("check.paragraph_numbers_contiguous__gap").graph()).results
    assert row.focus == URIRef(ID + "report/A-99-100")
    assert "skip 3" in row.message


def test_offsets_count_code_points_like_python_and_sparql():
    """A text with characters outside the Basic Multilingual Plane: Python slicing and SPARQL SUBSTR agree on
    code-point offsets, and offsets counted in UTF-16 units are caught."""
    valid = next(e for e in examples("valid") if e.name == "astral_offsets").graph()
    paragraph = URIRef(ID + "report/A-99-100/para/0")
    text = str(valid.value(paragraph, A4P.text))
    mention = next(m for m in valid.subjects(NIF.referenceContext, paragraph))
    begin, end = int(valid.value(mention, NIF.beginIndex)), int(valid.value(mention, NIF.endIndex))
    assert len(text.encode("utf-16-le")) // 2 > len(text)  # there are surrogate pairs
    assert text[begin:end] == str(valid.value(mention, NIF.anchorOf)) == "protection"
    assert validate_dataset(valid).conforms
    (row,) = validate_dataset(by_name("check.annotation_offsets__utf16_offsets").graph()).results
    assert 'not the surface form "protection"' in row.message


def test_offsets_past_the_text_are_reported_with_the_text_length():
    (row,) = validate_dataset(by_name("check.annotation_offsets__outside_text").graph()).results
    assert "fall outside the text of its paragraph" in row.message
    assert row.paragraph == URIRef(ID + "report/A-99-100/para/1")


def test_an_undescribed_operation_is_reported_as_a_peace_operation():
    (row,) = validate_dataset(by_name("check.named_entities_known__undescribed_operation").graph()).results
    assert row.focus == URIRef(ID + "operation/MINUSMA")
    assert row.message.startswith("This peace operation is named in a paragraph")


def test_disjointness_counts_domains_and_says_why():
    """An entity that is both a mission and a place, and one that becomes a place by a property's domain."""
    g = base().graph()
    minusca = URIRef(ID + "operation/MINUSCA")
    g.add((minusca, A4P.isoCode, Literal("CF")))  # rdfs:domain a4p:Place
    rows = run_checks(check_store(data_graph(g)), [c for c in CHECKS if c.name == "disjoint_classes"])
    (row,) = [r for _, r in rows]
    assert row["focus"] == minusca
    assert "a4p:PeaceOperation (it is typed a4p:PeacekeepingMission)" in str(row["message"])
    assert "a4p:Place (it is the subject of a4p:isoCode, whose rdfs:domain is a4p:Place)" in str(row["message"])


def test_disjointness_counts_ranges_only_when_asked():
    """Validation leaves a value of the wrong class to sh:class; `reason` asks for ranges to explain HermiT."""
    from a4p_kg.validate import CHECKS_NS

    g = base().graph()
    g.add((URIRef(ID + "report/A-99-100/para/1"), A4P.theme, URIRef(ID + "operation/MINUSCA")))
    chosen = [c for c in CHECKS if c.name == "disjoint_classes"]
    assert run_checks(check_store(data_graph(g)), chosen) == []
    g.add((URIRef(CHECKS_NS + "disjoint_classes"), URIRef(CHECKS_NS + "countRanges"), Literal(True)))
    rows = [r for _, r in run_checks(check_store(data_graph(g)), chosen)]
    assert [str(r["focus"]) for r in rows] == [ID + "operation/MINUSCA"]


def test_a_broken_chain_is_reported_once_per_paragraph_not_by_every_check():
    report = validate_dataset(by_name("check.paragraph_section_chain__loop").graph())
    assert {r.shape for r in report.results} == {"check:paragraph_section_chain"}
    assert len(report.results) == 3  # paragraphs 1, 2 and 3; the Summary hangs on the report


def test_checks_see_all_named_graphs_of_a_dataset():
    """A dataset whose report and reference data sit in different named graphs is checked as one graph."""
    from rdflib import Dataset

    g = base().graph()
    ds = Dataset()
    report_graph = ds.graph(URIRef(ID + "graph/report/A-99-100"))
    reference = ds.graph(URIRef(ID + "graph/reference"))
    for s, p, o in g:
        (reference if str(s).startswith((ID + "operation", ID + "org", ID + "theme")) else report_graph).add((s, p, o))
    assert validate_dataset(ds).conforms
    assert isinstance(g, Graph) and (URIRef(ID + "operation/MINUSCA"), RDF.type, None) in reference
