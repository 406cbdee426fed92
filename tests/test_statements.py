"""Observations, SDG links, recommendations, policy events and mission facts: the questions users ask of the
seed report (Q1, Q3, Q4, Q7, Q8, Q12, Q16, Q22, Q25), the annotations (facts.csv), the small report, and the
RDF the emitter writes for them (docs/model.md)."""

from __future__ import annotations

import re
import time
from decimal import Decimal

import pytest
from rdflib import Literal
from rdflib.namespace import RDF, SKOS, XSD

from a4p_kg.evaluate import score
from a4p_kg.extract.numbers import MULTIPLIERS, ORDINAL_WORDS, find_numbers, find_periods
from a4p_kg.namespaces import A4P, NIF, PROV, SDG
from a4p_kg.reference import gazetteer

from support import EVAL, SEED


@pytest.fixture(scope="module")
def seed(seed_build):
    return seed_build.extraction


def obs(extraction, paragraph: int, value=None):
    out = [o for o in extraction.observations if o.paragraph == paragraph]
    if value is not None:
        out = [o for o in out if o.value == Decimal(str(value))]
    return out


def one(extraction, paragraph: int, value):
    found = obs(extraction, paragraph, value)
    assert len(found) == 1, (paragraph, value, found)
    return found[0]


def needs_mentions(extraction, paragraph: int, kinds=("operation", "organization")):
    if not any(m.paragraph == paragraph and m.entity.kind in kinds for m in extraction.mentions):
        pytest.skip("needs the entity extraction's mentions")


# ------------------------------------------------------------------------------------------ observations

def test_observation_recall_and_precision_on_the_annotations(seed):
    s = score(seed, eval_dir=EVAL, gaz=gazetteer())["observations"]
    assert s.recall >= 0.95, s.false_negatives
    assert s.precision >= 0.95, s.false_positives


def test_q4_fatalities_due_to_violence_are_one_series(seed):
    rows = [one(seed, 68, v) for v in (58, 27, 21)]
    assert len({o.measure for o in rows}) == 1
    assert "fatalities" in rows[0].measure and "violence" in rows[0].measure
    assert len({o.series for o in rows}) == 1 and rows[0].series
    assert [(o.period_start, o.period_end) for o in rows] == [
        ("2017", "2017"), ("2018", "2018"), ("2019-01-01", "2019-08-26")]
    assert rows[2].period == "1 January to 26 August 2019"
    assert {o.measure_kind for o in rows} == {"count"} and {o.unit for o in rows} == {"fatalities"}


def test_q4_mission_breakdown_is_about_the_mission(seed):
    needs_mentions(seed, 68, ("operation",))
    about = {o.value: {e.key for e in o.about} for o in obs(seed, 68) if o.value in (11, 8, 7)}
    assert about == {Decimal(11): {"MINUSMA"}, Decimal(8): {"MONUSCO"}, Decimal(7): {"MINUSCA"}}
    assert {o.period_start for o in obs(seed, 68) if o.value in (11, 8, 7)} == {"2018"}


def test_q16_women_in_police_and_justice_deployments(seed):
    ipo = [one(seed, 49, v) for v in (18, 27)]
    assert ipo[0].measure == ipo[1].measure and ipo[0].series
    assert [o.period_start for o in ipo] == ["2017", "2019"]
    assert {o.unit for o in ipo} == {"percent"}
    rise = one(seed, 49, 50)
    assert rise.measure_kind == "percentage_increase" and (rise.period_start, rise.period_end) == ("2017", "2019")
    fpu = [one(seed, 49, v) for v in (6, 10)]
    assert fpu[0].measure == fpu[1].measure != ipo[0].measure
    justice = one(seed, 50, 27)
    assert (justice.period_start, justice.period_end) == ("2019-08", "2019-08") and justice.unit == "percent"
    goal = one(seed, 50, 30)
    assert goal.measure_kind == "target_percentage" and goal.period_end == "2022"


