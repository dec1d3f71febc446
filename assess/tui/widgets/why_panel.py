"""Why the ranking is what it is: each option's total as a stacked bar of
its criteria's contributions (weight x value), with family subtotals and a
legend of the colours."""

from __future__ import annotations

import numpy as np
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import var
from textual.widgets import Static

from assess.model import FAMILY_LABELS, Criterion
from assess.tui.present import (
    FAMILY_COLOUR,
    clip,
    plain,
    segment_colours,
    short_label,
    stacked_bar,
)
from assess.tui.state import ViewState
from assess.tui.widgets.grid import Grid, GridColumn

FAMILIES = ("driver", "constraint", "risk")
FAMILY_ABBREVIATION = {"driver": "Drv", "constraint": "5S", "risk": "Risk"}


def why_rows(
    state: ViewState, bar_width: int, name_width: int, bars: dict[str, tuple[bytes, Text]] | None = None
) -> list[list[Text | str]]:
    """Options in ranking order (excluded last), each with its stacked bar and
    subtotals; with `name_width` 0, only the rank stands for the option.
    `bars` keeps each option's last bar, rebuilt only when its contributions change."""
    view, result = state.view, state.result
    contributions = result.contributions
    assert contributions is not None
    colours = segment_colours(view.criteria)
    index = {o.id: i for i, o in enumerate(view.options)}
    families = [c.family for c in view.criteria]
    present = [f for f in FAMILIES if f in families]
    masks = np.array([[x == f for x in families] for f in present], dtype=float).reshape(len(present), -1)
    subtotals = contributions @ masks.T
    bars = {} if bars is None else bars
    rows: list[list[Text | str]] = []
    for r in result.ranking:
        i = index[r.option]
        parts = contributions[i]
        key = parts.tobytes() + bytes(str(colours), "utf-8")
        if r.option not in bars or bars[r.option][0] != key:
            bars[r.option] = (key, stacked_bar(parts.tolist(), colours, bar_width))
        label = clip(r.name, name_width) if name_width else ("✕" if r.excluded else str(r.rank))
        row: list[Text | str] = [plain(label, "dim" if r.excluded else "bold" if not name_width else "")]
        row.append(bars[r.option][1])
        for family in FAMILIES:
            if family in present:
                sub = float(subtotals[i, present.index(family)])
                row.append(plain(f"{sub:.2f}", FAMILY_COLOUR[family]))
            else:
                row.append(plain("—", "dim"))
        rows.append(row)
    return rows


def legend_labels(criteria: tuple[Criterion, ...]) -> list[str]:
    """Each criterion by the first line of its matrix header ('cost' for
    cost_sharing), or its whole id where that is shared ('market-potential')."""
    heads = [short_label(c)[0] for c in criteria]
    return [c.id.replace("_", "-") if heads.count(h) > 1 else h for c, h in zip(criteria, heads, strict=True)]


def legend_text(state: ViewState) -> Text:
    text = Text()
    criteria = state.view.criteria
    labels = legend_labels(criteria)
    for label, colour in zip(labels, segment_colours(criteria), strict=True):
        if text:
            text.append(" ")
        text.append("█", style=colour)
        text.append(label)
    return text


class WhyPanel(Vertical):
    """The contributions chart and its legend."""

    state: var[ViewState | None] = var(None)

    def __init__(self, bar_width: int = 30, name_width: int = 0, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.bar_width, self.name_width = bar_width, name_width
        self._bars: dict[str, tuple[bytes, Text]] = {}
        self._legend_for: tuple[Criterion, ...] | None = None

    def compose(self) -> ComposeResult:
        table = Grid(cursor="none", id="why-table")
        columns = [
            GridColumn("option", "Option" if self.name_width else "#"),
            GridColumn("bar", "criteria's contributions", width=self.bar_width),
        ]
        for family in FAMILIES:
            label = Text(FAMILY_ABBREVIATION[family], style=FAMILY_COLOUR[family])
            columns.append(GridColumn(family, label, justify="right"))
        table.set_columns(columns)
        yield table
        yield Static(id="why-legend")

    def watch_state(self, state: ViewState | None) -> None:
        if state is None or not self.is_mounted:
            return
        table = self.query_one("#why-table", Grid)
        table.show_rows(why_rows(state, self.bar_width, self.name_width, self._bars))
        if state.view.criteria != self._legend_for:
            self._legend_for = state.view.criteria
            self.query_one("#why-legend", Static).update(legend_text(state))

    def on_mount(self) -> None:
        self.watch_state(self.state)
        tip = ", ".join(f"{FAMILY_ABBREVIATION[f]} = {FAMILY_LABELS[f]}" for f in FAMILIES)
        self.query_one("#why-table", Grid).tooltip = f"Subtotals by family: {tip}"
