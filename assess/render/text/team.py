"""A `Disagreement` as JSON, a plain-text report or Markdown (`assess team`).

The JSON contract is documented in `assess.cli.team_cmd`; it is written by
`assess.render.jsonout` (numbers rounded to 6 decimals, null where
undefined). The text and Markdown reports hold the same three parts: how
the team view is formed, the widest disagreements with every assessor's
value and rationale, and each assessor's ranking beside the team's. Tables
name options and criteria (not their ids); scores are written with
`assess.render.fmt.scale` (4.5, 1.17), Kendall's tau with three decimals. The
report of a team case (`assess report`) reuses these parts.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from assess.core.disagreement import CellDisagreement, Disagreement, Opinion, rank_map
from assess.core.scoring import ScoreResult
from assess.core.team_statements import Said
from assess.model import Weights
from assess.render.explain import basis_words
from assess.render.fmt import fixed, scale
from assess.render.jsonout import to_json
from assess.render.mdtext import md
from assess.render.safe import wrap
from assess.render.tables import markdown_table, text_table
from assess.render.text.compare import source_text
from assess.render.text.ranking import ranked_row

WRAP = 88
Text = Callable[[str], str]


def _finite(x: float) -> float | None:
    return None if math.isnan(x) or math.isinf(x) else x


# -- JSON ---------------------------------------------------------------------


def _opinion(o: Opinion) -> dict[str, object]:
    return {
        "assessor": o.assessor,
        "value": o.value,
        "low": o.low,
        "high": o.high,
        "rationale": o.rationale,
        "source": None if o.source is None else o.source.model_dump(),
        "basis": o.basis,
    }


def _cell(d: Disagreement, c: CellDisagreement) -> dict[str, object]:
    names = {o.id: o.name for o in d.options}
    crit = {x.id: x.name for x in d.criteria}
    return {
        "option": c.option,
        "option_name": names[c.option],
        "criterion": c.criterion,
        "criterion_name": crit[c.criterion],
        "team": c.team,
        "agreed": c.agreed,
        "spread": c.spread,
        "std": c.std,
        "furthest": None if c.furthest is None else {"assessor": c.furthest[0], "distance": c.furthest[1]},
        "opinions": [_opinion(o) for o in c.opinions],
    }


def _ranking(result: ScoreResult, team: dict[str, int] | None = None) -> list[dict[str, object]]:
    rows = []
    for r in result.ranking:
        row = ranked_row(r)
        if team is not None:
            row["team_rank"] = team[r.option]
        rows.append(row)
    return rows


def top_cells(d: Disagreement, top: int) -> list[CellDisagreement]:
    """The `top` widest cells (all with 0)."""
    cells = d.by_spread()
    return cells if top <= 0 else cells[:top]


def team_data(d: Disagreement, file: str, top: int = 10) -> dict[str, object]:
    team_ranks = rank_map(d.team)
    return {
        "case": d.case.title,
        "file": file,
        "team": {"aggregate": d.aggregate, "weights": d.weights_rule},
        "assessors": [
            {
                "id": r.assessor,
                "name": r.name,
                "role": d.case.assessors[r.assessor].role,
                "own_weights": r.own_weights,
                "furthest_in": r.furthest_in,
            }
            for r in d.rankings
        ],
        "cells_total": len(d.cells),
        "cells_disagreeing": sum(1 for c in d.cells if c.spread > 0),
        "cells": [_cell(d, c) for c in top_cells(d, top)],
        "matrix": {
            "options": [o.id for o in d.options],
            "criteria": [c.id for c in d.criteria],
            "spread": [[_finite(float(x)) for x in row] for row in d.spread_matrix],
        },
        "statements": _statements_data(d),
        "kept_statements": _kept_data(d),
        "rankings": {
            "team": _ranking(d.team),
            "assessors": [
                {
                    "assessor": r.assessor,
                    "name": r.name,
                    "tau": _finite(r.tau),
                    "first": r.first,
                    "ranking": _ranking(r.result, team_ranks),
                }
                for r in d.rankings
            ],
        },
    }


def _said(s: Said) -> dict[str, object]:
    return {"assessor": s.assessor, "statement": s.index, "text": s.text}


def _statements_data(d: Disagreement) -> dict[str, object] | None:
    c = d.statements
    if c is None:
        return None
    return {
        "assessors": list(c.assessors),
        "union_feasible": c.union_feasible,
        "conflict": [_said(s) for s in c.conflict],
        "smallest": c.smallest,
        "exclusions": [{**_said(e.said), "excluded_by": e.by} for e in c.exclusions],
    }


def statement_lines(d: Disagreement) -> list[str]:
    """Where the assessors' weight statements conflict, and which of them the
    team's combined weights keep, as sentences (none: [])."""
    return [*_conflict_lines(d), *kept_lines(d)]


