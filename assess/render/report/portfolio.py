"""The report's portfolio section, in HTML and Markdown: what the budget buys.

The funded set (the exact optimum within the budget and rules), the frontier (as an
inline SVG chart in HTML, a table in Markdown), the value-for-money order, each
option's core index (RPM under the rank order of the weights) and the optimum in
every view. Only for a view with costs and a budget (`Report.portfolio`). The
sentences and rows are those of `assess portfolio` (`assess.render.text.portfolio`);
every user string is escaped (`e` in HTML, `md` in Markdown).
"""

from __future__ import annotations

from html import escape

from assess.core.portfolio.analyses import PortfolioResult
from assess.render.fmt import fixed, scale
from assess.render.mdtext import md
from assess.render.report.content import Report
from assess.render.report.html_base import NOTE, e, table
from assess.render.report.svg import c
from assess.render.tables import markdown_table
from assess.render.text.portfolio import cost_words, excluded_words

KEY = ("portfolio", "What the budget buys")
"""The section's anchor and title."""
W, H, PAD = 880.0, 300.0, 48.0
INK, MUTED, GRID, LINE, FUNDED = "#1f2933", "#52606d", "#d9dee3", "#2f6f9f", "#1a7f37"


def reference_marks(r: Report) -> dict[str, str]:
    """option -> what follows its name in the ranking: the reference, and who is below it."""
    ref = r.reference
    if ref is None:
        return {}
    return {ref.option: " (reference)", **dict.fromkeys(ref.worse, " (worse than doing nothing)")}


def reference_words(r: Report) -> str:
    """ "The reference, X (0.445), is the line to beat; worse than doing nothing: A, B"."""
    ref = r.reference
    assert ref is not None
    names = {x.option: x.name for x in r.ranking}
    text = f"The reference, {ref.name} ({fixed(ref.score)}), is the line to beat"
    return text + (
        "; worse than doing nothing: " + ", ".join(names[o] for o in ref.worse) if ref.worse else "."
    )


def _names(p: PortfolioResult) -> dict[str, str]:
    return dict(zip(p.problem.ids, p.problem.names, strict=True))


def _level(p: PortfolioResult, cost: dict[str, float]) -> float:
    cp = p.problem
    return max((cost[r] / cp.budget[r] for r in cp.resources), default=0.0)


def frontier_svg(p: PortfolioResult) -> str:
    """The frontier as a step chart: x the budget level (1 = the budget), y the benefit;
    each frontier portfolio a dot, the funded one green, the budget a dashed line."""
    pts = [(_level(p, q.cost), q.benefit, q.options == p.optimal.options) for q in p.frontier]
    top_x = max(1.25, max(x for x, _, _ in pts) * 1.02)
    lo = min(0.0, min(y for _, y, _ in pts))
    hi = max(y for _, y, _ in pts) or 1.0

    def X(x: float) -> float:
        return PAD + (W - 2 * PAD) * x / top_x

    def Y(y: float) -> float:
        return H - PAD - (H - 2 * PAD) * (y - lo) / (hi - lo or 1.0)

    steps = " ".join(
        f"{c(X(x))},{c(Y(y))} {c(X(pts[k + 1][0] if k + 1 < len(pts) else top_x))},{c(Y(y))}"
        for k, (x, y, _) in enumerate(pts)
    )
    parts = [
        f'<svg class="chart" viewBox="0 0 {c(W)} {c(H)}" width="{c(W)}" height="{c(H)}" role="img" '
        'aria-labelledby="frontier-t frontier-d" font-size="13">'
        '<title id="frontier-t">Cost-benefit frontier</title>'
        '<desc id="frontier-d">The best benefit at each budget level; the funded portfolio in green, '
        "the budget as a dashed line.</desc>",
        f'<line x1="{c(PAD)}" y1="{c(H - PAD)}" x2="{c(W - PAD)}" y2="{c(H - PAD)}" stroke="{GRID}"/>',
        f'<line x1="{c(PAD)}" y1="{c(PAD)}" x2="{c(PAD)}" y2="{c(H - PAD)}" stroke="{GRID}"/>',
        f'<line x1="{c(X(1))}" y1="{c(PAD)}" x2="{c(X(1))}" y2="{c(H - PAD)}" stroke="{MUTED}" '
        'stroke-dasharray="4 4"/>',
        f'<text x="{c(X(1))}" y="{c(H - PAD + 16)}" text-anchor="middle" fill="{MUTED}">budget</text>',
        f'<text x="{c(PAD)}" y="{c(H - PAD + 16)}" text-anchor="middle" fill="{MUTED}">0</text>',
        f'<text x="{c(W - PAD)}" y="{c(H - PAD + 16)}" text-anchor="middle" fill="{MUTED}">'
        f"×{top_x:.1f}</text>",
        f'<text x="{c(PAD - 6)}" y="{c(Y(hi) + 4)}" text-anchor="end" fill="{MUTED}">{fixed(hi)}</text>',
        f'<text x="{c(PAD - 6)}" y="{c(Y(lo) + 4)}" text-anchor="end" fill="{MUTED}">{fixed(lo)}</text>',
        f'<polyline points="{steps}" fill="none" stroke="{LINE}" stroke-width="1.5"/>',
    ]
    names = _names(p)
    for (x, y, funded), q in zip(pts, p.frontier, strict=True):
        label = escape(f"{', '.join(names[o] for o in q.options) or 'nothing'}: benefit {fixed(y)}")
        colour, r = (FUNDED, 6) if funded else (LINE, 3.5)
        parts.append(
            f'<circle cx="{c(X(x))}" cy="{c(Y(y))}" r="{r}" fill="{colour}"><title>{label}</title></circle>'
        )
    return "".join(parts) + "</svg>"


