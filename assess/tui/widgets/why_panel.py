"""Why the ranking is what it is: each option's total as a stacked bar of
its criteria's contributions (weight x value), with family subtotals and a
legend of the colours.

Criteria go by their names everywhere (shortened to fit); their colours are
their family's shades, fixed per criterion for the whole case (`ViewState.
colours`), so a criterion keeps its colour in every view and when another is
switched off; a run wide enough shows the criterion's name on the bar.
"""

from __future__ import annotations

from rich.columns import Columns
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import var
from textual.widgets import Static

from assess.model import FAMILIES
from assess.model.families import DEFAULT_FAMILY, family_ids
from assess.render.fmt import fixed
from assess.render.rows import family_subtotals
from assess.tui.present import family_colour, plain, short_names, stacked_bar
from assess.tui.state import ViewState
from assess.tui.widgets.grid import Grid, GridColumn

LEGEND_NAME, WIDE_LEGEND_NAME = 15, 11
"""Characters of a criterion's name in the legend (narrow: under the ranking; wide: beside it)."""


def subtotal_families() -> list[str]:
    """The families with a subtotal column: every one but the catch-all "other"."""
    return [f for f in family_ids() if f != DEFAULT_FAMILY]


def contribution_bars(
    state: ViewState, width: int, bars: dict[str, tuple[bytes, Text]] | None = None
) -> dict[str, Text]:
    """Each option's stacked bar of contributions. `bars` keeps each option's
    last bar, rebuilt only when its contributions or colours change."""
    view, contributions = state.view, state.result.contributions
    assert contributions is not None
    colours = [state.colours.get(c.id, family_colour(c.family)) for c in view.criteria]
    labels = [c.name for c in view.criteria]
    bars = {} if bars is None else bars
    for i, option in enumerate(view.options):
        key = contributions[i].tobytes() + bytes(str(colours), "utf-8")
        if option.id not in bars or bars[option.id][0] != key:
            bars[option.id] = (key, stacked_bar(contributions[i].tolist(), colours, width, labels))
    return {o: b for o, (_, b) in bars.items()}


def why_rows(
    state: ViewState, bar_width: int, bars: dict[str, tuple[bytes, Text]] | None = None
) -> list[list[Text | str]]:
    """Options in ranking order (excluded last; their rank is ✕), each with
    its stacked bar and family subtotals."""
    view, result = state.view, state.result
    contributions = result.contributions
    assert contributions is not None
    index, columns = view.option_index, subtotal_families()
    present, subtotals = family_subtotals([c.family for c in view.criteria], contributions.tolist())
    drawn = contribution_bars(state, bar_width, bars)
    rows: list[list[Text | str]] = []
    for r in result.ranking:
        i = index[r.option]
        row: list[Text | str] = [plain("✕" if r.excluded else str(r.rank), "dim" if r.excluded else "bold")]
        row.append(drawn[r.option])
        for family in columns:
            if family in present:
                row.append(plain(fixed(subtotals[i][present.index(family)]), family_colour(family)))
            else:
                row.append(plain("—", "dim"))
        rows.append(row)
    return rows


def legend_entries(state: ViewState, name_width: int = LEGEND_NAME) -> list[Text]:
    """Each criterion of the view, family by family: a swatch of its colour and its name."""
    criteria = state.view.criteria
    names = short_names(criteria, name_width)
    entries = []
    for c in criteria:
        entry = Text("██", style=state.colours.get(c.id, family_colour(c.family)))
        entries.append(entry.append(f" {names[c.id]}", style=family_colour(c.family)))
    return entries


def legend(state: ViewState, name_width: int = LEGEND_NAME) -> Columns:
    """The legend in as many columns as the width takes (an entry never breaks);
    the names are in their family's colour, as in the score matrix's headers."""
    return Columns(legend_entries(state, name_width), padding=(0, 1))


class Legend(Static):
    """The colours of the contributions bars, rebuilt only when the view's criteria change."""

    state: var[ViewState | None] = var(None)

    def __init__(self, name_width: int = LEGEND_NAME, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.name_width = name_width
        self._for: tuple[object, ...] | None = None

    def watch_state(self, state: ViewState | None) -> None:
        if state is None:
            return
        key = (state.view.criteria, state.colours)
        if key != self._for:
            self._for = key
            self.update(legend(state, self.name_width))


class WhyPanel(Vertical):
    """The contributions chart and its legend."""

    state: var[ViewState | None] = var(None)

    def __init__(self, bar_width: int = 30, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.bar_width = bar_width
        self._bars: dict[str, tuple[bytes, Text]] = {}

    def compose(self) -> ComposeResult:
        table = Grid(cursor="none", id="why-table")
        columns = [
            GridColumn("option", "#", justify="right"),
            GridColumn("bar", "contributions (weight × value)", width=self.bar_width),
        ]
        for family in subtotal_families():
            label = Text(FAMILIES[family].short, style=family_colour(family))
            columns.append(GridColumn(family, label, justify="right"))
        table.set_columns(columns)
        yield table
        yield Legend(WIDE_LEGEND_NAME, id="why-legend").data_bind(WhyPanel.state)

    def watch_state(self, state: ViewState | None) -> None:
        if state is None or not self.is_mounted:
            return
        self.query_one("#why-table", Grid).show_rows(why_rows(state, self.bar_width, self._bars))

    def on_mount(self) -> None:
        self.watch_state(self.state)
        tip = ", ".join(f"{FAMILIES[f].short} = {FAMILIES[f].label}" for f in subtotal_families())
        self.query_one("#why-table", Grid).tooltip = f"Subtotals by family: {tip}"