def test_q22_memorandums_of_understanding(seed):
    days = [one(seed, 13, v) for v in (646, 600, 375)]
    assert len({o.measure for o in days}) == 1 and days[0].series
    assert "days" in days[0].measure and "memorandum of understanding" in days[0].measure
    assert [o.period_start for o in days] == ["2017", "2018", "2019"]
    assert {o.unit for o in days} == {"days"} and {o.measure_kind for o in days} == {"duration"}
    cut = one(seed, 13, 40)
    assert cut.measure_kind == "percentage_decrease" and cut.qualifier == "about"
    assert (cut.period_start, cut.period_end) == ("2017", "2019")
    backlog = one(seed, 13, 80)
    assert backlog.measure_kind == "percentage_decrease" and "backlog" in backlog.measure
    pending = one(seed, 13, 13)
    assert pending.qualifier == "just" and pending.period_start == "2019-10"
    assert one(seed, 13, 350).qualifier == "more than"
    rate = [o for o in obs(seed, 13, 2) if o.measure_kind == "rate"]
    assert len(rate) == 1 and rate[0].qualifier == "more than" and "per month" in rate[0].unit


def test_q25_capability_readiness_and_rapid_deployment(seed):
    all_new = [o for o in obs(seed, 89, 100) if o.unit == "percent"]
    assert len(all_new) == 1 and all_new[0].period_start == "2019"
    text = seed_text(89)
    assert text[all_new[0].start:all_new[0].end] == "all"
    before = one(seed, 89, 43)
    assert before.period_start == "2016" and before.series == all_new[0].series and before.series
    assert one(seed, 89, 267).unit == "pledges"
    ready = one(seed, 89, 3700)
    assert ready.qualifier == "almost" and ready.unit == "persons"
    assert one(seed, 89, 60).unit == "days"
    assert sorted(o.value for o in obs(seed, 89, 8)) == [8, 8]
    assert sorted(o.value for o in obs(seed, 89, 12)) == [12, 12]
    assert {o.period_start for o in obs(seed, 89, 8)} == {"2019-01"}


def seed_text(n: int) -> str:
    from a4p_kg.report import parse_file

    return parse_file(SEED).paragraph(n).text


def test_observations_are_anchored_in_their_paragraph(seed_build):
    report, extraction = seed_build.report, seed_build.extraction
    assert extraction.observations
    for o in extraction.observations:
        text = report.paragraph(o.paragraph).text
        assert o.quote and o.quote in text, o
        assert 0 <= o.start < o.end <= len(text)
        surface = text[o.start:o.end]
        nums = find_numbers(surface, [])
        words = {**ORDINAL_WORDS, **MULTIPLIERS, "all": 100}
        assert nums and nums[0].value == o.value or words.get(surface.lower()) == o.value, (surface, o.value)
        assert o.measure and o.unit and re.fullmatch(r"[a-z][a-z_]*", o.measure_kind)
        for iso in (o.period_start, o.period_end):
            assert iso is None or re.fullmatch(r"(19[4-9]\d|20\d\d)(-\d\d(-\d\d)?)?", iso)


def test_values_are_normalized(seed):
    assert one(seed, 18, 216000000).unit == "USD"
    assert one(seed, 1, 90000).qualifier == "more than"
    assert one(seed, 48, 15.3).unit == "percent"
    assert one(seed, 57, 16).measure_kind == "count"  # "Sixteen commanders"
    assert one(seed, 25, 1).unit == "years"  # "a one-year timeline"
    assert one(seed, 67, 4).measure_kind == "ordinal"  # "a fourth iteration"
    assert one(seed, 71, 3).measure_kind == "ratio"  # "three to one"
    assert one(seed, 45, 91).unit == "percent"  # "91, 99 and 100 per cent"


def test_dates_labels_and_symbols_are_not_observations(seed):
    values = {(o.paragraph, o.value) for o in seed.observations}
    for paragraph, value in [(1, 1948), (9, 2030), (9, 10), (9, 16), (0, 73), (0, 293), (24, 1325),
                             (51, 5), (51, 2), (52, 5), (41, 1), (11, 1), (48, 2018), (68, 2017), (69, 2019),
                             (77, 2), (77, 3), (81, 360), (86, 2436)]:
        if (paragraph, value) == (41, 1):
            continue  # "one armed group representative" is a count; "For the first time" is not
        assert (paragraph, Decimal(value)) not in values, (paragraph, value)
    # "first eight months" delimits a period, and is not a number of months
    assert {o.value for o in obs(seed, 69)} == {Decimal(v) for v in (38, 24, 8, 4)}


def test_periods_are_resolved():
    ps = find_periods("from July 2018 to June 2019; in 2018/19; as at 31 August 2019; by mid-2021; "
                      "in the first half of 2019; at the end of October", "2019-11-05")
    assert [(p.start_iso, p.end_iso) for p in ps] == [
        ("2018-07", "2019-06"), ("2018-07", "2019-06"), ("2019-08-31", "2019-08-31"), (None, "2021"),
        ("2019-01", "2019-06"), ("2019-10", "2019-10")]