def _order_rows(p: PortfolioResult, name) -> tuple[list[str], list[list[str]]]:  # noqa: ANN001
    names, cp = _names(p), p.problem
    header = ["Option", "Benefit", *cp.budget, "Benefit per unit", "Funded"]
    rows = [
        [
            name(names[x.option]),
            fixed(x.benefit),
            *(scale(x.cost[r]) for r in cp.budget),
            "free" if x.ratio == float("inf") else fixed(x.ratio),
            "optimum" if x.option in p.optimal.options else ("order" if x.funded else ""),
        ]
        for x in p.order.entries
    ]
    return header, rows


def _core_rows(p: PortfolioResult, name) -> list[list[str]]:  # noqa: ANN001
    assert p.robust is not None
    names, ci = _names(p), p.robust.core_index
    return [[name(names[o]), fixed(ci[o]), p.robust.classes[o]] for o in sorted(ci, key=lambda o: -ci[o])]


def _view_rows(p: PortfolioResult, name) -> list[list[str]]:  # noqa: ANN001
    assert p.views is not None
    names = _names(p)
    return [
        [
            name(v.label),
            fixed(v.optimal.benefit),
            name(", ".join(names[o] for o in v.optimal.options) or "nothing"),
        ]
        for v in p.views.views
    ]


def _funded_words(p: PortfolioResult) -> str:
    names, cp = _names(p), p.problem
    chosen = ", ".join(names[o] for o in p.optimal.options) or "nothing"
    return (
        f"Within the budget ({cost_words(cp, cp.budget)}), the best portfolio funds {chosen}: "
        f"benefit {fixed(p.optimal.benefit)} over the reference, costing "
        f"{cost_words(cp, p.optimal.cost, of_budget=True)}."
    )


def _order_words(p: PortfolioResult) -> str:
    o = p.order
    text = f"Funding down the value-for-money order brings {fixed(o.funded.benefit)}"
    return text + (
        f", {fixed(o.shortfall)} short of the optimum." if o.shortfall > 0 else ", as much as the optimum."
    )


def _never(p: PortfolioResult) -> list[str]:
    names = _names(p)
    return [f"{names[o]}: {excluded_words(w)}" for o, w in p.problem.excluded.items()]


def html_section(r: Report) -> str:
    """The HTML section, or '' when the view has no costs or no budget."""
    p = r.portfolio
    if p is None:
        return ""
    header, rows = _order_rows(p, e)
    out = [f'<section id="{KEY[0]}"><h2>{e(KEY[1])}</h2>', f"<p>{e(_funded_words(p))}</p>"]
    out.append(f"<figure>{frontier_svg(p)}</figure>")
    out.append(f"<h3>Order of preference</h3><p>{e(_order_words(p))}</p>")
    out.append(table([e(h) for h in header], rows, tuple(range(1, len(header) - 1))))
    if p.robust is not None:
        out.append(
            f"<h3>Core index</h3>{NOTE}The share of the portfolios no other beats for any weights in "
            "the rank order of the case's weights, scores over their ranges (Liesiö, Mild &amp; Salo "
            "2007): core = in all of them, exterior = in none.</p>"
        )
        out.append(table(["Option", "Core index", "Class"], _core_rows(p, e), (1,)))
    if p.views is not None:
        out.append("<h3>Across views</h3>")
        out.append(table(["View", "Benefit", "Optimal portfolio"], _view_rows(p, e), (1,)))
        common = ", ".join(_names(p)[o] for o in p.views.funded_in_all) or "nothing"
        out.append(f"<p>{e('Funded in every view: ' + common)}</p>")
    never = _never(p)
    if never:
        out.append("<h3>Never funded</h3><ul>" + "".join(f"<li>{e(x)}</li>" for x in never) + "</ul>")
    return "".join(out) + "</section>"


def markdown_lines(r: Report) -> list[str]:
    """The Markdown section's lines, or [] when the view has no costs or no budget."""
    p = r.portfolio
    if p is None:
        return []
    out = ["", f"## {KEY[1]}", "", md(_funded_words(p)), "", "### Frontier", ""]
    names, cp = _names(p), p.problem
    rows = [
        [
            *(scale(q.cost[x]) for x in cp.budget),
            fixed(q.benefit),
            md(", ".join(names[o] for o in q.options) or "nothing", False),
        ]
        for q in p.frontier
    ]
    out += [markdown_table([*cp.budget, "benefit", "options"], rows)]
    header, order = _order_rows(p, lambda s: md(s, False))
    out += ["", "### Order of preference", "", md(_order_words(p)), "", markdown_table(header, order)]
    if p.robust is not None:
        out += [
            "",
            "### Core index",
            "",
            markdown_table(["Option", "Core index", "Class"], _core_rows(p, lambda s: md(s, False))),
        ]
    if p.views is not None:
        out += [
            "",
            "### Across views",
            "",
            markdown_table(["View", "Benefit", "Optimal portfolio"], _view_rows(p, lambda s: md(s, False))),
        ]
        out += [
            "",
            md("Funded in every view: " + (", ".join(names[o] for o in p.views.funded_in_all) or "nothing")),
        ]
    out += ["", *(f"- {md(x)}" for x in _never(p))] if _never(p) else []
    return out
