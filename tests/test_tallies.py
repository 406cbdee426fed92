"""Tallies: the counts a store keeps beside the report graphs (queries/tallies/*.rq) are the counts of what
the reports say, per report and over the corpus, and stay so when one report is reloaded or removed."""

from __future__ import annotations

from collections import Counter, defaultdict

from rdflib import RDF, Dataset

from a4p_kg import queries
from a4p_kg.namespaces import A4P
from a4p_kg.store import EmbeddedStore, load_dataset, tally_graph
from a4p_kg.tallies import refresh

REPORT_G = "/graph/report/"


def report_graphs(dataset) -> list:
    return [g for g in dataset.graphs() if REPORT_G in str(g.identifier)]


def expected_support(dataset) -> dict[tuple[str, str, str], tuple[int, int]]:
    """(mission, level, concept) -> (reports, evidence), counted in Python from the report graphs."""
    reports: dict[tuple, set] = defaultdict(set)
    evidence: Counter = Counter()
    for g in report_graphs(dataset):
        for ev in g.subjects(RDF.type, A4P.SupportEvidence):
            for mission in g.objects(ev, A4P.operation):
                for level, prop in (("theme", A4P.theme), ("commitment", A4P.commitment)):
                    for concept in g.objects(ev, prop):
                        key = (str(mission), level, str(concept))
                        reports[key].add(g.identifier)
                        evidence[key] += 1
    return {k: (len(reports[k]), evidence[k]) for k in reports}


def answered_support(store) -> dict[tuple[str, str, str], tuple[int, int]]:
    res = queries.run("support_summary", store)
    return {(r["mission"].value, r["level"].value, r["concept"].value): (int(r["reports"].value),
                                                                        int(r["evidence"].value))
            for r in res.dicts()}


def expected_paragraphs(dataset) -> dict[tuple[str, str], int]:
    """(report symbol, theme) -> paragraphs of the theme's sections."""
    out: Counter = Counter()
    for g in report_graphs(dataset):
        report = next(g.subjects(RDF.type, A4P.Report))
        symbol = str(g.value(report, A4P.symbol))
        for p in g.subjects(RDF.type, A4P.Paragraph):
            for theme in g.objects(p, A4P.theme):
                out[(symbol, str(theme))] += 1
    return dict(out)


def answered_paragraphs(store) -> dict[tuple[str, str], int]:
    return {(r["report"].value, r["theme"].value): int(r["paragraphs"].value)
            for r in queries.run("theme_overview", store).dicts()}


def test_tallies_are_the_counts_of_what_the_reports_say(two_reports, tmp_path):
    load_dataset(two_reports.dataset, tmp_path / "store")
    with EmbeddedStore.open(tmp_path / "store", read_only=True) as s:
        support = answered_support(s)
        paragraphs = answered_paragraphs(s)
    assert support == expected_support(two_reports.dataset)
    assert paragraphs == expected_paragraphs(two_reports.dataset)
    assert {symbol for symbol, _ in paragraphs} == {"A/74/533", "A/76/999"}


def test_reloading_one_report_recounts_it_and_the_corpus_and_leaves_the_other_alone(two_reports, tmp_path):
    load_dataset(two_reports.dataset, tmp_path / "store")
    small = next(g for g in report_graphs(two_reports.dataset) if "A-76-999" in str(g.identifier))
    seed = next(g for g in report_graphs(two_reports.dataset) if "A-74-533" in str(g.identifier))
    with EmbeddedStore.open(tmp_path / "store", read_only=True) as s:
        seed_tallies = s.dump_graph(tally_graph(str(seed.identifier))).count(b"\n")
    # the small report again, without one piece of its support evidence
    dropped = next(iter(small.subjects(RDF.type, A4P.SupportEvidence)))
    ds = Dataset()
    target = ds.graph(small.identifier)
    for t in small:
        if t[0] != dropped:
            target.add(t)
    load_dataset(ds, tmp_path / "store")
    both = Dataset()
    for g in (seed, target):
        copy = both.graph(g.identifier)
        for t in g:
            copy.add(t)
    with EmbeddedStore.open(tmp_path / "store", read_only=True) as s:
        assert answered_support(s) == expected_support(both)
        assert s.dump_graph(tally_graph(str(seed.identifier))).count(b"\n") == seed_tallies


def test_a_report_removed_from_the_store_takes_its_tallies_along(two_reports, tmp_path):
    load_dataset(two_reports.dataset, tmp_path / "store")
    small = next(str(g.identifier) for g in report_graphs(two_reports.dataset) if "A-76-999" in str(g.identifier))
    with EmbeddedStore.open(tmp_path / "store") as s:
        assert tally_graph(small) in s.graphs()
        s.remove_graph(small)
        refresh(s)
        assert tally_graph(small) not in s.graphs()
        support = answered_support(s)
        symbols = {symbol for symbol, _ in answered_paragraphs(s)}
    assert symbols == {"A/74/533"}
    seed_only = Dataset()
    seed = next(g for g in report_graphs(two_reports.dataset) if "A-74-533" in str(g.identifier))
    copy = seed_only.graph(seed.identifier)
    for t in seed:
        copy.add(t)
    assert support == expected_support(seed_only) != expected_support(two_reports.dataset)