def _kept(d: Disagreement) -> tuple[int, Weights] | None:
    """How many statements the assessors made and the team's combined weights
    (None: agreed weights, or no statement made)."""
    made = sum(len(a.weights.statements) for a in d.case.assessors.values() if a.weights)
    spec = d.team.view.weight_spec
    return None if d.case.weights is not None or not made or spec is None else (made, spec)


def _kept_data(d: Disagreement) -> dict[str, object] | None:
    found = _kept(d)
    if found is None:
        return None
    from assess.core.statements import describe

    criteria = {c.id: c.name for c in d.criteria}
    made, spec = found
    return {"said": made, "kept": [{"text": describe(s, criteria), "by": s.by} for s in spec.statements]}


def kept_lines(d: Disagreement) -> list[str]:
    """The statements the team's combined weights keep (`assess.core.team.kept_statements`),
    a sentence; [] when the case has agreed weights or no assessor made statements."""
    found = _kept(d)
    if found is None:
        return []
    from assess.core.statements import describe

    criteria = {c.id: c.name for c in d.criteria}
    made, spec = found

    def who(by: str | None) -> str:
        return f" (said by {', '.join(d.assessors.get(p, p) for p in by.split(', '))})" if by else ""

    kept = "; ".join(describe(s, criteria) + who(s.by) for s in spec.statements)
    return [
        f"The team's combined weights keep {len(spec.statements)} of the assessors' {made} weight "
        "statements, those every assessor's own weights satisfy" + (f": {kept}." if kept else ".")
    ]


def _conflict_lines(d: Disagreement) -> list[str]:
    c = d.statements
    if c is None:
        return []
    names = d.assessors
    if c.union_feasible and not c.exclusions:
        return [
            f"Weight statements: those of {', '.join(names[a] for a in c.assessors)} can all hold at once."
        ]
    out = []
    if not c.union_feasible:
        kind = "the smallest" if c.smallest else "a"
        listed = "; ".join(f"{names[s.assessor]}'s statement {s.index} ({s.text})" for s in c.conflict)
        out.append(f"Weight statements: together they admit no weights; {kind} conflicting set: {listed}.")
    for e in c.exclusions:
        s = e.said
        out.append(
            f"{names[s.assessor]}'s statement {s.index} ({s.text}) is excluded by {names[e.by]}'s statements."
        )
    return out


def team_json(d: Disagreement, file: str, top: int = 10) -> str:
    return to_json(team_data(d, file, top))


# -- text and Markdown ----------------------------------------------------------


def how_text(d: Disagreement) -> str:
    """One sentence on how the team view is formed."""
    n = len(d.assessors)
    cells = f"each cell is the {d.aggregate} of the {n} assessors' scores"
    weights = {
        "agreed": "weights are the case's agreed weights",
        "default": "weights are the criteria's default weights",
    }.get(d.weights_rule, f"weights are the {d.weights_rule} of the assessors' weights")
    own = [r.name for r in d.rankings if r.own_weights]
    mine = f" ({', '.join(own)} also ranked with own weights)" if own else ""
    return f"Team view: {cells}; {weights}{mine}."


def _label(c: CellDisagreement, d: Disagreement) -> str:
    names = {o.id: o.name for o in d.options}
    crit = {x.id: x.name for x in d.criteria}
    return f"{names[c.option]} × {crit[c.criterion]}"


def _furthest(c: CellDisagreement, d: Disagreement, name: Text = str) -> str:
    if c.furthest is None:
        return "-"
    aid, dist = c.furthest
    return f"{name(d.assessors[aid])} ({scale(dist)})"


def cell_rows(
    d: Disagreement, cells: list[CellDisagreement], name: Text = str
) -> tuple[list[str], list[list[object]]]:
    """The widest cells, by option and criterion name, every assessor's value."""
    ids = list(d.assessors)
    options = {o.id: o.name for o in d.options}
    criteria = {x.id: x.name for x in d.criteria}
    header = [
        "#",
        "option",
        "criterion",
        *map(name, d.assessors.values()),
        "team",
        "spread",
        "sd",
        "furthest",
    ]
    rows: list[list[object]] = []
    for k, c in enumerate(cells, 1):
        values = [c.opinion(a) for a in ids]
        rows.append(
            [
                k,
                name(options[c.option]),
                name(criteria[c.criterion]),
                *(None if o is None else scale(o.value) for o in values),
                scale(c.team),
                scale(c.spread),
                scale(c.std),
                _furthest(c, d, name),
            ]
        )
    return header, rows


def opinion_line(o: Opinion, basis: bool = False) -> str:
    """'anna 4.5 (4..5): rationale'; with `basis` (the assessors' differ),
    'anna 4.5 (4..5), judgement: rationale'."""
    rng = f" ({scale(o.low)}..{scale(o.high)})" if (o.low, o.high) != (o.value, o.value) else ""
    said = f", {basis_words(o.basis)}" if basis else ""
    return f"{o.name} {scale(o.value)}{rng}{said}: {o.rationale or '(no rationale)'}"