def test_small_report_numbers(small_build):
    e = small_build.extraction
    assert {(o.paragraph, o.value) for o in e.observations} == {
        (1, Decimal(87000)), (1, Decimal(12)), (3, Decimal(14)), (3, Decimal(9)), (6, Decimal(40)),
        (6, Decimal(65)), (6, Decimal(12000000)), (7, Decimal(320))}
    meetings = [one(e, 3, 14), one(e, 3, 9)]
    assert meetings[0].measure == meetings[1].measure and meetings[0].series
    assert [o.period_start for o in meetings] == ["2021", "2020"]
    share = [one(e, 6, 40), one(e, 6, 65)]
    assert share[0].series == share[1].series and [o.period_start for o in share] == ["2019", "2021"]
    assert one(e, 1, 87000).qualifier == "more than" and one(e, 6, 12000000).unit == "USD"
    assert one(e, 7, 320).unit == "persons"


# -------------------------------------------------------------------------------------------- SDG links

def test_q7_four_goals_linked_to_the_themes_together(seed):
    links = {g.goal: g for g in seed.goals}
    assert set(links) == {5, 10, 11, 16}
    assert {g.paragraph for g in links.values()} == {9}
    assert all(g.theme is None for g in links.values())
    labels = {g.goal: g.surface for g in links.values()}
    assert labels[10].startswith("reduction of inequalities")
    assert labels[16].startswith("strengthening of peace, justice and institutions")
    text = seed_text(9)
    assert all(text[g.start:g.end] == g.surface for g in links.values())


# ------------------------------------------------------------------------------------------ recommendations

def recs(extraction, paragraph: int):
    return [r for r in extraction.recommendations if r.paragraph == paragraph]


@pytest.mark.parametrize("paragraph, theme", [(39, "Political solutions"), (53, "Women and peace and security"),
                                              (65, "Protection"), (77, "Safety and security")])
def test_recommendations_to_member_states(seed, paragraph, theme):
    found = [r for r in recs(seed, paragraph) if r.addressee == "Member States"]
    assert found and all(r.theme == theme for r in found)
    assert found[0].modality in ("could", "should")
    assert found[0].text.startswith("Member States")
    assert seed_text(paragraph)[found[0].start:found[0].end] == found[0].text


def test_recommendations_name_their_addressees_and_modality(seed):
    assert {(r.addressee, r.modality) for r in recs(seed, 53)} == {
        ("Member States", "should"), ("troop- and police-contributing countries", "should")}
    # "must" in the Observations: a call on Member States, the Secretariat and contributors
    assert {r.addressee for r in recs(seed, 162)} >= {"Member States", "Secretariat",
                                                     "troop- and police-contributing countries"}
    assert {r.modality for r in recs(seed, 162)} == {"must"}
    assert {r.theme for r in recs(seed, 162)} == {"Women and peace and security"}
    # rules and facts are not recommendations: "must also certify", "can now access"
    assert not recs(seed, 151) and not recs(seed, 152) and not recs(seed, 148)


# ------------------------------------------------------------------------------------------ events and facts

def test_q1_cpas_missions_and_target_date(seed):
    rolled = {f.operation for f in seed.facts if f.fact_type == "rolledOut" and f.paragraph == 83}
    assert rolled == {"MINUSCA", "UNMISS", "UNIFIL", "UNFICYP", "MONUSCO", "MINUSMA"}
    collected = {f.operation for f in seed.facts if f.fact_type == "dataCollected"}
    assert collected == {"MINUSCA", "UNMISS", "UNIFIL", "UNFICYP"}
    policies = {f.policy for f in seed.facts if f.fact_type in ("rolledOut", "dataCollected")}
    assert {p.key for p in policies if p} == {"comprehensive performance assessment system"}
    planned = [e for e in seed.events if e.paragraph == 83 and e.event_type == "plannedRollout"]
    assert len(planned) == 1 and planned[0].date == "2020-07"
    assert planned[0].policy.key == "comprehensive performance assessment system"


def test_q3_high_risk_missions(seed):
    high = {(f.paragraph, f.operation) for f in seed.facts if f.fact_type == "highRisk"}
    assert high == {(66, a) for a in ("MINUSCA", "MINUSMA", "MONUSCO", "UNAMID", "UNMISS")}


