"""The HTML pages: which page a resource gets (from its types), and what each page shows, gathered by the page
queries of ``queries/pages/``. Returns template names and contexts; rendering and HTTP live in :mod:`.app`.

Text from the report is escaped everywhere (Jinja autoescaping, and :func:`highlight` escapes every slice it
places between its own links).
"""

from __future__ import annotations

import re
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from markupsafe import Markup, escape

from ..namespaces import A4P
from . import charts
from .site import Site

__all__ = ["Page", "resource_page", "home_page", "browse_page", "highlight", "kwic", "BROWSE"]

A = str(A4P._NS)
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

#: browse pages: slug -> (title, classes)
BROWSE = OrderedDict([
    ("missions", ("Peace operations", [A + "PeacekeepingMission", A + "SpecialPoliticalMission",
                                       A + "RegionalOperation", A + "PeaceOperation"])),
    ("organizations", ("Organizations", [A + "Organization", A + "RegionalOrganization",
                                         A + "InternationalOrganization", A + "UNBody", A + "SecretariatUnit"])),
    ("policies", ("Policies", [A + c for c in ("Policy", "Framework", "Strategy", "ActionPlan", "System",
                                               "Agreement", "Initiative", "Programme")])),
    ("themes", ("Themes and commitment areas", [A + "Theme", A + "Commitment"])),
    ("goals", ("Sustainable Development Goals", [A + "Goal"])),
    ("documents", ("Cited documents", [A + "Document", A + "Resolution"])),
    ("places", ("Places", [A + "Country", A + "Territory", A + "Place"])),
    ("measures", ("Measures (figures)", [A + "Measure"])),
])


#: what the home page counts: class, singular, plural
STATS = [("Report", "report", "reports"), ("Paragraph", "paragraph", "paragraphs"),
         ("Mention", "mention", "mentions"), ("SupportEvidence", "piece of support evidence",
                                              "pieces of support evidence"),
         ("Observation", "figure", "figures"), ("Recommendation", "recommendation", "recommendations"),
         ("GoalLink", "SDG link", "SDG links"), ("PolicyEvent", "policy event", "policy events"),
         ("Document", "cited document", "cited documents")]


@dataclass
class Page:
    template: str
    title: str
    context: dict = field(default_factory=dict)
    status: int = 200


# ------------------------------------------------------------------------------------------- text helpers


def _int(v: str | None, default: int = 0) -> int:
    try:
        return int(Decimal(v)) if v is not None else default
    except (InvalidOperation, ValueError):
        return default


def _num(v: str | None) -> float | None:
    try:
        return float(Decimal(v)) if v is not None else None
    except (InvalidOperation, ValueError):
        return None


def highlight(text: str, spans: list[dict], *, href, label) -> Markup:
    """``text`` with each span (``begin``, ``end``, ``entity``, ``kind``, ``how``) as a link to its entity.

    Overlapping spans keep the first-starting, longest one; spans whose offsets fall outside the text or
    whose ``anchor`` differs from the text they cover are dropped (never trust offsets blindly).

    >>> highlight("a <b> MINUSCA", [{"begin": 6, "end": 13, "entity": "http://e/M", "kind": "operation",
    ...     "how": "mention", "anchor": "MINUSCA"}], href=lambda i: "/x", label=lambda i: "M")
    Markup('a &lt;b&gt; <a class="mention k-operation" href="/x" title="M">MINUSCA</a>')
    """
    n = len(text)
    chosen: list[dict] = []
    by_span: dict[tuple[int, int], list[dict]] = defaultdict(list)
    for s in spans:
        b, e = s["begin"], s["end"]
        if not (0 <= b < e <= n):
            continue
        if s.get("anchor") is not None and text[b:e] != s["anchor"]:
            continue
        by_span[(b, e)].append(s)
    last_end = 0
    for (b, e) in sorted(by_span, key=lambda k: (k[0], -k[1])):
        if b < last_end:
            continue
        group = by_span[(b, e)]
        chosen.append({"begin": b, "end": e, "items": group})
        last_end = e
    out, pos = [], 0
    for c in chosen:
        out.append(str(escape(text[pos:c["begin"]])))
        first = c["items"][0]
        names = "; ".join(dict.fromkeys(label(i["entity"]) for i in c["items"]))
        weak = " weak" if first.get("how") == "reference" else ""
        out.append(f'<a class="mention k-{escape(first.get("kind", "other"))}{weak}" '
                   f'href="{escape(href(first["entity"]))}" title="{escape(names)}">'
                   f'{escape(text[c["begin"]:c["end"]])}</a>')
        pos = c["end"]
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def kwic(text: str, spans: list[tuple[int, int]], *, width: int = 110) -> Markup:
    """A snippet of ``text`` around its first span with every span in it marked (key word in context)."""
    spans = sorted((b, e) for b, e in spans if 0 <= b < e <= len(text))
    if not spans:
        snippet = text[: width * 2]
        return Markup(escape(snippet + ("…" if len(text) > len(snippet) else "")))
    b0 = spans[0][0]
    start = max(0, b0 - width)
    if start:
        sp = text.find(" ", start)
        start = sp + 1 if 0 <= sp < b0 else start
    end = min(len(text), spans[0][1] + width)
    if end < len(text):
        sp = text.rfind(" ", spans[0][1], end)
        end = sp if sp > 0 else end
    out, pos = ["…" if start else ""], start
    for b, e in spans:
        if b < pos or e > end:
            continue
        out.append(str(escape(text[pos:b])))
        out.append(f"<mark>{escape(text[b:e])}</mark>")
        pos = e
    out.append(str(escape(text[pos:end])))
    out.append("…" if end < len(text) else "")
    return Markup("".join(out))