def cell_head(c: CellDisagreement, d: Disagreement) -> str:
    """'Option × Criterion: spread 2.5, team 3.5'."""
    agreed = f", agreed {scale(c.agreed)}" if c.agreed is not None else ""
    return f"{_label(c, d)}: spread {scale(c.spread)}, team {scale(c.team)}{agreed}"


def _rationales(d: Disagreement, cells: list[CellDisagreement], width: int) -> list[str]:
    out = []
    for k, c in enumerate(cells, 1):
        out += wrap(f"{k}. {cell_head(c, d)}", width, "", "   ")
        for o in c.opinions:
            out += wrap(opinion_line(o, c.bases_differ), width, "   ", "     ")
            if o.source is not None:
                out += wrap(source_text(o.source), width, "     ")
    return out


def _rank(result: ScoreResult, option: str) -> object:
    r = result.by_option()[option]
    return "excl." if r.rank is None else r.rank


def rank_rows(d: Disagreement, name: Text = str) -> tuple[list[str], list[list[object]]]:
    header = ["option", "team", *map(name, d.assessors.values())]
    rows: list[list[object]] = []
    for r in d.team.ranking:
        rows.append([name(r.name), _rank(d.team, r.option), *(_rank(a.result, r.option) for a in d.rankings)])
    taus = [_finite(a.tau) for a in d.rankings]
    rows.append(["Kendall tau vs team", "", *(fixed(t) if t is not None else "-" for t in taus)])
    return header, rows


def summary_line(d: Disagreement, shown: int) -> str:
    disagreeing = sum(1 for c in d.cells if c.spread > 0)
    return (
        f"{len(d.cells)} cells, {disagreeing} scored differently; the {shown} widest by spread (max - min):"
    )


def _who(d: Disagreement) -> str:
    """'Anna, science-ministry analyst; Boris, security officer' (names alone without roles)."""
    people = [(name, d.case.assessors[aid].role) for aid, name in d.assessors.items()]
    if not any(role for _, role in people):
        return ", ".join(name for name, _ in people)
    return "; ".join(f"{name}, {role}" if role else name for name, role in people)


def team_table(d: Disagreement, file: str, top: int = 10, width: int | None = None) -> str:
    cells = top_cells(d, top)
    w = width or WRAP
    out = [
        *wrap(f"{d.case.title}: {len(d.assessors)} assessors ({_who(d)})", w),
        *wrap(how_text(d), w),
        "",
        *wrap(summary_line(d, len(cells)), w),
        "",
        text_table(*cell_rows(d, cells), width, short=(1, 2)),
    ]
    said = statement_lines(d)
    out += ["", *(x for line in said for x in wrap(line, w))] if said else []
    out += ["", "Rationales, widest first", "", *_rationales(d, cells, w)]
    out += ["", *wrap("Rankings (weighted sum, baseline): the team's and each assessor's", w), ""]
    out.append(text_table(*rank_rows(d), width))
    return "\n".join(out)


def team_markdown_sections(d: Disagreement, top: int = 10, level: int = 3) -> list[str]:
    """How the team view is formed, the widest cells with every rationale and
    the rankings, as Markdown under headings of `level` (shared with the report)."""
    cells = top_cells(d, top)
    name: Text = lambda x: md(x, False)  # noqa: E731 (a cell of `markdown_table`)
    h = "#" * level + " "
    out = [
        md(how_text(d)),
        "",
        md(summary_line(d, len(cells))),
        "",
        markdown_table(*cell_rows(d, cells, name)),
    ]
    said = statement_lines(d)
    out += ["", *(f"- {md(line)}" for line in said)] if said else []
    out += ["", f"{h}Rationales", ""]
    for k, c in enumerate(cells, 1):
        out.append(f"{k}. **{md(cell_head(c, d))}**")
        for o in c.opinions:
            src = f" ({source_text(o.source)})" if o.source else ""
            out.append(f"   - {md(opinion_line(o, c.bases_differ) + src)}")
    out += ["", f"{h}Rankings", "", markdown_table(*rank_rows(d, name))]
    return out


def team_markdown(d: Disagreement, file: str, top: int = 10) -> str:
    title = f"## {md(d.case.title)}: {len(d.assessors)} assessors"
    return "\n".join([title, "", *team_markdown_sections(d, top)])


def render_team(d: Disagreement, fmt: str, file: str, top: int = 10, width: int | None = None) -> str:
    if fmt == "json":
        return team_json(d, file, top)
    if fmt == "markdown":
        return team_markdown(d, file, top)
    return team_table(d, file, top, width)
