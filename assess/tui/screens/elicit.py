"""The weights screen (`w`): weights elicited, not only edited.

Four modes on tabs (1-4): statements ("A more important than B", intervals,
ratio bounds), swing weighting, AHP pairwise comparison and trade-off
questions. Every answer is a pure edit of the case (`assess.core.edit_elicit`)
applied by the App, so it is undone, redone and saved like any edit, and is
written to `weights.record` with who gave it (asked once per session: `b`
changes it), the date, and a rationale (`r` opens the editor for the last
step). Below the modes, live: the options possibly best under the view's
statements (computed at once, as `assess dominance` finds them), and the SMAA
rank-1 acceptabilities from a small seeded sample (in a worker, so typing never
waits); statements in the file that admit no weights are named instead.
"""

from __future__ import annotations

import datetime as dt
import getpass
from collections.abc import Callable

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Input, Static, TabbedContent, TabPane

from assess.core import edit_elicit as E
from assess.core.elicit_live import LIVE_SAMPLES, conflict_message, first_acceptability, possibly_best_ids
from assess.model import Case, Catalogue, Weights
from assess.render import fmt
from assess.tui.present import shorten, shown
from assess.tui.state import ViewState
from assess.tui.widgets.elicit_ahp import AhpPane
from assess.tui.widgets.elicit_statements import StatementsPane
from assess.tui.widgets.elicit_swing import SwingPane
from assess.tui.widgets.elicit_tradeoff import TradeoffPane

Answer = Callable[[Case, str | None, E.Said, Catalogue | None], Case]
"""An answer as an edit: (case, scenario, who said it, catalogue) -> the new case."""
MODES = ("statements", "swing", "ahp", "tradeoff")
SESSION_BY = "_elicited_by"
"""The App's attribute that keeps who is answering for the rest of the session."""


