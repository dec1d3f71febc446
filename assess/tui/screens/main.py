"""The main screen: ranking, why, score matrix with evidence, weights.

At 120 columns and more the ranking and the contributions chart sit side by
side above a tabbed Scores / Weights area; narrower, everything is on tabs,
the ranking's bars are the stacked contributions (the chart has no room of
its own) and the status line keeps the top of the ranking in view. The
status line says first whether anything is unsaved, so it shows at 80
columns. Crossing the breakpoint recomposes the screen; the widgets take
what they show from the App's state through `data_bind`, so nothing is lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.reactive import var
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Header, TabbedContent, TabPane

from assess.tui.present import BASIS_LEGEND, safe
from assess.tui.quotes import Quotes
from assess.tui.state import ViewState
from assess.tui.widgets.elicitation_note import ElicitationNote
from assess.tui.widgets.evidence_panel import Cursor, EvidencePanel
from assess.tui.widgets.excluded_list import ExcludedList
from assess.tui.widgets.grid import Grid
from assess.tui.widgets.rank_strip import RankStrip
from assess.tui.widgets.ranking_table import RankingTable
from assess.tui.widgets.score_matrix import ScoreMatrix
from assess.tui.widgets.weights_table import WeightsTable
from assess.tui.widgets.why_panel import Legend, WhyPanel

if TYPE_CHECKING:
    from assess.core.edit import Change
    from assess.model import Document

WIDE = 120
"""Terminal width from which the ranking and the chart sit side by side."""
FOCUS = {"ranking": "#ranking", "scores": "#matrix", "weights": "#weights"}
NARROW_NAMES, WIDE_NAMES = 24, 22
"""Characters of an option's name in the ranking (narrow: on its tab; wide: beside the chart)."""


def _titled(widget: Widget, title: str) -> Widget:
    widget.border_title = Text(safe(title))  # a Text: a view's name is never markup
    return widget


