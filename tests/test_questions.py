"""The public questions (tests/data/eval/questions.md), each answered through canned queries on the seed
report A/74/533, with the supporting paragraphs as evidence. A failure here is either a query that asks the
wrong thing or an extraction that misses the answer: the message says which answer is missing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from a4p_kg import queries
from a4p_kg.store import EmbeddedStore
from a4p_kg.tallies import refresh



@pytest.fixture(scope="module")
def store(built_graph_dir):
    """The graph as `a4p-kg build` exports it (graph/a4p.trig), in an in-memory store with its tallies."""
    s = EmbeddedStore.memory()
    with open(built_graph_dir / "a4p.trig", "rb") as fh:
        s.load_quads(fh, format="trig")
    refresh(s)
    return s


def rows(store, name: str, **params) -> list[dict[str, str]]:
    res = queries.run(name, store, params)
    return [{k: (t.value if t is not None else "") for k, t in d.items()} for d in res.dicts()]


def items(cell: str, sep: str = ", ") -> set[str]:
    return {x for x in cell.split(sep) if x}


def paragraphs(cell: str) -> set[int]:
    return {int(x) for x in items(cell)}


def series(store, measure: str) -> dict[str, tuple[Decimal, str]]:
    """period -> (value, paragraph) of a measure's observations."""
    return {r["period"]: (Decimal(r["value"]), r["paragraph"]) for r in rows(store, "measure_series", measure=measure)}


def test_q1_cpas_missions_and_deadline(store):
    """Which missions use CPAS, which collected data, by when will all use it (paras 83, 85)."""
    got = rows(store, "policies", policy="comprehensive performance assessment system")
    by_missions = {frozenset(items(r["missions"])): r for r in got if r["missions"]}
    six = frozenset({"MINUSCA", "UNMISS", "UNIFIL", "UNFICYP", "MONUSCO", "MINUSMA"})
    four = frozenset({"MINUSCA", "UNMISS", "UNIFIL", "UNFICYP"})
    assert six in by_missions, f"the six missions of the roll-out (para 83); got {sorted(map(sorted, by_missions))}"
    assert 83 in paragraphs(by_missions[six]["paragraphs"])
    assert four in by_missions, "the four missions that collected data and analysed performance (para 85)"
    assert 85 in paragraphs(by_missions[four]["paragraphs"])
    dated = [r for r in got if r["date"]]
    assert any(r["date"] == "2020-07" and 83 in paragraphs(r["paragraphs"]) for r in dated), \
        f"all peacekeeping operations by July 2020 (para 83); dated rows: {dated}"


def test_q3_high_risk_missions_and_the_review_behind_the_action_plan(store):
    got = rows(store, "mission_facts", fact="highRisk")
    assert {r["missionLabel"] for r in got} == {"MINUSCA", "MINUSMA", "MONUSCO", "UNAMID", "UNMISS"}
    assert {r["paragraph"] for r in got} == {"66"}
    hits = rows(store, "search", phrase="independent review of peacekeeper fatalities")
    assert [r["paragraph"] for r in hits] == ["66"]
    assert items(hits[0]["missions"]) == {"MINUSCA", "MINUSMA", "MONUSCO", "UNAMID", "UNMISS"}
    assert "2017 independent review of peacekeeper fatalities due to hostile acts" in hits[0]["text"]


def test_q4_peacekeepers_killed_by_acts_of_violence_per_period(store):
    got = series(store, "peacekeeper fatalities due to acts of violence")
    assert {p: v for p, (v, _) in got.items()} == {"2017": 58, "2018": 27, "1 January to 26 August 2019": 21}
    assert {para for _, para in got.values()} == {"68"}


def test_q7_the_four_goals_linked_to_the_declaration_themes(store):
    got = rows(store, "sdg_links")
    assert {int(r["goalNumber"]) for r in got} == {5, 10, 11, 16}
    assert {r["paragraph"] for r in got} == {"9"}


