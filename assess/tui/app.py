"""The planner's terminal UI: `AssessApp` and `run_app`.

The App holds one immutable `ViewState` (the case, the view shown, its
scores); an edit replaces it. Widgets post messages, the App applies the pure
edits of `assess.core.edit`, keeps a history of cases for undo/redo and saves
through `assess.tui.saving`: never silently over a file changed on disk, never
into the installed package, and, should the UI stop on an unexpected error,
the unsaved case is first written to a recovery file (`write_recovery`).
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.reactive import var

# Only what the first frame needs is imported here: the model, NumPy, the
# main screen and the editing code load after it (`assess.tui.opening`).
from assess.files import bundled
from assess.tui.opening import Opening, open_cases, opening
from assess.tui.present import safe
from assess.tui.titlebar import fit_title, shown_path

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.screen import Screen

    from assess.files.casefile import LoadedCase
    from assess.model import Case, Catalogue
    from assess.tui.history import History
    from assess.tui.screens.main import MainScreen
    from assess.tui.state import AppState, ViewState
    from assess.tui.widgets.score_matrix import ScoreMatrix
    from assess.tui.widgets.weights_table import WeightsTable


def _commands() -> type[Provider]:
    """The palette's commands, imported when the palette first opens."""
    from assess.tui.commands import AssessCommands

    return AssessCommands


