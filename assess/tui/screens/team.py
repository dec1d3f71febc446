"""The team screen: where the assessors of a case disagree.

Top: the options × criteria heatmap, each cell shaded by the spread of the
assessors' scores (or showing their values, `v`). Below: the cell at the
cursor as every assessor scored it, side by side, with the team's value and
who stands furthest out; beside it, each assessor's ranking against the
team's. Enter opens the full texts; n / p jump to the next / previous widest
disagreement; Escape or q closes the screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Static

from assess.core.disagreement import Disagreement, disagreement
from assess.render.explain import ILLUSTRATIVE
from assess.render.text.ranking import illustrative
from assess.tui.present import shown
from assess.tui.quotes import Quotes
from assess.tui.screens.team_texts import TeamTextsModal
from assess.tui.widgets.elicitation_note import MARK as ILLUSTRATIVE_STYLE
from assess.tui.widgets.team_detail import TeamDetail, TeamSubject
from assess.tui.widgets.team_heatmap import WIDE, TeamHeatmap, legend
from assess.tui.widgets.team_ranks import TeamRanks

if TYPE_CHECKING:
    from assess.files.casefile import LoadedCase


def _common_scale(report: Disagreement) -> float | None:
    widths = {c.scale.max - c.scale.min for c in report.criteria}
    return widths.pop() if len(widths) == 1 else None


class TeamScreen(Screen[None]):
    """The disagreements of a case with assessors (see `assess.core.disagreement`)."""

    CSS_PATH = "team.tcss"
    BINDINGS = [
        Binding("escape", "close", "Close", id="team.close", tooltip="Close the team screen"),
        Binding("q", "close", "Close", show=False, id="team.close_q", tooltip="Close the team screen"),
        Binding(
            "n",
            "jump(1)",
            "Next widest",
            id="team.next_disagreement",
            tooltip="Go to the next disagreement, widest spread first",
        ),
        Binding(
            "p",
            "jump(-1)",
            "Prev",
            id="team.previous_disagreement",
            tooltip="Go to the previous disagreement",
        ),
        Binding(
            "v",
            "toggle_values",
            "Values/spread",
            id="team.toggle_values",
            tooltip="Show every assessor's values in the heatmap, or the spread",
        ),
    ]

    subject: reactive[TeamSubject | None] = reactive(None)

    def __init__(self, loaded: LoadedCase) -> None:
        super().__init__()
        if not loaded.case.assessors:
            raise ValueError("the team screen needs a case with assessors")
        self.report = disagreement(loaded.case, loaded.catalogue_model)
        self.quotes = Quotes(loaded.documents)

    def _title(self) -> str:
        r = self.report
        differ = sum(1 for c in r.cells if c.spread > 0)
        # names only: roles would clip the count; the detail shows each role by the name
        return f"Team: {', '.join(r.assessors.values())} · {differ} of {len(r.cells)} differ"

    def _ranks_title(self) -> Text:
        """Whose weights rank the team, and "illustrative weights" when they are an example."""
        r = self.report
        rule = r.weights_rule
        weights = f"{rule} weights" if rule in ("agreed", "default") else f"{rule} of weights"
        title = shown("Ranks vs team")
        if illustrative(r.team):  # before the rule, so a narrow pane still shows it
            title.append(" · ").append(ILLUSTRATIVE, ILLUSTRATIVE_STYLE)
        return title.append(f" ({r.aggregate}, {weights})")

    def compose(self) -> ComposeResult:
        with Horizontal(id="team-top"):
            yield Static(shown(self._title()), id="team-title")
            yield Static(legend(_common_scale(self.report)), id="team-legend")
        heatmap = TeamHeatmap(self.report, id="team-heatmap")
        yield heatmap
        with Horizontal(id="team-bottom"):
            with VerticalScroll(id="team-detail-scroll", can_focus=False) as detail:
                detail.border_title = "At the cursor · ⏎ full texts"
                yield TeamDetail(self.report, id="team-detail").data_bind(TeamScreen.subject)
            with VerticalScroll(id="team-ranks-scroll", can_focus=False) as ranks:
                ranks.border_title = self._ranks_title()
                yield TeamRanks(self.report, id="team-ranks")
        wide = self.app.size.width >= 100  # narrower, a compact footer leaves room for every key
        yield Footer(compact=not wide, show_command_palette=wide)

    def on_mount(self) -> None:
        self.query_one(TeamHeatmap).focus()

    def on_resize(self, event: events.Resize) -> None:
        """Narrow terminals: one row per assessor below the heading, short names."""
        wide = event.size.width >= WIDE
        self.set_class(wide, "-wide")
        self.query_one(TeamHeatmap).set_wide(wide)
        self.query_one(TeamDetail).mode = "columns" if wide else "rows"
        ranks = self.query_one(TeamRanks)
        names = 24 if wide else 12
        ranks.set_name_width(names)
        self.query_one("#team-ranks-scroll").styles.width = ranks.needed_width(names) + 3

    @on(TeamHeatmap.Shown)
    def _show(self, event: TeamHeatmap.Shown) -> None:
        self.subject = (event.option, event.criterion)

    @on(TeamHeatmap.Opened)
    def _open(self, event: TeamHeatmap.Opened) -> None:
        self.subject = (event.option, event.criterion)
        self.app.push_screen(TeamTextsModal(self.report, self.subject, self.quotes))

    def action_jump(self, step: int) -> None:
        heatmap = self.query_one(TeamHeatmap)
        heatmap.focus()
        heatmap.jump(step)

    def action_toggle_values(self) -> None:
        heatmap = self.query_one(TeamHeatmap)
        heatmap.set_mode("values" if heatmap.mode == "spread" else "spread")

    def action_close(self) -> None:
        self.dismiss(None)
