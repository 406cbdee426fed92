"""A real browser (Debian's chromium driven by Playwright) uses the site as a reader would: the home page's heat
map, a mission's evidence, a paragraph with its highlighted mentions, a canned query from the query page.
Nothing is fetched from outside the server, and text holding markup never runs.

Screenshots of the main pages (of the seed report alone) go to ``$A4P_SCREENSHOTS`` when set (the project
keeps them in docs/screenshots: ``A4P_SCREENSHOTS=docs/screenshots pytest -m browser tests/server``), else to a
temporary folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from server_support import LiveServer, make_app

pytestmark = pytest.mark.browser
CHROMIUM = Path(os.environ.get("A4P_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-dev-shm-usage"]


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright package is not installed (pip install playwright; no browser download needed)")
    if not CHROMIUM.exists():
        pytest.skip(f"Debian's chromium is not installed at {CHROMIUM} (tests/setup.sh installs it)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    pg.outside = []  # requests that leave the server
    pg.dialogs = []  # alert() & co: a script ran
    pg.on("request", lambda r: None if r.url.startswith(live_server.url) or r.url.startswith("data:")
          else pg.outside.append(r.url))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    context.close()


def test_reader_follows_a_mission_from_the_heat_map_to_a_paragraph(page, live_server):
    page.goto(live_server.url + "/")
    heat = page.locator("svg.heatmap")
    assert heat.is_visible()
    cell = page.locator('svg.heatmap a.cell[data-mission="MINUSCA"][data-theme="Political solutions"]')
    cell.click()
    page.wait_for_url("**/id/operation/MINUSCA#theme-political-solutions")
    block = page.locator("#theme-political-solutions")
    assert block.is_visible()
    assert "Political solutions" in block.inner_text()
    # an evidence paragraph of that theme, with its quote; follow it
    block.locator('a.para-ref[href="/id/report/A-00-000/para/1"]').click()
    page.wait_for_url("**/id/report/A-00-000/para/1")
    marks = page.locator("article.paragraph a.mention")
    assert marks.count() >= 4
    texts = marks.all_inner_texts()
    assert "MINUSCA" in texts and "African Union" in texts
    mission = page.locator('article.paragraph a.mention.k-operation', has_text="MINUSCA")
    background = mission.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")  # highlighted
    mission.click()
    page.wait_for_url("**/id/operation/MINUSCA")
    assert page.outside == [] and page.dialogs == []


def test_reader_runs_a_canned_query_from_the_query_page(page, live_server):
    page.goto(live_server.url + "/sparql")
    assert page.locator("textarea#query").is_visible()
    page.locator('aside.canned a.run[data-query="partners_of_mission"]').click()
    page.wait_for_url("**/queries/partners_of_mission**")
    table = page.locator("table.results")
    assert table.is_visible()
    rows = table.locator("tbody tr")
    assert rows.count() > 0
    assert "African Union" in table.inner_text()
    # and a query of one's own, from the editor
    page.goto(live_server.url + "/sparql")
    page.fill("textarea#query", "PREFIX a4p: <https://w3id.org/a4p/ontology#>\n"
                                "SELECT ?acronym WHERE { ?m a4p:acronym ?acronym } ORDER BY ?acronym LIMIT 5")
    page.click("button#run")
    page.wait_for_selector("table.results")
    assert page.locator("table.results tbody tr").count() == 5
    assert page.outside == [] and page.dialogs == []


def test_markup_in_report_text_is_shown_not_run(page, live_server):
    page.goto(live_server.url + "/id/report/A-00-000/para/3")
    text = page.locator("article.paragraph").inner_text()
    assert '<script>alert("xss")</script>' in text and "<img src=x onerror=alert(1)>" in text
    page.goto(live_server.url + "/")
    page.goto(live_server.url + "/sparql?query=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    page.wait_for_timeout(300)
    assert page.dialogs == []


# ------------------------------------------------------------------------------------------- screenshots


@pytest.fixture(scope="module")
def seed_server(tmp_path_factory):
    """The seed report alone (what a user of the project sees), for the screenshots."""
    from a4p_kg.build import build_dataset, seed_reports
    from a4p_kg.export import write_exports
    from a4p_kg.store import EmbeddedStore, load_dataset

    result = build_dataset(seed_reports())
    folder = tmp_path_factory.mktemp("seed")
    load_dataset(result.dataset, folder / "store")
    (folder / "graph").mkdir()
    write_exports(result.dataset, folder / "graph")
    app = make_app(EmbeddedStore.open(folder / "store", read_only=True), folder / "graph")
    with LiveServer(app) as server:
        yield server
    app.state.pool.close()


SHOTS = [
    ("home", "/", True),
    ("mission", "/id/operation/MINUSCA", False),
    ("mission-network", "/id/operation/MINUSCA#partners", False),
    ("paragraph", "/id/report/A-74-533/para/28", False),
    ("report", "/id/report/A-74-533", False),
    ("theme", "/id/theme/protection", False),
    ("measure", "/id/measure/peacekeeper-fatalities-due-to-acts-of-violence", False),
    ("sparql", "/sparql?query=" + "PREFIX%20a4p%3A%20%3Chttps%3A%2F%2Fw3id.org%2Fa4p%2Fontology%23%3E%0ASELECT%20"
     "%3Fmission%20%3Facronym%20%3Fhost%20WHERE%20%7B%0A%20%20%3Fmission%20a4p%3Aacronym%20%3Facronym%20%3B%20"
     "a4p%3AhostLabel%20%3Fhost%20.%0A%7D%20ORDER%20BY%20%3Facronym%20LIMIT%2012", False),
    ("query", "/queries/partners_of_mission?mission=MINUSCA", False),
    ("ontology", "/ontology", False),
]


def test_screenshots_of_the_main_pages(browser, seed_server, tmp_path):
    out = Path(os.environ.get("A4P_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
    pg = context.new_page()
    outside = []
    pg.on("request", lambda r: None if r.url.startswith(seed_server.url) else outside.append(r.url))
    for name, url, full in SHOTS:
        pg.goto(seed_server.url + url)
        pg.wait_for_load_state("networkidle")
        target = out / f"{name}.png"
        pg.screenshot(path=str(target), full_page=full)
        assert target.stat().st_size > 10_000, name
    context.close()
    assert outside == []