class AssessApp(App[int]):
    """Works on the first case given; the others are there to compare."""

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses live elsewhere
    COMMANDS = {_commands}  # ours first; it appends Textual's own (see commands.py)
    BINDINGS = [
        Binding("f1,question_mark", "help", "Help", id="help", tooltip="Show every key"),
        Binding(
            "c",
            "compare",
            "Compare",
            id="compare",
            show=False,
            tooltip="Compare the cases, or this case's views",
        ),
        Binding(
            "a",
            "robustness",
            "Robustness",
            id="robustness",
            show=False,
            tooltip="How robust the ranking is",
        ),
        Binding(
            "t",
            "team",
            "Team",
            id="team",
            show=False,
            tooltip="Where the assessors disagree",
        ),
        Binding(
            "p",
            "portfolio",
            "Portfolio",
            id="portfolio",
            show=False,
            tooltip="What the budget buys",
        ),
        Binding(
            "w",
            "elicit",
            "Elicit",
            id="elicit",
            show=False,
            tooltip="Elicit the weights (statements, swing, AHP)",
        ),
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            id="quit",
            priority=True,
            tooltip="Quit (asks first if anything is unsaved)",
        ),
    ]

    state: var[ViewState | None] = var(None)

    def __init__(self, cases: list[LoadedCase] | Opening, scenario: str | None = None) -> None:
        """`cases` loaded: the first frame shows the first; or an `Opening`:
        the first frame says what is opening, and the case replaces it once scored."""
        super().__init__()
        if isinstance(cases, Opening) and scenario is not None:
            cases = replace(cases, scenario=scenario)
        self.opening = cases if isinstance(cases, Opening) else None
        """The cases still to score and show (None once they are)."""
        self.use_command_palette = self.opening is None  # its commands act on the case
        if isinstance(cases, Opening):
            self.current: AppState
            """The whole state; replaced (by `_commit`) on every change, never changed."""
            self.title, self.sub_title = safe(cases.title), safe(shown_path(cases.path))
        else:
            self.set_current(open_cases(cases, scenario))
        self.recovered: tuple[Path | None, str] | None = None
        """Where the unsaved case went when the UI stopped on an error, and the note to print."""
        self.stopped_by = "an unexpected error"
        """What ended the app when `recovered` is set: an error or a signal's name."""

    def set_current(self, current: AppState) -> None:
        """The first state, before any widget shows it."""
        self.current = current
        self.set_reactive(AssessApp.state, current.view)

    @property
    def cases(self) -> tuple[LoadedCase, ...]:
        """The cases open, loaded and valid (also while the first is still being scored)."""
        return self.opening.cases if self.opening is not None else self.current.cases

    @property
    def history(self) -> History:
        return self.current.history

    @property
    def loaded(self) -> LoadedCase:
        """The case being edited, as last loaded or saved."""
        return self.cases[0]

    @property
    def catalogue(self) -> Catalogue | None:
        return self.loaded.catalogue_model

    @property
    def case(self) -> Case:
        return self.current.case

    @property
    def scenario(self) -> str | None:
        """The scenario shown (None: the baseline)."""
        return self.state.scenario if self.state else None

    @property
    def dirty(self) -> bool:
        """Whether the case differs from the file (undoing back to it makes it clean)."""
        return self.opening is None and self.current.dirty

    def get_default_screen(self) -> Screen:
        if self.opening is not None:
            from assess.tui.screens.loading import LoadingScreen

            return LoadingScreen(self.opening.path)
        return self.main_screen()

    def main_screen(self) -> MainScreen:
        from assess.tui.quotes import Quotes
        from assess.tui.screens.main import MainScreen

        documents = {**(self.catalogue.documents if self.catalogue else {}), **self.loaded.case.documents}
        return MainScreen(Quotes(self.loaded.documents, not_found=self.loaded.passages_not_found), documents)

    def on_main_screen(self) -> bool:
        """Whether the main screen is shown (not another screen, nor the opening one)."""
        from assess.tui.screens.main import MainScreen

        return isinstance(self.screen, MainScreen) and self.state is not None

    def on_mount(self) -> None:
        self._retitle()
        self._catch_termination()
        if self.opening is not None:
            self.call_after_refresh(self._open)  # after the first frame

    @work(thread=True, exclusive=True, group="open")
    def _open(self) -> None:
        """Score the first view off the event loop (NumPy loads here), then show it."""
        assert self.opening is not None
        current = self.opening.open()
        self.call_from_thread(self._opened, current)

    def _opened(self, current: AppState) -> None:
        self.set_current(current)
        self.opening = None
        self.use_command_palette = True
        self.push_screen(self.main_screen())  # over the opening screen, which stays below
        self._retitle()

    def _catch_termination(self) -> None:
        """SIGTERM or SIGHUP (a closed terminal, a stopped `serve` session) would
        end the process with the edits unsaved: write the recovery file, then exit."""
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGHUP):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, self._terminated, sig)

    def _terminated(self, sig: int) -> None:
        self.stopped_by = signal.Signals(sig).name
        self.write_recovery()
        self.exit(return_code=128 + sig)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notice is plain text (never markup, no control characters):
        notices name files, options and criteria, which are text from a file."""
        message, title = safe(message, multiline=True), safe(title)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def on_resize(self, event: events.Resize) -> None:
        self._retitle()

    def _retitle(self) -> None:
        """The title bar: the case's title, the file's path, the view, the marker (fitted)."""
        state = self.state
        if state is None:
            return
        tag = " (installed copy)" if bundled.is_installed_copy(self.loaded.path) else ""
        path, view = safe(shown_path(self.loaded.path)), safe(state.view.label)
        self.title, self.sub_title = fit_title(
            safe(state.case.title), path, view, self.dirty, self.size.width, tag
        )

    def format_title(self, title: str, sub_title: str) -> Content:
        """Textual's `title — sub-title` with control characters removed (a case's
        title and file name are text from a file), or the sub-title alone when the
        title gave way."""
        title, sub_title = safe(title), safe(sub_title)
        if title:
            return super().format_title(title, sub_title)
        return Content(sub_title).stylize("dim")

    # -- applying edits ------------------------------------------------------

    def _commit(self, current: AppState) -> None:
        """Make `current` the app's state and redraw from it: the widgets (through
        the `state` reactive, the view shown) and the title bar, in one frame."""
        self.current = current
        with self.batch_update():  # every widget's change in one frame
            self.state = current.view
            self._retitle()

    def _view_of(self, case: Case, scenario: str | None, loaded: LoadedCase | None = None) -> ViewState:
        """`case` in view `scenario`, scored against the file's case (`loaded`, by
        default the one being edited)."""
        from assess.tui.state import view_state

        saved = (loaded or self.loaded).case
        return view_state(case, self.catalogue, scenario, previous=self.state, saved=saved)

    def _show(self, case: Case, scenario: str | None) -> None:
        self._commit(replace(self.current, view=self._view_of(case, scenario)))

    def step_history(self, history: History) -> None:
        """Undo or redo: `history` is the app's, its present shown in the current view."""
        self._commit(
            replace(self.current, history=history, view=self._view_of(history.present, self.scenario))
        )

    def apply(self, change: Callable[[Case], Case]) -> bool:
        """Apply an edit to the case; refuse it, with a message, if it is invalid."""
        assert self.state is not None
        try:
            case = change(self.case)
            if case is self.case:
                return False
            view = self._view_of(case, self.state.scenario)
        except ValueError as err:  # EditError, or a case that cannot be scored
            self.notify(str(err), title="Refused", severity="error")
            return False
        self._commit(replace(self.current, history=self.history.push(case), view=view))
        return True

    # Handlers by name (Textual's `on_<widget>_<message>`): the widgets load with the case.
    def on_score_matrix_score_changed(self, m: ScoreMatrix.ScoreChanged) -> None:
        from assess.core import edit

        self.apply(
            lambda c: edit.set_score(
                c, self.scenario, m.option, m.criterion, m.value, catalogue=self.catalogue
            )
        )

    def on_score_matrix_rationale_changed(self, m: ScoreMatrix.RationaleChanged) -> None:
        from assess.core import edit

        self.apply(lambda c: edit.set_rationale(c, self.scenario, m.option, m.criterion, m.text))

    def on_score_matrix_criterion_toggled(self, m: ScoreMatrix.CriterionToggled) -> None:
        self.action_toggle_criterion(m.criterion)

    def on_weights_table_criterion_toggled(self, m: WeightsTable.CriterionToggled) -> None:
        self.action_toggle_criterion(m.criterion)

    def action_toggle_criterion(self, criterion: str) -> None:
        from assess.core import edit

        self.apply(lambda c: edit.toggle_criterion(c, criterion))

    def on_weights_table_weight_changed(self, m: WeightsTable.WeightChanged) -> None:
        from assess.core import edit

        scenario = self.scenario

        def change(case: Case) -> Case:
            return edit.set_weight(case, scenario, m.criterion, m.points, catalogue=self.catalogue)

        if self._weights_are_points():
            self.apply(change)
        else:
            self._ask_convert(lambda: self.apply(lambda c: change(self._to_direct(c, scenario))))

    def _weights_are_points(self) -> bool:
        from assess.core import edit
        from assess.core.view import effective_weights

        spec = effective_weights(self.case, self.scenario)
        return spec is None or spec.method in edit.POINT_FIELDS

    def _ask_convert(self, then: Callable[[], object]) -> None:
        from assess.core.view import effective_weights
        from assess.render.labels import method_label
        from assess.tui.screens.confirm import Confirm  # dialogs load when first used

        spec = effective_weights(self.case, self.scenario)
        assert spec is not None
        question = (
            f"These weights are elicited by {method_label(spec.method, inside=True)}, which "
            "cannot be changed one weight at a time. Convert them to direct points "
            "(each share x 100) and make the change?"
        )

        def answered(yes: bool | None) -> None:
            if yes:
                then()

        self.push_screen(Confirm("Convert the weights?", question, "Convert"), answered)

    def action_convert_weights(self) -> None:
        if self._weights_are_points():
            self.notify("These weights are already points.")
            return
        scenario = self.scenario
        self._ask_convert(lambda: self.apply(lambda c: self._to_direct(c, scenario)))

    def _to_direct(self, case: Case, scenario: str | None) -> Case:
        """`case` with the view's weights converted to direct points, saying from what."""
        from assess.core import edit
        from assess.core.view import effective_weights
        from assess.render.labels import method_label

        spec = effective_weights(case, scenario)
        method = method_label(spec.method if spec else None, inside=True)
        note = f"Converted from {method} to direct points (share x 100)."
        return edit.weights_to_direct(case, scenario, catalogue=self.catalogue, note=note)

    # -- history and views ---------------------------------------------------

    def action_undo(self) -> None:
        if not self.history.can_undo:
            self.notify("Nothing to undo.")
            return
        from assess.tui import undo_redo

        undo_redo.step(self, self.history.undo(), "Undone")

    def action_redo(self) -> None:
        if not self.history.can_redo:
            self.notify("Nothing to redo.")
            return
        from assess.tui import undo_redo

        undo_redo.step(self, self.history.redo(), "Redone")

    def action_scenario(self, name: str) -> None:
        """Show a view by name: the baseline's name or a scenario id."""
        self._show(self.case, None if name == self.case.baseline else name)

    def action_next_scenario(self) -> None:
        views: list[str | None] = [None, *self.case.scenarios]
        now = views.index(self.scenario)
        self._show(self.case, views[(now + 1) % len(views)])

    # -- screens -------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While a case opens, only quitting: help would be covered by the main screen."""
        return self.opening is None or action == "quit"

    def action_help(self) -> None:
        from assess.tui.keys import help_rows
        from assess.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(help_rows(self)))

    def action_compare(self) -> None:
        """Several cases open: the same view of each; one: its views (2019 → 2025)."""
        if not self.on_main_screen():
            return
        if len(self.cases) < 2 and not self.case.scenarios:
            self.notify("This case has one view: open two or more cases to compare (assess open A B)")
            return
        from assess.tui.screens.compare import CompareScreen

        cases = [replace(self.loaded, case=self.case), *self.cases[1:]]
        self.push_screen(CompareScreen(cases, self.scenario if len(cases) > 1 else None))

    def action_robustness(self) -> None:
        if not self.on_main_screen() or self.state is None:
            return
        from assess.tui.screens.robustness import RobustnessScreen

        try:
            screen = RobustnessScreen(self.state.view)
        except ValueError as err:  # every option vetoed: nothing to analyse
            self.notify(str(err), severity="warning")
            return
        self.push_screen(screen)

    def action_team(self) -> None:
        if not self.on_main_screen():
            return
        if not self.case.assessors:
            self.notify("This case has one assessor; 'assess merge' builds a team case")
            return
        from assess.tui.screens.team import TeamScreen

        self.push_screen(TeamScreen(replace(self.loaded, case=self.case)))

    def action_portfolio(self) -> None:
        if not self.on_main_screen() or self.state is None:
            return
        from assess.tui.screens.portfolio import PortfolioScreen

        try:
            screen = PortfolioScreen(self.state.view)
        except ValueError as err:  # no budget, or rules that cannot hold
            self.notify(str(err), title="No portfolio", severity="warning")
            return
        self.push_screen(screen)

    def action_elicit(self) -> None:
        if not self.on_main_screen() or self.state is None:
            return
        from assess.tui.screens.elicit import ElicitScreen

        self.push_screen(ElicitScreen(self.state))

    # -- files ---------------------------------------------------------------

    @work(exclusive=True, group="save")
    async def action_save(self) -> None:
        from assess.tui import saving

        await saving.save(self)

    @work(exclusive=True, group="quit")
    async def action_quit(self) -> None:  # type: ignore[override]  # every quit asks first
        from assess.tui import saving

        if self.opening is not None:  # nothing to lose yet
            self.exit(0)
            return

        if await saving.may_quit(self):
            self.exit(0)

    def write_recovery(self) -> Path | None:
        """Write the unsaved case to a recovery file (`io.recovery`) once; its
        path, or None if nothing is unsaved or it could not be written (the
        note in `recovered` says why). For any ending that would lose edits."""
        if self.recovered is None and self.dirty:
            from assess.tui import saving

            self.recovered = saving.recover(self)
        return self.recovered[0] if self.recovered else None

    def _handle_exception(self, error: Exception) -> None:
        """Textual's handler of every unhandled error, which always ends the app:
        the unsaved edits go to a recovery file first."""
        try:
            self.write_recovery()
        finally:
            super()._handle_exception(error)

    def saved(self, loaded: LoadedCase) -> None:
        """The case was written: it is what the file holds now."""
        view = self._view_of(self.case, self.scenario, loaded)  # changes now counted from this file
        self._commit(replace(self.current, cases=self.current.with_loaded(loaded), view=view))

    def reloaded(self, fresh: LoadedCase) -> None:
        """The file was read again; the case before stays in the undo history."""
        scenario = self.scenario if self.scenario in fresh.case.scenarios else None
        view = self._view_of(fresh.case, scenario, fresh)
        history = self.history.push(fresh.case)
        self._commit(replace(self.current, cases=self.current.with_loaded(fresh), history=history, view=view))


def run_app(paths: list[str]) -> int:
    """Load the cases (`assess.tui.opening`: bad input raises InputError before
    the UI starts), then run the UI, which scores and shows them after its first frame."""
    app = AssessApp(opening(paths))
    app.run()
    if app.recovered:  # after Textual printed the error
        print(f"assess: the UI was stopped by {app.stopped_by}. {app.recovered[1]}", file=sys.stderr)
    return app.return_code or 0