def mark_words(text: str, words: list[str]) -> Markup:
    """``text`` escaped, with whole-word occurrences of ``words`` (acronyms, names) marked."""
    words = [w for w in dict.fromkeys(words) if w]
    if not words:
        return Markup(escape(text))
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                         + r")(?![\w-])")
    out, pos = [], 0
    for m in pattern.finditer(text):
        out.append(str(escape(text[pos:m.start()])))
        out.append(f"<mark>{escape(m.group(0))}</mark>")
        pos = m.end()
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


# ------------------------------------------------------------------------------------------- shared parts


def statements(site: Site, iri: str) -> list[dict]:
    """Every statement about ``iri`` as rows for the generic table (labels, not raw IRIs)."""
    rows = []
    for r in site.results("properties", this=iri).dicts():
        p, o, lab = r["p"].value, r["o"], r.get("oLabel")
        is_iri = o.type == "uri"
        rows.append({"p": p, "plabel": site.label(p), "o": o.value, "iri": is_iri,
                     "olabel": lab.value if lab is not None else (site.label(o.value) if is_iri else o.value),
                     "datatype": o.datatype, "lang": o.lang})
    return rows


def incoming(site: Site, iri: str) -> list[dict]:
    return [{"s": r["s"], "p": r["p"], "plabel": site.label(r["p"]), "slabel": r["sLabel"] or site.label(r["s"])}
            for r in site.select("incoming", this=iri)]


def _evidence(site: Site, rows: list[dict], key: str) -> list[dict]:
    """Support/fact/event rows -> one entry per evidence node with its paragraph."""
    out: "OrderedDict[str, dict]" = OrderedDict()
    for r in rows:
        e = out.setdefault(r[key], {**r, "quotes": []})
        if r.get("quote") and r["quote"] not in e["quotes"]:
            e["quotes"].append(r["quote"])
    return list(out.values())


def _observations(site: Site, rows: list[dict]) -> list[dict]:
    """Observation rows (one per node, first value of each field), in the order given."""
    seen: "OrderedDict[str, dict]" = OrderedDict()
    for r in rows:
        if r["obs"] not in seen:
            seen[r["obs"]] = {**r, "v": _num(r["value"])}
    return list(seen.values())


def _series_charts(site: Site, obs: list[dict]) -> list[dict]:
    """A bar chart per series (or per measure for loose observations) with two or more points."""
    groups: "OrderedDict[tuple[str, str], list[dict]]" = OrderedDict()
    for o in obs:
        key = (o.get("series") or "", o.get("measure") or "")
        if o.get("series"):
            groups.setdefault(key, []).append(o)
    out = []
    for (series, measure), items in groups.items():
        points = [(o.get("period") or o.get("periodStart") or "?", o["v"]) for o in items if o["v"] is not None]
        if len(points) < 2:
            continue
        unit = next((o.get("unit") for o in items if o.get("unit")), "")
        title = site.label(measure) if measure else "series"
        out.append({"series": series, "measure": measure, "title": title, "paragraph": items[0]["para"],
                    "svg": charts.bar_chart(points, title=title, unit=unit or "",
                                            hrefs=[site.iris.href(o["para"]) for o in items])})
    return out


