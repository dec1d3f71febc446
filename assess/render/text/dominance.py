"""A `Dominance` as text a planner reads: table, Markdown or JSON.

Sections: a headline (which weights count: the view's statements, or every
weighting when it has none), the possibly and necessarily best options, the
dominance table (each option, what it dominates and what dominates it) and
the Hasse-style list (each option over those it dominates directly). The
JSON is `dominance_data`'s, written by `assess.render.jsonout` (numbers
rounded to 6 decimals; its keys are in `assess.cli.dominance_cmd`).
"""

from __future__ import annotations

from assess.core.dominance import Dominance
from assess.core.view import View
from assess.render.fmt import percent_span
from assess.render.jsonout import to_json
from assess.render.mdtext import md
from assess.render.safe import wrap
from assess.render.tables import markdown_table, text_table

WRAP = 100


def dominance_data(result: Dominance, view: View, file: str) -> dict[str, object]:
    """The plain JSON form (keys in `assess.cli.dominance_cmd`)."""
    names = {o.id: o.name for o in view.options}
    dominated_by = {b: tuple(a for a in result.options if b in result.dominates[a]) for b in result.options}
    vp = result.polytope
    return {
        "file": file,
        "case": view.case.title,
        "scenario": view.scenario,
        "view": view.label,
        "assessor": view.assessor,
        "ranges": result.ranges,
        "weights": {
            "simplex": result.simplex,
            "statements": [
                {"index": s, "text": text} for s, text in zip(vp.source, result.statements, strict=True)
            ],
            "dropped": list(vp.dropped),
            "bounds": {c: list(b) for c, b in result.weight_bounds.items()},
        },
        "options": [
            {
                "option": o,
                "name": names[o],
                "possibly_best": o in result.possibly_best,
                "necessarily_best": o in result.necessarily_best,
                "dominates": list(result.dominates[o]),
                "dominated_by": list(dominated_by[o]),
                "covers": list(result.covers[o]),
            }
            for o in result.options
        ],
        "excluded": [{"option": o, "name": names[o]} for o in result.excluded],
        "possibly_best": list(result.possibly_best),
        "necessarily_best": list(result.necessarily_best),
        "hasse": [[a, b] for a in result.options for b in result.covers[a]],
    }


def _headline(result: Dominance, view: View) -> str:
    scope = ", every score over its range" if result.ranges else ""
    if result.simplex:
        said = f"over every weighting (no weight statements: the whole simplex){scope}."
    else:
        k = len(result.statements)
        said = "its weight statement allows" if k == 1 else f"the {k} weight statements allow"
        said = f"over the weightings {said}{scope}:"
    return f"{view.case.title}: {view.label}: dominance {said}"


def _names(ids: tuple[str, ...] | list[str], names: dict[str, str], none: str = "none") -> str:
    return ", ".join(names[o] for o in ids) if ids else none


def best_lines(result: Dominance, names: dict[str, str]) -> list[str]:
    """The possibly and necessarily best options, a sentence each (`names`: id -> name as shown)."""
    return [
        f"Possibly best (first for some allowed weighting): {_names(result.possibly_best, names)}",
        f"Necessarily best (first for every one): {_names(result.necessarily_best, names)}",
    ]


def render_dominance(result: Dominance, view: View, fmt: str, file: str, width: int | None = None) -> str:
    if fmt == "json":
        return to_json(dominance_data(result, view, file))
    markdown = fmt == "markdown"
    text = md if markdown else str
    names = {o.id: text(o.name) for o in view.options}
    crit = {c.id: text(c.name) for c in view.criteria}
    headline = _headline(result, view)
    w = width or WRAP
    out = ["**" + md(headline) + "**"] if markdown else wrap(headline, w)
    out += [f"  - {text(s)}" for s in result.statements]
    if not result.simplex:
        bounds = ", ".join(
            f"{crit[c]} {percent_span(lo, hi)}" for c, (lo, hi) in result.weight_bounds.items()
        )
        out += wrap(f"Shares allowed: {bounds}.", w)
    best = best_lines(result, names)
    out += ["", *(best if markdown else [x for line in best for x in wrap(line, w, "", "    ")]), ""]
    dominated_by = {b: [a for a in result.options if b in result.dominates[a]] for b in result.options}
    header = ["option", "dominates", "dominated by"]
    rows = [
        [names[o], _names(result.dominates[o], names, "-"), _names(dominated_by[o], names, "-")]
        for o in result.options
    ]
    out.append(markdown_table(header, rows) if markdown else text_table(header, rows, width))
    out += ["", "Hasse diagram (each option over those it dominates directly):"]
    edges = [f"  {names[a]} > {_names(result.covers[a], names)}" for a in result.options if result.covers[a]]
    if not markdown:
        edges = [x for line in edges for x in wrap(line, w, "", "      ")]
    out += edges or ["  no option dominates another"]
    if result.excluded:
        out += ["", f"Excluded by a veto (not compared): {_names(result.excluded, names)}"]
    return "\n".join(out)