def test_each_operation_has_its_own_graph_of_mission_tallies_and_a_reload_replaces_them(two_reports, tmp_path):
    load_dataset(two_reports.dataset, tmp_path / "store")
    subject = "<http://purl.org/dc/terms/subject>"
    about = f"<{A4P.aboutOperation}>"

    def layout(s) -> dict[str, tuple[str, set[str]]]:
        out = {}
        for g in s.graphs():
            if "/graph/tallies/mission" in g:
                lines = s.dump_graph(g).decode().splitlines()
                named = {ln.split()[2] for ln in lines if ln.startswith(f"<{g}> {subject} ")}
                ops = {ln.split()[2] for ln in lines if f" {about} " in ln}
                out[g] = (named, ops)
        return out

    with EmbeddedStore.open(tmp_path / "store") as s:
        first = layout(s)
        assert len(first) > 5
        for g, (named, ops) in first.items():
            # the graph names its operation, and holds the tallies of that operation only
            assert len(named) == 1 and ops == named and g.endswith("/graph/tallies/mission/"
                                                                    + next(iter(named)).rsplit("/", 1)[1][:-1])
        s.replace_graph("https://w3id.org/a4p/id/graph/tallies/missions", b"<http://e/old> <http://e/p> \"1\" .\n")
        refresh(s)
        assert layout(s) == first  # the same graphs, and none left over
        assert "https://w3id.org/a4p/id/graph/tallies/missions" not in s.graphs()


def test_tally_queries_are_tagged_with_their_scope():
    from a4p_kg.tallies import tallies

    scopes = {t.name: t.scope for t in tallies()}
    assert scopes == {"support": "corpus", "theme_coverage": "report", "missions": "mission"}


#: per question: the columns that tell its rows apart (besides the report), and the list columns
MISSION_QUESTIONS = {
    "commitments_by_mission": (("theme", "commitment"), "partners"),
    "partners_of_mission": (("partner", "relation", "context"), None),
    "mission_profile": (("aspect", "item", "detail"), None),
}


def corpus_view_from_reports(per_report: dict[str, list[dict]], dates: dict[str, str], key_cols, union_col):
    """What a mission-scoped question answers over all the reports, made from its answers report by report:
    per item, the reports and evidence summed, the paragraphs of the latest report saying it, and the union of
    the list column (partners) over all of them. A figure is a row of the latest report's as it is there."""
    rows: dict[tuple, list] = defaultdict(list)
    for symbol, answer in per_report.items():
        for r in answer:
            key = tuple(r[c] for c in key_cols if not (c == "detail" and r.get("aspect") == "figure"))
            rows[key].append((dates[symbol], symbol, r))
    out = []
    for key, said in rows.items():
        _, latest, last = max(said, key=lambda x: (x[0], x[1]))
        figure = last.get("aspect") == "figure"
        for _, symbol, r in said:
            if figure and symbol != latest:
                continue
            if not figure and r is not last:
                continue
            row = dict(r)
            row["reports"] = str(len({s for _, s, _ in said}))
            row["latest"] = latest
            if not figure:
                row["evidence"] = str(sum(int(x["evidence"]) for _, _, x in said))
            if union_col:
                row[union_col] = "; ".join(sorted({p for _, _, x in said for p in x[union_col].split("; ") if p}))
            out.append(row)
    return sorted(tuple(sorted(r.items())) for r in out)


def _answer(store, name, mission, report=None) -> list[dict]:
    params = {"mission": mission} | ({"report": report} if report else {})
    return [{k: (v.value if v is not None else "") for k, v in r.items()}
            for r in queries.run(name, store, params).dicts()]


def test_mission_questions_over_all_the_reports_sum_up_their_answers_report_by_report(two_reports, tmp_path):
    load_dataset(two_reports.dataset, tmp_path / "store")
    with EmbeddedStore.open(tmp_path / "store", read_only=True) as s:
        dates = {r["report"].value: r["date"].value for r in queries.run("reports", s).dicts()}
        assert len(dates) == 2 and len(set(dates.values())) == 2
        missions = {r["mission"].value for r in queries.run("support_summary", s).dicts()}
        shared = 0
        for name, (key_cols, union_col) in MISSION_QUESTIONS.items():
            for mission in sorted(missions):
                per_report = {symbol: _answer(s, name, mission, symbol) for symbol in dates}
                shared += all(per_report.values())
                for r in (r for answer in per_report.values() for r in answer):
                    r.pop("reports"), r.pop("latest")
                whole = _answer(s, name, mission)
                got = sorted(tuple(sorted(r.items())) for r in whole)
                assert got == corpus_view_from_reports(per_report, dates, key_cols, union_col), (name, mission)
    assert shared  # some mission is in both reports: the sums are not trivially one report's answer

