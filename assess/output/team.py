"""A `Disagreement` as JSON, a plain-text report or Markdown (`assess team`).

The JSON contract is documented in `assess.cli.team_cmd`. The text and
Markdown reports hold the same three parts: how the team view is formed,
the widest disagreements with every assessor's value and rationale, and
each assessor's ranking beside the team's.
"""

from __future__ import annotations

import json
import math
import textwrap

from assess.disagreement import CellDisagreement, Disagreement, Opinion, rank_map
from assess.output.compare import source_text
from assess.output.tables import markdown_table, text_table
from assess.scoring import ScoreResult

WRAP = 88


def _num(x: float) -> str:
    """A score as people write it: 3, 4.5, 1.167."""
    return f"{round(x, 3):g}"


def _aligned(
    header: list[str], rows: list[list[object]], pad: bool = True
) -> tuple[list[str], list[list[object]]]:
    """Numbers written as `_num` does and, with `pad`, right-aligned in their
    column (the shared table renderer would print them with four decimals)."""
    numeric = [all(isinstance(r[j], float | int) or r[j] is None for r in rows) for j in range(len(header))]
    text = [[_num(v) if isinstance(v, float | int) else "-" if v is None else v for v in r] for r in rows]
    for j, is_num in enumerate(numeric):
        if is_num and rows and pad:
            width = max(len(header[j]), *(len(str(r[j])) for r in text))
            for r in text:
                r[j] = str(r[j]).rjust(width)
    return header, text


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
        row: dict[str, object] = {
            "option": r.option,
            "name": r.name,
            "rank": r.rank,
            "score": r.score,
            "excluded": r.excluded,
        }
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


def team_json(d: Disagreement, file: str, top: int = 10) -> str:
    return json.dumps(team_data(d, file, top), indent=2, ensure_ascii=False)


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


def _furthest(c: CellDisagreement, d: Disagreement) -> str:
    if c.furthest is None:
        return "-"
    aid, dist = c.furthest
    return f"{d.assessors[aid]} ({_num(dist)})"


def cell_rows(
    d: Disagreement, cells: list[CellDisagreement], pad: bool = True
) -> tuple[list[str], list[list[object]]]:
    ids = list(d.assessors)
    header = ["#", "option", "criterion", *d.assessors.values(), "team", "spread", "sd", "furthest"]
    rows: list[list[object]] = []
    for k, c in enumerate(cells, 1):
        values = [c.opinion(a) for a in ids]
        option, criterion = c.option, c.criterion
        rows.append(
            [
                k,
                option,
                criterion,
                *(None if o is None else o.value for o in values),
                c.team,
                c.spread,
                c.std,
                _furthest(c, d),
            ]
        )
    return _aligned(header, rows, pad)


def _opinion_line(o: Opinion) -> str:
    rng = f" ({o.low:g}..{o.high:g})" if (o.low, o.high) != (o.value, o.value) else ""
    return f"{o.name} {o.value:g}{rng}: {o.rationale or '(no rationale)'}"


def _rationales(d: Disagreement, cells: list[CellDisagreement]) -> list[str]:
    out = []
    for k, c in enumerate(cells, 1):
        agreed = f", agreed {c.agreed:g}" if c.agreed is not None else ""
        out.append(f"{k}. {_label(c, d)}: spread {c.spread:g}, team {c.team:.3g}{agreed}")
        for o in c.opinions:
            out.append(textwrap.fill(_opinion_line(o), WRAP, initial_indent="   ", subsequent_indent="     "))
            if o.source is not None:
                out.append(
                    textwrap.fill(
                        source_text(o.source), WRAP, initial_indent="     ", subsequent_indent="     "
                    )
                )
    return out


def _rank(result: ScoreResult, option: str) -> object:
    r = result.by_option()[option]
    return "excl." if r.rank is None else r.rank


def rank_rows(d: Disagreement) -> tuple[list[str], list[list[object]]]:
    header = ["option", "team", *d.assessors.values()]
    rows: list[list[object]] = []
    for r in d.team.ranking:
        rows.append([r.name, _rank(d.team, r.option), *(_rank(a.result, r.option) for a in d.rankings)])
    taus = [_finite(a.tau) for a in d.rankings]
    rows.append(["Kendall tau vs team", "", *(f"{t:.3f}" if t is not None else "-" for t in taus)])
    return header, rows


def _summary(d: Disagreement, shown: int) -> str:
    disagreeing = sum(1 for c in d.cells if c.spread > 0)
    return (
        f"{len(d.cells)} cells, {disagreeing} scored differently; the {shown} widest by spread (max - min):"
    )


def team_table(d: Disagreement, file: str, top: int = 10) -> str:
    cells = top_cells(d, top)
    out = [
        f"{d.case.title}: {len(d.assessors)} assessors ({', '.join(d.assessors.values())})",
        how_text(d),
        "",
        _summary(d, len(cells)),
        "",
        text_table(*cell_rows(d, cells)),
    ]
    out += ["", "Rationales, widest first", "", *_rationales(d, cells)]
    out += ["", "Rankings (weighted sum, baseline): the team's and each assessor's", ""]
    out.append(text_table(*rank_rows(d)))
    return "\n".join(out)


def team_markdown(d: Disagreement, file: str, top: int = 10) -> str:
    cells = top_cells(d, top)
    out = [
        f"## {d.case.title}: {len(d.assessors)} assessors",
        "",
        how_text(d),
        "",
        _summary(d, len(cells)),
        "",
        markdown_table(*cell_rows(d, cells, pad=False)),
        "",
        "### Rationales",
        "",
    ]
    for k, c in enumerate(cells, 1):
        out.append(f"{k}. **{_label(c, d)}**: spread {c.spread:g}, team {c.team:.3g}")
        for o in c.opinions:
            src = f" ({source_text(o.source)})" if o.source else ""
            out.append(f"   - {_opinion_line(o)}{src}")
    out += ["", "### Rankings", "", markdown_table(*rank_rows(d))]
    return "\n".join(out)


def render_team(d: Disagreement, fmt: str, file: str, top: int = 10) -> str:
    render = {"json": team_json, "table": team_table, "markdown": team_markdown}[fmt]
    return render(d, file, top)