def _paragraph_refs(site: Site, rows: list[dict], iri: str) -> list[dict]:
    """mentioned_in rows -> one entry per paragraph with a snippet around the mentions."""
    paras: "OrderedDict[str, dict]" = OrderedDict()
    for r in rows:
        p = paras.setdefault(r["para"], {"para": r["para"], "number": r["number"], "text": r["text"] or "",
                                         "how": set(), "spans": []})
        p["how"].add(r["how"])
        if r.get("begin") is not None and r.get("end") is not None:
            p["spans"].append((_int(r["begin"]), _int(r["end"])))
    out = []
    for p in paras.values():
        words = [] if p["spans"] else [site.label(iri, short=True), site.label(iri)]
        snippet = kwic(p["text"], p["spans"]) if p["spans"] else Markup(kwic(p["text"], []))
        if not p["spans"]:
            snippet = mark_words(str(p["text"])[:260] + ("…" if len(p["text"]) > 260 else ""), words)
        out.append({"para": p["para"], "label": site.label(p["para"]), "snippet": snippet,
                    "weak": p["how"] == {"reference"}})
    return out


def _co_mentioned(site: Site, iri: str, *, limit: int = 40) -> list[dict]:
    rows = site.select("co_mentioned", this=iri)
    return [{"iri": r["other"], "n": _int(r["paragraphs"]), "kind": site.kind(r["other"])} for r in rows[:limit]]


def _events(site: Site, iri: str) -> list[dict]:
    rows = _evidence(site, site.select("events_of", this=iri), "event")
    agents: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in site.select("event_agents", this=iri):
        agents[r["event"]].append((r["role"], r["who"]))
    for e in rows:
        e["agents"] = agents.get(e["event"], [])
    return rows


# ------------------------------------------------------------------------------------------- pages


def _base(site: Site, iri: str, types: list[str], label: str | None) -> dict:
    return {"iri": iri, "types": types, "label": label or site.label(iri), "acronym": site.acronyms.get(iri),
            "statements": statements(site, iri), "incoming": incoming(site, iri),
            "definition": None}


def resource_page(site: Site, iri: str) -> Page | None:
    """The page of ``iri``: picked from its types (via the ontology's class hierarchy); None if unknown."""
    summary = site.select("summary", this=iri)
    types = sorted({r["type"] for r in summary if r.get("type")})
    label = next((r["label"] for r in summary if r.get("label")), None)
    if not summary:
        if not site.select("incoming", this=iri):
            return None
    kinds = site.ontology.kinds(types)
    ctx = _base(site, iri, types, label)
    if A + "Report" in kinds:
        return report_page(site, iri, ctx)
    if A + "Section" in kinds:
        return section_page(site, iri, ctx)
    if A + "Paragraph" in kinds:
        return paragraph_page(site, iri, ctx)
    if A + "PeaceOperation" in kinds:
        return mission_page(site, iri, ctx)
    if A + "Theme" in kinds or A + "Commitment" in kinds:
        return concept_page(site, iri, ctx, theme=A + "Theme" in kinds)
    if A + "Goal" in kinds:
        return goal_page(site, iri, ctx)
    if A + "Measure" in kinds or A + "Series" in kinds:
        return measure_page(site, iri, ctx)
    if kinds & {A + "Organization", A + "Policy", A + "Document", A + "Place", A + "Addressee"}:
        return entity_page(site, iri, ctx, kinds)
    return Page("resource.html", ctx["label"], ctx)