def test_q8_who_brokered_the_central_african_agreement_when_and_with_whom(store):
    got = rows(store, "policies",
               policy="Political Agreement for Peace and Reconciliation in the Central African Republic")
    brokered = [r for r in got if r["relation"] == "brokered"]
    assert brokered, f"a 'brokered' event (para 28); relations: {[r['relation'] for r in got]}"
    assert items(brokered[0]["agents"], "; ") == {"African Union", "Economic Community of Central African States"}
    assert "MINUSCA" in items(brokered[0]["partners"], "; ")
    assert 28 in paragraphs(brokered[0]["paragraphs"])
    signed = [r for r in got if r["relation"] == "signed" and 28 in paragraphs(r["paragraphs"])]
    assert signed and signed[0]["date"] == "2019-02"
    assert "14 armed groups" in signed[0]["note"]
    partners = rows(store, "partners_of_mission", mission="MINUSCA")
    assert {"African Union", "Economic Community of Central African States"} <= {
        r["partnerLabel"] for r in partners if r["relation"] == "brokered"}


def test_q12_casualty_evacuation_policy_stress_tests_and_one_stop_shop(store):
    got = rows(store, "policies", policy="policy on casualty evacuations")
    promulgated = [r for r in got if r["relation"] == "promulgated"]
    assert promulgated and promulgated[0]["date"] == "2018-03" and 106 in paragraphs(promulgated[0]["paragraphs"])
    hits = rows(store, "search", phrase="stress-testing")
    assert [r["paragraph"] for r in hits] == ["70"]
    assert items(hits[0]["missions"]) == {"UNMISS", "MINUSCA", "MINUSMA", "MONUSCO"}
    shop = rows(store, "search", phrase="one-stop shop")
    assert [r["paragraph"] for r in shop] == ["70"] and "MINUSCA introduced a “one-stop shop”" in shop[0]["text"]


def test_q16_women_in_police_and_justice_and_corrections_deployments(store):
    police = series(store, "share of women deployed as individual police officers")
    assert {p: v for p, (v, _) in police.items()} == {"2017": 18, "2019": 27}
    fpu = series(store, "share among formed police units")
    assert {p: v for p, (v, _) in fpu.items()} == {"2017": 6, "2019": 10}
    para49 = rows(store, "figures", paragraph="49")
    assert any(Decimal(r["value"]) == 50 and r["unit"] == "percent" for r in para49), "an increase of 50 per cent"
    para50 = rows(store, "figures", paragraph="50")
    assert {(Decimal(r["value"]), r["period"]) for r in para50} >= {(Decimal(27), "as at August 2019"),
                                                                      (Decimal(30), "by 2022")}


def test_q19_security_council_resolutions_cited_and_where(store):
    got = rows(store, "cited_documents", prefix="S/RES/")
    assert {(r["symbol"], r["paragraph"], r["footnote"]) for r in got} == {
        ("S/RES/1325 (2000)", "24", ""), ("S/RES/2436 (2018)", "86", ""), ("S/RES/1888 (2009)", "128", ""),
        ("S/RES/1244 (1999)", "105", "1")}


def test_q22_memorandums_of_understanding(store):
    got = rows(store, "figures", paragraph="13")
    values = {(Decimal(r["value"]), r["period"]) for r in got}
    assert {(Decimal(646), "2017"), (Decimal(600), "2018"), (Decimal(375), "2019")} <= values
    assert {Decimal(40), Decimal(80), Decimal(13), Decimal(350), Decimal(2)} <= {v for v, _ in values}
    unit = rows(store, "paragraphs_mentioning_all", entity1="Uniformed Capabilities Support Division",
                entity2="Department of Operational Support")
    assert [r["paragraph"] for r in unit] == ["13"]


def test_q25_capability_readiness_and_rapid_deployment(store):
    got = rows(store, "figures", paragraph="89")
    values = {(Decimal(r["value"]), r["period"]) for r in got}
    assert {(Decimal(100), "2019"), (Decimal(43), "2016")} <= values
    assert {Decimal(267), Decimal(12), Decimal(3700), Decimal(60), Decimal(8)} <= {v for v, _ in values}
