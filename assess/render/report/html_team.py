"""The team section of the HTML report: where the assessors disagree, as
`assess team` shows it (the same rows and sentences, from `assess.render.text.team`),
and each assessor's own weight statements (`assess.render.report.statements`)."""

from __future__ import annotations

from assess.core.disagreement import Disagreement
from assess.render.report.content import Report
from assess.render.report.html_base import MUTED, NOTE, e, table
from assess.render.report.statements import team_html
from assess.render.text.compare import source_text
from assess.render.text.team import (
    cell_head,
    cell_rows,
    how_text,
    opinion_line,
    rank_rows,
    summary_line,
    top_cells,
)

TOP = 10
"""The widest disagreements shown, as `assess team` does by default."""


def _cells(rows: list[list[object]]) -> list[list[str]]:
    """Table cells as text (user strings already escaped by `name=e`)."""
    return [["–" if v is None else str(v) for v in row] for row in rows]


def _rationales(d: Disagreement) -> str:
    items = []
    for c in top_cells(d, TOP):
        opinions = "".join(
            f"<li>{e(opinion_line(o))}"
            + (f"<br>{MUTED}{e(source_text(o.source))}</span>" if o.source else "")
            + "</li>"
            for o in c.opinions
        )
        items.append(f"<li>{e(cell_head(c, d))}<ul>{opinions}</ul></li>")
    return f'<ol class="team-cells">{"".join(items)}</ol>'


def team_section(r: Report) -> str:
    """The section, or '' for a case without assessors."""
    d = r.team
    if d is None:
        return ""
    header, rows = cell_rows(d, top_cells(d, TOP), name=e)
    ranks_header, ranks = rank_rows(d, name=e)
    intro = (
        f"{NOTE}The assessors of this case on its baseline ({e(r.baseline)}), as "
        "<code>assess team</code> shows them.</p>"
    )
    return (
        '<section id="team"><h2>Where the assessors disagree</h2>'
        f"{intro}<p>{e(how_text(d))}</p><p>{e(summary_line(d, len(rows)))}</p>"
        f"{table(header, _cells(rows), tuple(range(3, len(header) - 1)))}"
        f"<h3>Rationales</h3>{_rationales(d)}"
        f"<h3>Rankings</h3>{table(ranks_header, _cells(ranks), tuple(range(1, len(ranks_header))))}"
        f"{team_html(r)}</section>"
    )