def home_page(site: Site) -> Page:
    themes = site.select("themes")
    counts: dict[tuple[str, str], int] = {}
    missions: dict[str, int] = defaultdict(int)
    for r in site.select("heatmap"):
        n = _int(r["paragraphs"])
        counts[(r["op"], r["theme"])] = n
        missions[r["op"]] += n
    rows = sorted(missions, key=lambda m: site.label(m, short=True))
    heat = None
    if rows:
        slug = lambda t: t.rsplit("/", 1)[-1]  # noqa: E731
        heat = charts.heat_map(
            [(m, site.label(m, short=True), site.label(m)) for m in rows],
            [(t["theme"], t["label"]) for t in themes], counts,
            href=lambda m, t: site.iris.href(m) + "#theme-" + slug(t),
            row_href=site.iris.href, col_href=site.iris.href)
    found = {r["class"]: _int(r["n"]) for r in site.select("stats")}
    found[A + "Document"] = found.get(A + "Document", 0) + found.pop(A + "Resolution", 0)
    stats = [(found[A + cls], one, many) for cls, one, many in STATS if found.get(A + cls)]
    return Page("home.html", "Action for Peacekeeping knowledge graph",
                {"reports": site.select("reports"), "heatmap": heat, "themes": themes, "stats": stats,
                 "missions": len(rows)})


def browse_page(site: Site, slug: str) -> Page | None:
    if slug not in BROWSE:
        return None
    title, classes = BROWSE[slug]
    if slug == "measures":
        rows = [{"iri": r["measure"], "n": _int(r["observations"]), "cls": A + "Measure"}
                for r in site.select("measures")]
        return Page("browse.html", title, {"rows": rows, "slug": slug, "count_label": "figures"})
    seen, rows = set(), []
    for cls in classes:
        for r in site.select("entities", **{"class": cls}):
            if r["entity"] not in seen:
                seen.add(r["entity"])
                rows.append({"iri": r["entity"], "n": _int(r["paragraphs"]), "cls": cls})
    rows.sort(key=lambda r: (-r["n"], site.label(r["iri"]).lower()))
    return Page("browse.html", title, {"rows": rows, "slug": slug, "count_label": "paragraphs naming it"})


def _report_structure(site: Site, report: str) -> tuple[list[dict], dict[str, list[dict]], dict[str, list]]:
    sections = site.select("report_sections", this=report)
    paras = site.select("report_paragraphs", this=report)
    by_parent: dict[str, list[dict]] = defaultdict(list)
    for s in sections:
        by_parent[s["parent"]].append(s)
    paras_by_section: dict[str, list] = defaultdict(list)
    for p in paras:
        text = p["text"] or ""
        p["snippet"] = text[:140] + ("…" if len(text) > 140 else "")
        paras_by_section[p["section"]].append(p)
    return sections, by_parent, paras_by_section


def _toc(site: Site, root: str, by_parent, paras_by_section, *, full: bool) -> list[dict]:
    """A nested table of contents under ``root``: sections with their paragraphs (and subsections)."""
    def build(node: str, depth: int) -> list[dict]:
        items = []
        for s in sorted(by_parent.get(node, []), key=lambda s: _int(s["order"])):
            items.append({"section": s, "label": site.label(s["section"]), "depth": depth,
                          "paragraphs": paras_by_section.get(s["section"], []),
                          "children": build(s["section"], depth + 1)})
        return items
    return build(root, 0)


def report_page(site: Site, iri: str, ctx: dict) -> Page:
    _sections, by_parent, paras_by_section = _report_structure(site, iri)
    ctx.update(toc=_toc(site, iri, by_parent, paras_by_section, full=False),
               front=paras_by_section.get(iri, []), figures=site.select("report_figures", this=iri),
               meta={r["p"]: r for r in ctx["statements"]})
    return Page("report.html", ctx["label"], ctx)


def section_page(site: Site, iri: str, ctx: dict) -> Page:
    report = next((r["report"] for r in site.select("report_of", this=iri)), None)
    toc, paras = [], []
    if report:
        _s, by_parent, paras_by_section = _report_structure(site, report)
        toc = _toc(site, iri, by_parent, paras_by_section, full=True)
        paras = paras_by_section.get(iri, [])
    crumbs = [r["section"] for r in site.select("ancestors", this=iri)]
    ctx.update(report=report, toc=toc, own=paras, crumbs=crumbs)
    return Page("section.html", ctx["label"], ctx)