def test_q8_agreement_brokered_and_signed(seed):
    key = "Political Agreement for Peace and Reconciliation in the Central African Republic"
    signed = [e for e in seed.events if e.paragraph == 28 and e.event_type == "signed"]
    assert len(signed) == 1 and signed[0].policy.key == key and signed[0].date == "2019-02"
    assert "14 armed groups" in signed[0].note
    needs_mentions(seed, 28)
    brokered = [e for e in seed.events if e.paragraph == 28 and e.event_type == "brokered"]
    assert len(brokered) == 1 and brokered[0].policy.key == key
    assert {a.key for a in brokered[0].agents} == {"African Union", "Economic Community of Central African States"}
    assert {a.key for a in brokered[0].supported_by} == {"MINUSCA"}


def test_q12_casualty_evacuation_policy_promulgated(seed):
    found = [e for e in seed.events if e.paragraph == 106 and e.event_type == "promulgated"]
    assert len(found) == 1 and found[0].date == "2018-03"
    assert found[0].policy.key == "policy on casualty evacuations"


def test_small_report_rollout_and_recommendations(small_build):
    e = small_build.extraction
    assert {f.operation for f in e.facts if f.fact_type == "rolledOut"} == {"UNDOF", "UNISFA"}
    assert [(r.paragraph, r.addressee, r.modality) for r in e.recommendations] == [
        (5, "Member States", "could"), (8, "troop- and police-contributing countries", "should")]


# ---------------------------------------------------------------------------------------------------- RDF

def test_emitted_observation_series_and_measure(seed_build):
    g = seed_build.graph
    para = seed_build.report
    base = "https://w3id.org/a4p/id/report/A-74-533/para/68"
    o = one(seed_build.extraction, 68, 21)
    node = g.resource(f"{base}/obs/{o.start}").identifier
    assert (node, RDF.type, A4P.Observation) in g
    assert g.value(node, A4P.value).datatype == XSD.decimal and g.value(node, A4P.value).toPython() == 21
    assert (node, A4P.periodStart, Literal("2019-01-01", datatype=XSD.date)) in g
    assert (node, NIF.beginIndex, Literal(o.start, datatype=XSD.nonNegativeInteger)) in g
    assert (node, PROV.wasDerivedFrom, g.resource(base).identifier) in g
    series = g.value(node, A4P.inSeries)
    measure = g.value(node, A4P.measure)
    assert (series, RDF.type, A4P.Series) in g and (series, A4P.measure, measure) in g
    assert (measure, RDF.type, A4P.Measure) in g and g.value(measure, SKOS.prefLabel).language == "en"
    assert len(set(g.subjects(A4P.inSeries, series))) == 3
    assert para.paragraph(68).text[o.start:o.end] == "21"


def test_emitted_goals_recommendations_events_facts(seed_build):
    g = seed_build.graph
    assert set(g.objects(A4P.themes, A4P.linkedGoal)) == {SDG["5"], SDG["10"], SDG["11"], SDG["16"]}
    recs_ = list(g.subjects(RDF.type, A4P.Recommendation))
    assert recs_ and all(g.value(r, A4P.addressee) is not None for r in recs_)
    assert all(str(g.value(r, A4P.modality)) in ("could", "should", "can", "must") for r in recs_)
    member_states = next(iter(g.objects(None, A4P.addressee)))
    assert "/addressee/" in str(member_states)
    events = [e for e in g.subjects(RDF.type, A4P.PolicyEvent) if str(e).endswith("-promulgated")
              and "/para/106/" in str(e)]
    assert len(events) == 1 and g.value(events[0], A4P.date) == Literal("2018-03", datatype=XSD.gYearMonth)
    facts = list(g.subjects(A4P.factType, Literal("highRisk")))
    assert len(facts) == 5
    for f in facts:
        assert (g.value(f, A4P.operation), A4P.highRisk, Literal(True)) in g
    for cls in (A4P.Observation, A4P.Series, A4P.GoalLink, A4P.Recommendation, A4P.PolicyEvent, A4P.MissionFact):
        for node in g.subjects(RDF.type, cls):
            assert g.value(node, PROV.wasDerivedFrom) is not None, node


def test_whole_report_extraction_is_fast(seed_report):
    from a4p_kg.extract.records import Extraction
    from a4p_kg.extract.sections import section_concepts
    from a4p_kg.extract.statements import extract_statements

    gaz = gazetteer()
    concepts = section_concepts(seed_report, gaz)
    t = time.perf_counter()
    extract_statements(seed_report, gaz, concepts, Extraction())
    assert time.perf_counter() - t < 1.0
