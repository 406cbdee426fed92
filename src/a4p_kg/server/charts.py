"""Pictures as inline SVG drawn on the server: the missions x themes heat map, a bar chart per figure series and a
mission's partner network. No script, no web font, no CDN: they render without internet access, and every text
in them is escaped.

>>> svg = bar_chart([("2017", 58.0), ("2018", 27.0)], title="fatalities <by year>", unit="count")
>>> svg.startswith("<svg") and "&lt;by year&gt;" in svg and "<by year>" not in svg
True
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

__all__ = ["heat_map", "bar_chart", "network", "Node", "fmt_number"]

FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif\""
BLUES = ["#eef4fa", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"]
KIND_COLOURS = {"operation": "#1f6feb", "org": "#b35900", "policy": "#6f42c1", "place": "#2e7d32",
                "doc": "#8a6d3b", "other": "#57606a"}


def _e(text: object) -> str:
    return str(escape(str(text)))


def fmt_number(v: float) -> str:
    """``1548`` -> ``1,548``; ``12.5`` stays; ``3.0`` -> ``3``.

    >>> fmt_number(1548.0), fmt_number(12.5), fmt_number(3.0)
    ('1,548', '12.5', '3')
    """
    if v == int(v):
        return f"{int(v):,}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def _wrap(text: str, width: int) -> list[str]:
    words, lines, cur = text.split(), [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    if cur:
        lines.append(cur)
    return lines or [""]


def _colour(n: int, top: int) -> str:
    if n <= 0:
        return BLUES[0]
    step = 1 + round((len(BLUES) - 2) * (math.log1p(n) / math.log1p(max(top, 1))))
    return BLUES[min(step, len(BLUES) - 1)]


def heat_map(rows: Sequence[tuple[str, str, str]], columns: Sequence[tuple[str, str]],
             counts: dict[tuple[str, str], int], *, href: Callable[[str, str], str],
             row_href: Callable[[str], str], col_href: Callable[[str], str]) -> Markup:
    """A rows x columns matrix of counts, each non-empty cell a link to its evidence.

    Args:
        rows: (iri, short label, full label) per row (missions).
        columns: (iri, label) per column (themes).
        counts: evidence paragraphs per (row iri, column iri).
        href: link of a cell; ``row_href`` / ``col_href`` of a row or column heading.
    """
    cell_w, cell_h, left, gap = 104, 28, 96, 3
    head_lines = [_wrap(label, 13) for _, label in columns]
    head_h = 16 * max((len(h) for h in head_lines), default=1) + 10
    width = left + len(columns) * (cell_w + gap) + 4
    height = head_h + len(rows) * (cell_h + gap) + 34
    top = max(counts.values(), default=0)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart heatmap" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" role="img" aria-labelledby="hm-title" {FONT} font-size="12">',
           '<title id="hm-title">Missions by A4P theme: paragraphs of the report that evidence each mission\'s '
           'support for each theme</title>']
    for j, ((iri, _label), lines) in enumerate(zip(columns, head_lines)):
        x = left + j * (cell_w + gap) + cell_w / 2
        y0 = head_h - 6 - 16 * (len(lines) - 1)
        tspans = "".join(f'<tspan x="{x:.0f}" y="{y0 + 16 * k:.0f}">{_e(t)}</tspan>' for k, t in enumerate(lines))
        out.append(f'<a href="{_e(col_href(iri))}"><text text-anchor="middle" fill="#24292f" '
                   f'font-weight="600">{tspans}</text></a>')
    for i, (r_iri, short, full) in enumerate(rows):
        y = head_h + i * (cell_h + gap)
        out.append(f'<a href="{_e(row_href(r_iri))}"><text x="{left - 8}" y="{y + cell_h / 2 + 4:.0f}" '
                   f'text-anchor="end" fill="#0b4f9c" font-weight="600"><title>{_e(full)}</title>{_e(short)}'
                   "</text></a>")
        for j, (c_iri, c_label) in enumerate(columns):
            x = left + j * (cell_w + gap)
            n = counts.get((r_iri, c_iri), 0)
            fill = _colour(n, top)
            ink = "#ffffff" if n and fill in BLUES[4:] else "#24292f"
            tip = f"{short} – {c_label}: {n} evidence paragraph{'s' if n != 1 else ''}"
            rect = (f'<rect x="{x}" y="{y}" width="{cell_w}" height="{cell_h}" rx="3" fill="{fill}">'
                    f"<title>{_e(tip)}</title></rect>")
            if n:
                label = (f'<text x="{x + cell_w / 2:.0f}" y="{y + cell_h / 2 + 4:.0f}" text-anchor="middle" '
                         f'fill="{ink}" font-weight="600">{n}</text>')
                out.append(f'<a class="cell" href="{_e(href(r_iri, c_iri))}" '
                           f'data-mission="{_e(short)}" data-theme="{_e(c_label)}">{rect}{label}</a>')
            else:
                out.append(rect)
    # legend
    ly = head_h + len(rows) * (cell_h + gap) + 14
    out.append(f'<text x="{left}" y="{ly + 10}" fill="#57606a">fewer</text>')
    for k, c in enumerate(BLUES[1:]):
        out.append(f'<rect x="{left + 44 + k * 22}" y="{ly}" width="20" height="12" fill="{c}"/>')
    out.append(f'<text x="{left + 48 + (len(BLUES) - 1) * 22}" y="{ly + 10}" fill="#57606a">more evidence '
               "paragraphs (click a cell for the evidence)</text>")
    out.append("</svg>")
    return Markup("".join(out))


def bar_chart(points: Sequence[tuple[str, float]], *, title: str, unit: str = "",
              hrefs: Sequence[str] | None = None) -> Markup:
    """Bars of a series (period -> value), the values printed on the bars."""
    n = max(1, len(points))
    bar_w = max(40, min(80, 600 // n - 16))
    left, right, bottom = 56, 16, 56
    width = max(480, left + n * (bar_w + 16) + right)
    heading = _wrap(title + (f" ({unit})" if unit else ""), max(30, width // 8))[:3]
    top_pad = 22 + 16 * len(heading)
    height = top_pad + 170 + bottom
    plot_h = height - top_pad - bottom
    vmax = max((v for _, v in points), default=0) or 1
    # a round top for the axis
    mag = 10 ** math.floor(math.log10(vmax)) if vmax > 0 else 1
    axis_top = math.ceil(vmax / mag) * mag
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart bars" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" role="img" {FONT} font-size="12">',
           f"<title>{_e(title)}</title>"]
    for k, line in enumerate(heading):
        out.append(f'<text x="{left - 40}" y="{18 + 16 * k}" font-weight="600" fill="#24292f">{_e(line)}</text>')
    for k in range(5):
        v = axis_top * k / 4
        y = top_pad + plot_h - plot_h * v / axis_top
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d0d7de" '
                   'stroke-width="1"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#57606a">{fmt_number(v)}</text>')
    for i, (label, v) in enumerate(points):
        x = left + 8 + i * (bar_w + 16)
        h = plot_h * v / axis_top
        y = top_pad + plot_h - h
        bar = (f'<rect x="{x}" y="{y:.1f}" width="{bar_w}" height="{h:.1f}" rx="2" fill="#2171b5">'
               f"<title>{_e(label)}: {fmt_number(v)}</title></rect>"
               f'<text x="{x + bar_w / 2:.0f}" y="{y - 5:.1f}" text-anchor="middle" font-weight="600" '
               f'fill="#24292f">{fmt_number(v)}</text>')
        if hrefs and i < len(hrefs) and hrefs[i]:
            bar = f'<a href="{_e(hrefs[i])}">{bar}</a>'
        out.append(bar)
        for k, line in enumerate(_wrap(label, max(8, bar_w // 6))[:3]):
            out.append(f'<text x="{x + bar_w / 2:.0f}" y="{top_pad + plot_h + 16 + 14 * k}" text-anchor="middle" '
                       f'fill="#24292f">{_e(line)}</text>')
    out.append("</svg>")
    return Markup("".join(out))


@dataclass
class Node:
    iri: str
    label: str
    weight: int
    kind: str
    title: str = ""
    partner: bool = False


def network(center: Node, nodes: Sequence[Node], *, href: Callable[[str], str]) -> Markup:
    """A star network: ``center`` in the middle, ``nodes`` around it; partners (named in support evidence)
    on solid spokes, entities named in the same paragraphs on dashed ones; the larger the node, the more
    paragraphs."""
    width, height = 820, 580
    cx, cy = width / 2, height / 2 - 14
    radius = 215
    wmax = max((n.weight for n in nodes), default=1) or 1
    pos: dict[str, tuple[float, float]] = {}
    for i, n in enumerate(nodes):
        a = -math.pi / 2 + 2 * math.pi * i / max(1, len(nodes))
        pos[n.iri] = (cx + radius * math.cos(a), cy + radius * math.sin(a))
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart network" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" role="img" {FONT} font-size="12">',
           f"<title>Partners of {_e(center.label)} and what the reports name with it</title>"]
    for n in nodes:
        x, y = pos[n.iri]
        colour = KIND_COLOURS.get(n.kind, KIND_COLOURS["other"])
        dash = "" if n.partner else ' stroke-dasharray="5 4"'
        w = (2.5 + 4 * n.weight / wmax) if n.partner else (1 + 3 * n.weight / wmax)
        out.append(f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="{colour}" '
                   f'stroke-opacity="{0.75 if n.partner else 0.45}" stroke-width="{w:.1f}"{dash}/>')
    for n in nodes:
        x, y = pos[n.iri]
        colour = KIND_COLOURS.get(n.kind, KIND_COLOURS["other"])
        r = 6 + 9 * n.weight / wmax
        anchor = "start" if x > cx + 4 else ("end" if x < cx - 4 else "middle")
        dx = r + 5 if anchor == "start" else (-(r + 5) if anchor == "end" else 0)
        lines = _wrap(n.label, 24)[:2]
        dy0 = 4 - 7 * (len(lines) - 1) if anchor != "middle" else ((r + 14) if y > cy else -(r + 6 + 14 * (len(lines) - 1)))
        tspans = "".join(f'<tspan x="{x + dx:.1f}" dy="{0 if k == 0 else 14}">{_e(t)}</tspan>'
                         for k, t in enumerate(lines))
        tip = n.title or f"{n.label}: {n.weight} paragraph{'s' if n.weight != 1 else ''}"
        weight = ' font-weight="600"' if n.partner else ""
        out.append(f'<a href="{_e(href(n.iri))}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colour}" '
                   f'stroke="#ffffff" stroke-width="2"><title>{_e(tip)}</title></circle>'
                   f'<text x="{x + dx:.1f}" y="{y + dy0:.1f}" text-anchor="{anchor}" fill="#24292f"{weight}>{tspans}'
                   "</text></a>")
    out.append(f'<circle cx="{cx}" cy="{cy}" r="40" fill="#0b4f9c"><title>{_e(center.title or center.label)}'
               f'</title></circle><text x="{cx}" y="{cy + 4}" text-anchor="middle" fill="#ffffff" font-size="11" '
               f'font-weight="700">{_e(center.label)}</text>')
    ly = height - 16
    out.append(f'<line x1="10" y1="{ly - 4}" x2="40" y2="{ly - 4}" stroke="#57606a" stroke-width="4"/>'
               f'<text x="46" y="{ly}" fill="#57606a">partner in the support evidence</text>'
               f'<line x1="260" y1="{ly - 4}" x2="290" y2="{ly - 4}" stroke="#57606a" stroke-width="2" '
               f'stroke-dasharray="5 4"/><text x="296" y="{ly}" fill="#57606a">named in the same paragraphs</text>')
    for k, (kind, name) in enumerate([("operation", "peace operation"), ("org", "organization")]):
        x0 = 520 + k * 140
        out.append(f'<circle cx="{x0}" cy="{ly - 4}" r="6" fill="{KIND_COLOURS[kind]}"/>'
                   f'<text x="{x0 + 10}" y="{ly}" fill="#57606a">{name}</text>')
    out.append("</svg>")
    return Markup("".join(out))