def paragraph_page(site: Site, iri: str, ctx: dict) -> Page:
    info = (site.select("paragraph", this=iri) or [{}])[0]
    text = info.get("text") or ""
    spans = []
    for r in site.select("paragraph_annotations", this=iri):
        spans.append({"begin": _int(r["begin"], -1), "end": _int(r["end"], -1), "entity": r["entity"],
                      "anchor": r.get("anchor"), "kind": site.kind(r["entity"]),
                      "how": "reference" if r["kind"].endswith("Reference") else "mention"})
    body = highlight(text, spans, href=site.iris.href, label=site.label)
    named: "OrderedDict[str, dict]" = OrderedDict()
    for s in spans:
        e = named.setdefault(s["entity"], {"iri": s["entity"], "kind": s["kind"], "n": 0, "weak": True})
        e["n"] += 1
        e["weak"] = e["weak"] and s["how"] == "reference"
    derived = site.select("derived", this=iri)
    links: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for r in site.select("derived_links", this=iri):
        if r["o"] not in links[r["node"]][r["p"]]:
            links[r["node"]][r["p"]].append(r["o"])
    extracted: dict[str, list[dict]] = defaultdict(list)
    seen = set()
    for r in derived:
        if r["node"] in seen:
            continue
        seen.add(r["node"])
        kind = r["type"].rsplit("#", 1)[-1]
        item = {"node": r["node"], "quote": r.get("quote"), "text": r.get("text"), "links": links.get(r["node"], {})}
        extracted[kind].append(item)
    neighbours = {("prev" if _int(r["number"]) < _int(info.get("number")) else "next"): r["para"]
                  for r in site.select("paragraph_neighbours", this=iri)}
    crumbs = [r["section"] for r in site.select("ancestors", this=iri)]
    ctx.update(info=info, text=text, body=body, named=list(named.values()), extracted=extracted,
               citations=site.select("paragraph_citations", this=iri),
               attached=site.select("paragraph_attached", this=iri), neighbours=neighbours, crumbs=crumbs,
               report=info.get("report"), A=A)
    return Page("paragraph.html", ctx["label"], ctx)


def _theme_order(site: Site) -> dict[str, int]:
    return {r["theme"]: _int(r["order"], 99) for r in site.select("themes")}


def mission_page(site: Site, iri: str, ctx: dict) -> Page:
    order = _theme_order(site)
    support = _evidence(site, site.select("support_of", this=iri), "ev")
    short = site.label(iri, short=True)
    words = [short, site.label(iri)]
    themes: "OrderedDict[str, dict]" = OrderedDict()
    for ev in sorted(support, key=lambda e: (order.get(e["theme"], 99), site.label(e.get("commitment") or ""),
                                             _int(e["number"]))):
        t = themes.setdefault(ev["theme"], {"theme": ev["theme"], "slug": ev["theme"].rsplit("/", 1)[-1],
                                            "areas": OrderedDict(), "paragraphs": set()})
        area = t["areas"].setdefault(ev.get("commitment") or "", [])
        ev["quotes_html"] = [mark_words(q, words) for q in ev["quotes"]]
        area.append(ev)
        t["paragraphs"].add(ev["para"])
    partners: dict[str, dict] = {}
    for r in site.select("evidence_partners", this=iri):
        p = partners.setdefault(r["partner"], {"iri": r["partner"], "paras": set(), "kind": site.kind(r["partner"])})
        p["paras"].add(r["para"])
    partner_rows = sorted(({**p, "n": len(p["paras"])} for p in partners.values()),
                          key=lambda p: (-p["n"], site.label(p["iri"])))
    co = _co_mentioned(site, iri)
    policies = [c for c in co if c["kind"] == "policy"]
    facts = _evidence(site, site.select("facts_of", this=iri), "fact")
    for f in facts:
        if f.get("policy") and f["policy"] not in {p["iri"] for p in policies}:
            policies.append({"iri": f["policy"], "n": 1, "kind": "policy"})
    obs = _observations(site, site.select("observations", this=iri))
    # the network: partners named in support evidence, then organizations and operations named alongside;
    # a node's size is the number of paragraphs naming it with the mission
    shared = {c["iri"]: c["n"] for c in co}
    nodes = [charts.Node(p["iri"], site.label(p["iri"], short=True), max(p["n"], shared.get(p["iri"], 0)),
                         p["kind"], f"{site.label(p['iri'])}: partner of {short} in {p['n']} evidence "
                                    f"paragraph(s)", partner=True)
             for p in partner_rows[:10]]
    have = {n.iri for n in nodes}
    for c in co:
        if len(nodes) >= 18:
            break
        if c["iri"] not in have and c["kind"] in ("org", "operation"):
            nodes.append(charts.Node(c["iri"], site.label(c["iri"], short=True), c["n"], c["kind"],
                                     f"{site.label(c['iri'])}: named with {short} in {c['n']} paragraph(s)"))
    net = charts.network(charts.Node(iri, short, 0, "operation", ctx["label"]), nodes, href=site.iris.href) \
        if nodes else None
    hosts = [s["o"] for s in ctx["statements"] if s["p"] == A + "host"]
    ctx.update(themes=list(themes.values()), partners=partner_rows, policies=policies, facts=facts,
               observations=obs, charts=_series_charts(site, obs), network=net, hosts=hosts,
               co_mentioned=[c for c in co if c["kind"] in ("org", "operation", "place")][:24],
               events=_events(site, iri),
               paragraphs=_paragraph_refs(site, site.select("mentioned_in", this=iri), iri),
               short=short)
    return Page("mission.html", ctx["label"], ctx)


