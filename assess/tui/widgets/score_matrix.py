"""The score matrix: options x criteria, criteria grouped by family.

Edits are not made here: the matrix posts a message (`ScoreChanged`, ...)
and the App replaces the case. When the new state has the same options and
criteria, only the cells whose score changed are rewritten. A score set on
a team's aggregate cell becomes an agreed value: the matrix then asks for
its rationale (the aggregate's generated one does not say why the team agrees).
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import var

from assess.core import edit
from assess.core.edit import SCORE_STEP
from assess.model import Score
from assess.render import fmt
from assess.tui.present import column_label, score_cell
from assess.tui.state import ViewState
from assess.tui.widgets.grid import Grid, GridColumn

OPTION_COLUMN = "option"


class ScoreMatrix(Grid):
    """Options (rows, in file order) by criteria (columns, drivers first)."""

    BINDINGS = [
        Binding(
            "plus,equals_sign",
            "step(1)",
            "Raise",
            id="score.up",
            tooltip=f"Raise the score by {fmt.scale(SCORE_STEP)}",
        ),
        Binding(
            "minus,underscore",
            "step(-1)",
            "Lower",
            id="score.down",
            tooltip=f"Lower the score by {fmt.scale(SCORE_STEP)}",
        ),
        Binding("enter", "type_value", "Type", id="score.type", tooltip="Type a score"),
        Binding(
            "r",
            "edit_rationale",
            "Rationale",
            id="score.rationale",
            tooltip="Edit the score's rationale",
        ),
        Binding(
            "x",
            "toggle_criterion",
            "Off",
            id="criterion.toggle",
            show=False,  # the narrow footer has no room; in help and the palette
            tooltip="Switch the column's criterion off",
        ),
    ]

    class ScoreChanged(Message):
        """The planner set a cell's score (not yet checked against the scale)."""

        def __init__(self, option: str, criterion: str, value: float) -> None:
            super().__init__()
            self.option, self.criterion, self.value = option, criterion, value

    class RationaleChanged(Message):
        def __init__(self, option: str, criterion: str, text: str) -> None:
            super().__init__()
            self.option, self.criterion, self.text = option, criterion, text

    class CriterionToggled(Message):
        def __init__(self, criterion: str) -> None:
            super().__init__()
            self.criterion = criterion

    state: var[ViewState | None] = var(None)

    def __init__(self, start: tuple[str, str | None] | None = None, **kwargs: object) -> None:
        """`start`: the (option, criterion) to put the cursor on at first."""
        super().__init__(cursor="cell", header_height=3, fixed_columns=1, **kwargs)
        self._start = start
        self._shape: tuple[tuple[str, ...], tuple[object, ...]] | None = None
        self._shown: dict[tuple[str, str], tuple[Score, bool]] = {}
        self._sources: dict[str, tuple[object, object]] = {}

    # -- showing -------------------------------------------------------------

    def watch_state(self, state: ViewState | None) -> None:
        if state is None:
            return
        shape = (tuple(o.id for o in state.view.options), state.view.criteria)
        if shape != self._shape:
            self._rebuild(state)
            self._shape = shape
        else:
            self._update_cells(state)

    def _cell(self, state: ViewState, i: int, j: int) -> tuple[Text, Score, bool]:
        option, criterion = state.view.options[i], state.view.criteria[j]
        score = state.view.cells[option.id][criterion.id]
        overlay = state.in_overlay(option.id, criterion.id)
        value = float(state.view.values[i, j])
        low, high = score.range  # a veto may apply to the unfavourable end of the range
        vetoed = criterion.vetoes(criterion.veto_point(low, score.value, high))
        basis = state.basis(option.id, criterion.id)
        return score_cell(score, value, vetoed, overlay, basis), score, overlay

    def _rebuild(self, state: ViewState) -> None:
        keep = self.current() if self._shape is not None else (self._start or (None, None))
        columns = [GridColumn(OPTION_COLUMN, Text("\n\nOption", style="bold"))]
        family = None
        for criterion in state.view.criteria:
            columns.append(GridColumn(criterion.id, column_label(criterion, criterion.family != family)))
            family = criterion.family
        self.set_columns(columns)
        self._shown = {}
        self._sources = {o.id: self._row_sources(state, o.id) for o in state.view.options}
        rows = []
        for i, option in enumerate(state.view.options):
            row: list[Text | str] = [option.name]
            for j, criterion in enumerate(state.view.criteria):
                text, score, overlay = self._cell(state, i, j)
                self._shown[option.id, criterion.id] = (score, overlay)
                row.append(text)
            rows.append(row)
        self.show_rows(rows)
        self._restore(keep)

    def _row_sources(self, state: ViewState, option: str) -> tuple[object, object]:
        """The score rows a matrix row is made of; an edit replaces only the rows it touches."""
        overlay = state.case.scenarios[state.scenario].scores.get(option) if state.scenario else None
        return state.case.scores.get(option), overlay

    def _update_cells(self, state: ViewState) -> None:
        for i, option in enumerate(state.view.options):
            sources = self._row_sources(state, option.id)
            if all(a is b for a, b in zip(sources, self._sources.get(option.id, ()), strict=False)):
                continue
            self._sources[option.id] = sources
            cells = state.view.cells[option.id]
            for j, criterion in enumerate(state.view.criteria):
                shown = self._shown[option.id, criterion.id]
                overlay = state.in_overlay(option.id, criterion.id)
                if cells[criterion.id] is shown[0] and overlay == shown[1]:
                    continue
                text, score, overlay = self._cell(state, i, j)
                self._shown[option.id, criterion.id] = (score, overlay)
                self.update_cell(i, j + 1, text)

    def go_to(self, option: str, criterion: str) -> None:
        """Put the cursor on a cell (if the view has it)."""
        if self.state is not None and criterion in [c.key for c in self.columns]:
            self._restore((option, criterion))

    def _restore(self, keep: tuple[str | None, str | None]) -> None:
        option, criterion = keep
        options = self.state.view.option_index if self.state else {}
        keys = [c.key for c in self.columns]
        row = options.get(option, 0) if option is not None else 0
        column = keys.index(criterion) if criterion in keys else min(1, len(keys) - 1)
        self.move_cursor(row, column)
        self._cursor_moved()

    def current(self) -> tuple[str | None, str | None]:
        """(option id, criterion id) under the cursor; criterion None on the option column."""
        if self.state is None or not self.rows or not self.columns:
            return None, None
        options = self.state.view.options
        if self._shape is None or self.cursor_row >= len(options):
            return None, None
        column = self.columns[min(self.cursor_column, len(self.columns) - 1)].key
        return options[self.cursor_row].id, None if column == OPTION_COLUMN else column

    # -- actions: each posts a message for the App ---------------------------

    def _target(self) -> tuple[str, str, Score] | None:
        option, criterion = self.current()
        if self.state is None or option is None or criterion is None:
            self.notify("Move to a score first.", severity="warning", markup=False)
            return None
        cell = self.state.cell(option, criterion)
        return (option, criterion, cell) if cell is not None else None

    def _set(self, option: str, criterion: str, value: float) -> None:
        """Post the new score; on a team's aggregate cell, then ask why the team agrees."""
        assert self.state is not None
        state = self.state
        agreed = state.criterion(criterion).scale.contains(value) and edit.starts_agreed(
            state.case, state.scenario, option, criterion
        )
        self.post_message(self.ScoreChanged(option, criterion, value))
        if agreed:
            cell = state.cell(option, criterion)
            basis = f" ({cell.rationale})" if cell is not None and cell.rationale else ""
            note = (
                f"The team's score of this cell was the assessors' aggregate{basis}; {fmt.scale(value)} "
                "is now the team's agreed value, with the aggregate's range. Say why the team agrees on it."
            )
            self._ask_rationale(option, criterion, "", note)

    def action_step(self, direction: int) -> None:
        if target := self._target():
            option, criterion, cell = target
            self._set(option, criterion, cell.value + direction * SCORE_STEP)

    def action_type_value(self) -> None:
        from assess.tui.screens.value_prompt import ValuePrompt  # dialogs load when first used

        if not (target := self._target()) or self.state is None:
            return
        option, criterion, cell = target
        scale = self.state.criterion(criterion).scale
        title = f"Score of {self._option_name(option)} on {self.state.criterion(criterion).name}"
        prompt = ValuePrompt(title, cell.value, scale.min, scale.max)

        def done(value: float | None) -> None:
            if value is not None:
                self._set(option, criterion, value)

        self.app.push_screen(prompt, done)

    def action_edit_rationale(self) -> None:
        if not (target := self._target()) or self.state is None:
            return
        option, criterion, cell = target
        if edit.starts_agreed(self.state.case, self.state.scenario, option, criterion):
            self.notify(
                "This score is the assessors' aggregate: set the team's agreed score first "
                "(+, - or enter), then say why.",
                severity="warning",
                markup=False,
            )
            return
        self._ask_rationale(option, criterion, cell.rationale or "")

    def _ask_rationale(self, option: str, criterion: str, text: str, note: str = "") -> None:
        from assess.tui.screens.rationale_editor import RationaleEditor

        assert self.state is not None
        title = f"Rationale: {self._option_name(option)} on {self.state.criterion(criterion).name}"

        def done(text: str | None) -> None:
            if text is not None:
                self.post_message(self.RationaleChanged(option, criterion, text))

        self.app.push_screen(RationaleEditor(title, text, note), done)

    def action_toggle_criterion(self) -> None:
        _, criterion = self.current()
        if criterion is not None:
            self.post_message(self.CriterionToggled(criterion))

    def _option_name(self, option: str) -> str:
        assert self.state is not None
        return next(o.name for o in self.state.view.options if o.id == option)
