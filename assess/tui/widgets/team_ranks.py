"""Each assessor's ranking of the baseline beside the team's.

One row per option in the team's order, one column per assessor with the
rank they give it: dim where it matches the team's, bold and coloured where
it does not (green: they rank it higher, red: lower), "✕" where a veto
excludes it. The last row holds Kendall's tau-b against the team.
"""

from __future__ import annotations

import math

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from assess.core.disagreement import Disagreement
from assess.core.scoring import ScoreResult
from assess.render import fmt
from assess.tui.present import clip

HIGHER, LOWER, SAME = "bold #70c878", "bold #e06060", "#a0a0a0"
EXCLUDED = "bold #e06060"
HEAD = 5
"""Assessors' names are clipped to this many columns in the header."""
TAU_LABEL = "τ vs team"


def rank_text(result: ScoreResult, option: str, team_rank: int | None) -> Text:
    rank = result.by_option()[option].rank
    if rank is None:
        return Text("✕", EXCLUDED)
    if team_rank is None or rank == team_rank:
        return Text(str(rank), SAME if team_rank is not None else "bold")
    return Text(str(rank), HIGHER if rank < team_rank else LOWER)


def tau_text(tau: float) -> Text:
    return Text("–" if math.isnan(tau) else fmt.fixed(tau), "italic")


def ranks_table(report: Disagreement, name_width: int = 16) -> Table:
    table = Table(box=None, padding=(0, 1), pad_edge=False, show_edge=False, header_style="bold")
    table.add_column("option", no_wrap=True)
    table.add_column("team", justify="right")
    for name in report.assessors.values():
        table.add_column(Text(clip(name, HEAD)), justify="right")
    for r in report.team.ranking:
        team_rank = r.rank
        cells = [rank_text(a.result, r.option, team_rank) for a in report.rankings]
        team = Text("✕", EXCLUDED) if team_rank is None else Text(str(team_rank), "bold")
        table.add_row(Text(clip(r.name, name_width)), team, *cells)
    table.add_row(Text(TAU_LABEL, "italic"), "", *(tau_text(a.tau) for a in report.rankings))
    return table


class TeamRanks(Static):
    """The rankings table of one `Disagreement`."""

    DEFAULT_CSS = """
    TeamRanks { width: auto; height: auto; }
    """

    def __init__(self, report: Disagreement, name_width: int = 16, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(ranks_table(report, name_width), id=id)
        self.report = report

    def set_name_width(self, width: int) -> None:
        self.update(ranks_table(self.report, width))

    def needed_width(self, name_width: int) -> int:
        """Columns the table takes with option names clipped to `name_width`."""
        longest = max(len(o.name) for o in self.report.options)
        names = max(min(longest, name_width), len(TAU_LABEL))
        taus = [len(tau_text(a.tau)) for a in self.report.rankings]  # the widest cell of a column
        ranks = [
            max(2, tau, len(clip(n, HEAD)))
            for n, tau in zip(self.report.assessors.values(), taus, strict=True)
        ]
        return names + 4 + sum(ranks) + 2 * (1 + len(ranks))