def entity_page(site: Site, iri: str, ctx: dict, kinds: set[str]) -> Page:
    missions = _evidence(site, site.select("partner_of", this=iri), "ev")
    obs = _observations(site, site.select("observations", this=iri))
    cited = site.select("cited_by", this=iri)
    ctx.update(partner_of=missions, events=_events(site, iri),
               facts=_evidence(site, site.select("facts_of", this=iri), "fact"),
               observations=obs, charts=_series_charts(site, obs),
               cited=[{**c, "snippet": mark_words(c["text"] or "", [site.acronyms.get(iri, ""),
                                                                    site.label(iri)])} for c in cited],
               hosted=[r["op"] for r in site.select("hosted", this=iri)],
               recommendations=site.select("recommendations", this=iri),
               co_mentioned=_co_mentioned(site, iri, limit=24),
               paragraphs=_paragraph_refs(site, site.select("mentioned_in", this=iri), iri),
               definition=next((s["o"] for s in ctx["statements"] if s["p"].endswith("definition")), None),
               kind_label=next((name for cls, name in (("Organization", "Organization"), ("Policy", "Policy"),
                                                      ("Document", "Document"), ("Place", "Place"),
                                                      ("Addressee", "Addressee")) if A + cls in kinds), "Entity"))
    return Page("entity.html", ctx["label"], ctx)


def concept_page(site: Site, iri: str, ctx: dict, *, theme: bool) -> Page:
    support = _evidence(site, site.select("support_for", this=iri), "ev")
    by_mission: "OrderedDict[str, dict]" = OrderedDict()
    for ev in sorted(support, key=lambda e: (site.label(e["op"], short=True), _int(e["number"]))):
        m = by_mission.setdefault(ev["op"], {"op": ev["op"], "evidence": [], "paras": set()})
        ev["quotes_html"] = [mark_words(q, [site.label(ev["op"], short=True)]) for q in ev["quotes"]]
        m["evidence"].append(ev)
        m["paras"].add(ev["para"])
    for m in by_mission.values():
        m["n"] = len(m["paras"])
    tree = site.select("concept_tree", this=iri)
    children: dict[str, list[str]] = defaultdict(list)
    for r in tree:
        if r["concept"] not in children[r["parent"]]:
            children[r["parent"]].append(r["concept"])
    obs = _observations(site, site.select("theme_observations", this=iri))
    ctx.update(is_theme=theme, missions=list(by_mission.values()), children=children,
               goals=site.select("linked_goals", this=iri), recommendations=site.select("recommendations", this=iri),
               observations=obs, charts=_series_charts(site, obs), sections=site.select("sections_for", this=iri),
               broader=[s["o"] for s in ctx["statements"] if s["p"].endswith("core#broader")])
    return Page("concept.html", ctx["label"], ctx)


def goal_page(site: Site, iri: str, ctx: dict) -> Page:
    ctx.update(links=_evidence(site, site.select("goal_links", this=iri), "link"),
               themes=site.select("goal_themes", this=iri))
    return Page("goal.html", ctx["label"], ctx)


def measure_page(site: Site, iri: str, ctx: dict) -> Page:
    obs = _observations(site, site.select("observations", this=iri))
    ctx.update(observations=obs, charts=_series_charts(site, obs),
               is_series=A + "Series" in site.ontology.kinds(ctx["types"]))
    return Page("measure.html", ctx["label"], ctx)