class MainScreen(Screen):
    BINDINGS = [
        Binding("ctrl+s", "app.save", "Save", id="save", tooltip="Save the case"),
        Binding("ctrl+z", "app.undo", "Undo", id="undo", tooltip="Undo the last edit"),
        Binding("ctrl+y", "app.redo", "Redo", id="redo", show=False, tooltip="Redo the edit undone"),
        Binding(
            "s",
            "app.next_scenario",
            "Scenario",
            id="scenario.next",
            tooltip="Show the next view (baseline, scenarios)",
        ),
        Binding("1", "show('ranking')", "Ranking", id="show.ranking", show=False, tooltip="Show the ranking"),
        Binding(
            "2",
            "show('scores')",
            "Scores",
            id="show.scores",
            show=False,
            tooltip="Show the scores and evidence",
        ),
        Binding("3", "show('weights')", "Weights", id="show.weights", show=False, tooltip="Show the weights"),
    ]

    state: var[ViewState | None] = var(None)
    cursor: var[Cursor | None] = var(None)

    def __init__(self, quotes: Quotes, documents: dict[str, Document]) -> None:
        super().__init__()
        self.quotes, self.documents = quotes, documents
        self.wide = False
        self.tab = "ranking"

    def compose(self) -> ComposeResult:
        # The children start with the App's state (data_bind copies it on mount),
        # so the first paint already shows the case.
        self.set_reactive(MainScreen.state, getattr(self.app, "state", None))
        self.wide = self.app.size.width >= WIDE
        self.set_class(not self.wide, "narrow")
        yield Header()
        yield RankStrip(ranking=not self.wide, id="strip").data_bind(MainScreen.state)
        if self.wide:
            with Horizontal(id="top"):
                yield from self._ranking_pane()
                yield self._why(bar_width=35)  # leaves room for three subtotals of 0.000
            tab = self.tab if self.tab != "ranking" else "scores"
        else:
            tab = self.tab
        with TabbedContent(id="tabs", initial=f"tab-{tab}"):
            if not self.wide:
                with TabPane("Ranking", id="tab-ranking"):
                    yield from self._ranking_pane()
            with TabPane("Scores", id="tab-scores"):
                yield from self._scores_pane()
            with TabPane("Weights", id="tab-weights"):
                yield from self._weights_pane()
        # Narrow: compact, and the palette (ctrl+p, listed in help) leaves room for keys.
        yield Footer(compact=not self.wide, show_command_palette=self.wide)

    def _scores_pane(self) -> ComposeResult:
        matrix = ScoreMatrix(self.cursor, id="matrix", classes="pane")
        matrix.border_subtitle = BASIS_LEGEND
        yield _titled(matrix.data_bind(MainScreen.state), "Scores")
        yield _titled(
            EvidencePanel(
                self.quotes, self.documents, 60 if self.wide else 30, id="evidence", classes="pane"
            ).data_bind(MainScreen.state, MainScreen.cursor),
            # narrow, the matrix has no border to hold its legend
            "Evidence" if self.wide else f"Evidence · {BASIS_LEGEND}",
        )

    def _weights_pane(self) -> ComposeResult:
        yield ElicitationNote(id="elicitation").data_bind(MainScreen.state)
        names = 48 if self.wide else max(16, self.app.size.width - 46)
        weights = WeightsTable(bar_width=16 if self.wide else 10, name_width=names, id="weights")
        yield _titled(weights.add_class("pane").data_bind(MainScreen.state), "Weights")

    def _ranking_pane(self) -> ComposeResult:
        with _titled(Vertical(id="ranking-pane", classes="pane"), "Ranking"):
            if self.wide:
                table = RankingTable(bar_width=6, name_width=WIDE_NAMES, id="ranking")
            else:  # the bar takes what the other columns leave (see RankingTable's columns)
                bar = max(10, self.app.size.width - NARROW_NAMES - 28)
                table = RankingTable(bar_width=bar, name_width=NARROW_NAMES, stacked=True, id="ranking")
            yield table.data_bind(MainScreen.state)
            yield ExcludedList(id="excluded").data_bind(MainScreen.state)
            if not self.wide:
                yield Legend(id="why-legend").data_bind(MainScreen.state)

    def _why(self, bar_width: int) -> Widget:
        panel = WhyPanel(bar_width=bar_width, id="why", classes="pane")
        panel.data_bind(MainScreen.state)
        return _titled(panel, "Why: contributions to each total")

    def on_mount(self) -> None:
        self.watch(self.app, "state", self._take_state, init=False)
        self.watch_state(self.state)
        self._focus_tab()

    def _take_state(self, state: ViewState) -> None:
        self.state = state

    def watch_state(self, state: ViewState | None) -> None:
        if state is None:
            return
        view = safe(state.view.label)
        for selector, title in [("#ranking-pane", "Ranking"), ("#matrix", "Scores"), ("#weights", "Weights")]:
            for widget in self.query(selector):
                if widget.border_title != Text(f"{title} · {view}").markup:  # setting it repaints
                    _titled(widget, f"{title} · {view}")

    def on_resize(self, event: Resize) -> None:
        if (event.size.width >= WIDE) != self.wide:
            self.refresh(recompose=True)
            self.call_after_refresh(self._focus_tab)

    @on(TabbedContent.TabActivated, "#tabs")
    def _tab_changed(self, event: TabbedContent.TabActivated) -> None:
        self.tab = (event.pane.id or "tab-scores").removeprefix("tab-")

    @on(Grid.Highlighted, "#matrix")
    def _cell_changed(self) -> None:
        option, criterion = self.query_one(ScoreMatrix).current()
        if option is not None:
            self.cursor = (option, criterion)

    def _focus_tab(self) -> None:
        tab = self.tab if (self.tab != "ranking" or not self.wide) else "scores"
        for widget in self.query(FOCUS[tab]):
            widget.focus()

    def reveal(self, change: Change) -> None:
        """Bring where `change` happened into view: its cell in the score
        matrix, or its criterion's row in the weights."""
        if change.kind in ("score", "rationale") and change.option and change.criterion:
            self.action_show("scores")
            self.query_one(ScoreMatrix).go_to(change.option, change.criterion)
        elif change.kind in ("weight", "criterion") and change.criterion:
            self.action_show("weights")
            self.query_one(WeightsTable).go_to(change.criterion)
        elif change.kind == "weights":
            self.action_show("weights")

    def action_show(self, name: str) -> None:
        """Bring a pane into view (on narrow screens: its tab) and focus it."""
        if name != "ranking" or not self.wide:
            self.query_one("#tabs", TabbedContent).active = f"tab-{name}"
        self.tab = name
        self.query_one(FOCUS[name]).focus()