class ElicitScreen(Screen[None]):
    CSS_PATH = "elicit.tcss"
    BINDINGS = [
        Binding("escape", "close", "Close", id="elicit.close", tooltip="Close the weights screen"),
        Binding(
            "1", "mode('statements')", "Statements", show=False, id="elicit.statements", tooltip="Statements"
        ),
        Binding("2", "mode('swing')", "Swing", show=False, id="elicit.swing", tooltip="Swing weighting"),
        Binding("3", "mode('ahp')", "AHP", show=False, id="elicit.ahp", tooltip="AHP pairwise comparison"),
        Binding(
            "4",
            "mode('tradeoff')",
            "Trade-off",
            show=False,
            id="elicit.tradeoff",
            tooltip="Trade-off questions",
        ),
        Binding("a", "add_statement", "Add", id="elicit.add", tooltip="Type a new weight statement"),
        Binding("r", "rationale", "Why", id="elicit.rationale", tooltip="Rationale of the last step"),
        Binding("b", "who", "Who", id="elicit.who", tooltip="Who is answering"),
        Binding("ctrl+z", "app.undo", "Undo", id="elicit.undo", tooltip="Undo the last answer"),
        Binding("ctrl+y", "app.redo", "Redo", show=False, id="elicit.redo", tooltip="Redo the answer undone"),
        Binding("ctrl+s", "app.save", "Save", show=False, id="elicit.save", tooltip="Save the case"),
    ]

    def __init__(self, state: ViewState, mode: str = "statements") -> None:
        super().__init__()
        self.state = state
        self.mode = mode
        self.best: list[str] = []
        self.first: dict[str, float] = {}
        self._live_for: object = None

    # -- what the modes read ----------------------------------------------------

    @property
    def case(self) -> Case:
        return self.state.case

    @property
    def scenario(self) -> str | None:
        return self.state.scenario

    @property
    def catalogue(self) -> Catalogue | None:
        return self.state.catalogue

    @property
    def weights(self) -> Weights:
        return E.active_weights(self.case, self.scenario, self.catalogue)

    @property
    def by(self) -> str:
        return str(getattr(self.app, SESSION_BY, None) or self.default_by())

    def default_by(self) -> str:
        """The view's assessor, else the user's login name."""
        if self.state.view.assessor:
            return self.state.view.assessor
        try:
            return getpass.getuser()
        except (OSError, KeyError):  # no login name in this environment
            return "planner"

    def answer(self, change: Answer) -> bool:
        """Apply an answer as an edit, said by `by` today; False if refused."""
        said = E.Said(self.by, None, dt.date.today())
        return bool(self.app.apply(lambda c: change(c, self.scenario, said, self.catalogue)))  # type: ignore[attr-defined]

    # -- layout ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="elicit-title")
        with TabbedContent(id="elicit-modes", initial=f"mode-{self.mode}"):
            with TabPane("1 Statements", id="mode-statements"):
                yield StatementsPane(id="statements")
            with TabPane("2 Swing", id="mode-swing"):
                yield SwingPane(id="swing")
            with TabPane("3 AHP", id="mode-ahp"):
                yield AhpPane(id="ahp")
            with TabPane("4 Trade-off", id="mode-tradeoff"):
                yield TradeoffPane(id="tradeoff")
        yield Static(id="elicit-best")
        yield Static(id="elicit-smaa")
        wide = self.app.size.width >= 100
        yield Footer(compact=not wide, show_command_palette=wide)

    def on_mount(self) -> None:
        self.watch(self.app, "state", self._state_changed, init=False)
        self._refresh_all()
        self._focus_mode()
        if getattr(self.app, SESSION_BY, None) is None:
            self.action_who()

    def _state_changed(self, state: ViewState | None) -> None:
        if state is not None:
            self.state = state
            self._refresh_all()

    def _refresh_all(self) -> None:
        view = self.state.view
        self.query_one("#elicit-title", Static).update(
            shown(f"Weights · {view.label} · method {self.weights.method} · answering: {self.by}")
        )
        self._pane(self.mode).show(self)
        self._live()

    def _pane(self, mode: str) -> StatementsPane | SwingPane | AhpPane | TradeoffPane:
        return self.query_one(f"#{mode}")  # type: ignore[return-value]

    @on(TabbedContent.TabActivated, "#elicit-modes")
    def _mode_changed(self, event: TabbedContent.TabActivated) -> None:
        self.mode = (event.pane.id or "mode-statements").removeprefix("mode-")
        self._pane(self.mode).show(self)
        self._focus_mode()

    def _focus_mode(self) -> None:
        focus = {
            "statements": "#statement-list",
            "swing": "#swing-list",
            "ahp": "#ahp-list",
            "tradeoff": "#tradeoff",
        }
        self.query_one(focus[self.mode]).focus()

    def action_mode(self, mode: str) -> None:
        self.query_one("#elicit-modes", TabbedContent).active = f"mode-{mode}"

    # -- live: possibly best at once, SMAA in a worker ----------------------------

    def _ranked(self) -> list[str]:
        return [r.option for r in self.state.result.ranking if r.rank is not None]

    def _live(self) -> None:
        statements = self.weights.statements
        key = (tuple(id(s) for s in statements), self.state.view.criterion_ids, id(self.state.view.cells))
        if key == self._live_for:
            return
        self._live_for = key
        try:
            self.best = possibly_best_ids(self.state.view, statements)
        except ValueError:  # statements from the file that admit no weights
            self.best, self.first = [], {}
            said = conflict_message(self.state.view.criterion_ids, statements) or "no weights allowed"
            self.query_one("#elicit-best", Static).update(shown(f"Possibly best: none; {said}"))
            self.query_one("#elicit-smaa", Static).update(
                Text("SMAA rank-1 acceptability: no weights to draw")
            )
            return
        names = {o.id: o.name for o in self.state.view.options}
        n = len(statements)
        under = f"under {n} statement{'s' * (n != 1)}" if n else "with no statements"
        listed = ", ".join(shorten(names[o], 28) for o in self.best)
        count = f"{len(self.best)} of {len(self._ranked())}"
        self.query_one("#elicit-best", Static).update(shown(f"Possibly best {under} ({count}): {listed}"))
        self.query_one("#elicit-smaa", Static).update(
            Text("SMAA rank-1 acceptability: sampling…", style="dim")
        )
        # after the paint: a sampling thread started now would hold up the line above
        self.call_after_refresh(self._smaa, self.state, list(statements))

    @work(thread=True, exclusive=True, group="elicit-smaa")
    def _smaa(self, state: ViewState, statements: list[object]) -> None:
        first = first_acceptability(state.view, statements)
        self.app.call_from_thread(self._show_smaa, state, first)

    def _show_smaa(self, state: ViewState, first: dict[str, float]) -> None:
        if state is not self.state:  # a newer answer is being sampled
            return
        self.first = first
        names = {o.id: o.name for o in state.view.options}
        top = sorted((x, o) for o, x in first.items() if x > 0)[::-1][:4]
        parts = ", ".join(f"{shorten(names[o], 24)} {fmt.percent(x)}" for x, o in top)
        self.query_one("#elicit-smaa", Static).update(
            shown(f"SMAA rank-1 acceptability ({LIVE_SAMPLES} samples): {parts}")
        )

    # -- who, why, statements ------------------------------------------------------

    def action_who(self) -> None:
        from assess.tui.screens.elicit_who import WhoPrompt

        def answered(name: str | None) -> None:
            if name is not None:
                setattr(self.app, SESSION_BY, name.strip() or self.default_by())
                self._live_for = None
                self._refresh_all()

        self.app.push_screen(WhoPrompt(self.by), answered)

    def action_rationale(self) -> None:
        from assess.tui.screens.rationale_editor import RationaleEditor

        step = E.last_step(self.case, self.scenario, self.catalogue)
        if step is None:
            self.notify("No answer yet to explain.")
            return
        target = self.weights.statements[step.statement] if step.step == "statement" else step
        title = f"Why: the last step ({step.step.replace('_', ' ')})"

        def kept(text: str | None) -> None:
            if text is not None:
                self.app.apply(  # type: ignore[attr-defined]
                    lambda c: E.set_last_rationale(c, self.scenario, text, catalogue=self.catalogue)
                )

        self.app.push_screen(RationaleEditor(title, target.rationale or ""), kept)

    def action_add_statement(self) -> None:
        self.action_mode("statements")
        self.query_one("#statement-input", Input).focus()

    def ask_number(self, title: str, now: float, then: Callable[[float], object], note: str = "") -> None:
        from assess.tui.screens.value_prompt import ValuePrompt

        def answered(x: float | None) -> None:
            if x is not None:
                then(x)

        self.app.push_screen(ValuePrompt(title, now, 0.0, 100.0, note), answered)

    def action_close(self) -> None:
        """Escape leaves the statement being typed first, then the screen."""
        if isinstance(self.focused, Input):
            self._focus_mode()
            return
        self.dismiss(None)
