"""The weights: each criterion's points (or rank), normalised share, on/off."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import var

from assess.core.edit import POINT_FIELDS, WEIGHT_STEP
from assess.model import Criterion
from assess.render import fmt
from assess.tui.present import bar, family_name, family_tag
from assess.tui.state import ViewState
from assess.tui.widgets.grid import Grid, GridColumn


def weight_input(state: ViewState, criterion: Criterion) -> str:
    """What the planner gave for this criterion: points, swing points or a rank."""
    spec = state.view.weight_spec
    if spec is None:
        return f"{fmt.scale(criterion.default_weight)} (default)"
    if spec.method in POINT_FIELDS:
        found = getattr(spec, POINT_FIELDS[spec.method]).get(criterion.id)
        return "—" if found is None else fmt.scale(found)
    for k, group in enumerate(spec.ranking or []):
        if criterion.id in group:
            return f"rank {k + 1}"
    return "statements" if spec.method == "statements" else "pairwise"


def editable_points(state: ViewState, criterion: str) -> float:
    """The number a weight edit starts from: the points, or for rank-order and
    AHP weights the share x 100 they would become as direct points."""
    spec = state.view.weight_spec
    if spec is not None and spec.method in POINT_FIELDS:
        return float(getattr(spec, POINT_FIELDS[spec.method]).get(criterion, 0.0))
    if spec is None:
        return state.criterion(criterion).default_weight
    j = state.view.criterion_index.get(criterion)
    return round(100 * float(state.view.shares[j]), 1) if j is not None else 0.0


def weight_rows(state: ViewState, bar_width: int, name_width: int = 48) -> list[list[Text | str]]:
    shares = dict(zip((c.id for c in state.view.criteria), state.view.shares, strict=True))
    rows: list[list[Text | str]] = []
    for criterion in state.listed:
        share = shares.get(criterion.id)
        off = share is None
        share = 0.0 if share is None else float(share)
        rows.append(
            [
                family_name(criterion, off, name_width),
                Text(family_tag(criterion.family), style="dim"),
                weight_input(state, criterion),
                Text("off" if off else fmt.percent(share), style="dim" if off else ""),
                bar(min(1.0, share * 4), bar_width),
            ]
        )
    return rows


class WeightsTable(Grid):
    """One row per criterion of the view, switched-off ones included (dimmed)."""

    BINDINGS = [
        Binding(
            "plus,equals_sign",
            "step(1)",
            "More",
            id="weight.up",
            tooltip=f"Raise the weight by {fmt.scale(WEIGHT_STEP)} point",
        ),
        Binding(
            "minus,underscore",
            "step(-1)",
            "Less",
            id="weight.down",
            tooltip=f"Lower the weight by {fmt.scale(WEIGHT_STEP)} point",
        ),
        Binding(
            "enter",
            "type_value",
            "Type",
            id="weight.type",
            tooltip="Type a weight (points)",
        ),
        Binding(
            "space,x",
            "toggle_criterion",
            "On/off",
            id="weight.toggle",
            tooltip="Switch the criterion on or off",
        ),
    ]

    class WeightChanged(Message):
        def __init__(self, criterion: str, points: float) -> None:
            super().__init__()
            self.criterion, self.points = criterion, points

    class CriterionToggled(Message):
        def __init__(self, criterion: str) -> None:
            super().__init__()
            self.criterion = criterion

    state: var[ViewState | None] = var(None)

    def __init__(self, bar_width: int = 16, name_width: int = 48, **kwargs: object) -> None:
        super().__init__(cursor="row", **kwargs)  # type: ignore[arg-type]
        self.bar_width, self.name_width = bar_width, name_width
        self.set_columns(
            [
                GridColumn("name", "Criterion"),
                GridColumn("family", "Family"),
                GridColumn("input", "Input", justify="right"),
                GridColumn("share", "Share", justify="right"),
                GridColumn("bar", Text("25% = full", style="dim"), width=bar_width),
            ]
        )

    def watch_state(self, state: ViewState | None) -> None:
        if state is not None:
            self.show_rows(weight_rows(state, self.bar_width, self.name_width))

    def current(self) -> str | None:
        """The id of the criterion under the cursor."""
        listed = self.state.listed if self.state else ()
        return listed[self.cursor_row].id if 0 <= self.cursor_row < len(listed) else None

    def go_to(self, criterion: str) -> None:
        """Put the cursor on a criterion's row (if the view lists it)."""
        ids = [c.id for c in self.state.listed] if self.state else []
        if criterion in ids:
            self.move_cursor(ids.index(criterion))

    def action_step(self, direction: int) -> None:
        if self.state and (criterion := self.current()):
            points = max(0.0, editable_points(self.state, criterion) + direction * WEIGHT_STEP)
            self.post_message(self.WeightChanged(criterion, points))

    def action_type_value(self) -> None:
        from assess.tui.screens.value_prompt import ValuePrompt  # dialogs load when first used

        if not (self.state and (criterion := self.current())):
            return
        title = f"Weight of {self.state.criterion(criterion).name} (points)"  # shown as text
        prompt = ValuePrompt(title, editable_points(self.state, criterion), 0.0, None)

        def done(value: float | None) -> None:
            if value is not None:
                self.post_message(self.WeightChanged(criterion, value))

        self.app.push_screen(prompt, done)

    def action_toggle_criterion(self) -> None:
        if criterion := self.current():
            self.post_message(self.CriterionToggled(criterion))
