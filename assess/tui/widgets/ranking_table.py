"""The ranking: rank, option, total, a bar and how far each option moved
since the file was opened or last saved (places, and the change of total).
The reference option (the status quo) is underlined as the line to beat, and
an option below it dimmed and struck through as worse than doing nothing.

The bar is the total as one colour, or (`stacked`, on narrow screens where
the contributions chart has no room of its own) the stacked bar of the
criteria's contributions."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import var

from assess.core.reference import reference_line
from assess.render import fmt
from assess.tui.present import bar, change_text, clip, plain
from assess.tui.state import ViewState
from assess.tui.widgets.grid import Grid, GridColumn
from assess.tui.widgets.why_panel import contribution_bars

CHANGE_HEADER = "Δ saved"
"""The change since the file was opened or last saved."""


def ranking_rows(
    state: ViewState,
    bar_width: int,
    name_width: int = 32,
    bars: dict[str, tuple[bytes, Text]] | None = None,
) -> list[list[Text | str]]:
    """One row per ranked option, best first (excluded options are not here).
    With `bars` (a cache), the bar is the stacked contributions."""
    stacked = contribution_bars(state, bar_width, bars) if bars is not None else {}
    line = reference_line(state.result)
    worse = set(line.worse) if line else set()
    rows: list[list[Text | str]] = []
    for r in state.result.ranking:
        if r.excluded or r.score is None:
            continue
        rows.append(
            [
                plain(str(r.rank), "bold"),
                _name(r.name, name_width, "ref" if line and r.option == line.option else r.option in worse),
                plain(fmt.fixed(r.score)),
                stacked[r.option] if stacked else bar(round(r.score, 3), bar_width),
                change_text(state.moves.get(r.option), state.gains.get(r.option)),
            ]
        )
    return rows


def _name(name: str, width: int, mark: str | bool) -> Text | str:
    """The option's name: the reference (the line to beat) underlined, an option below it
    (worse than doing nothing) dimmed and struck through (`assess.core.reference`).
    Styles only, so the names read the same as everywhere else."""
    if mark == "ref":
        return Text(clip(name, width), style="italic underline")
    if mark:
        return Text(clip(name, width), style="dim strike")
    return clip(name, width)


class RankingTable(Grid):
    """Ranked options; only rows whose content changed are redrawn."""

    state: var[ViewState | None] = var(None)

    def __init__(
        self, bar_width: int = 10, name_width: int = 32, stacked: bool = False, **kwargs: object
    ) -> None:
        super().__init__(cursor="row", **kwargs)  # type: ignore[arg-type]
        self.bar_width, self.name_width = bar_width, name_width
        self._bars: dict[str, tuple[bytes, Text]] | None = {} if stacked else None
        label = Text("criteria's contributions" if stacked else "", style="dim")
        self.set_columns(
            [
                GridColumn("rank", "#", justify="right"),
                GridColumn("option", "Option"),
                GridColumn("total", "Total", justify="right"),
                GridColumn("bar", label, width=bar_width, cursor=not stacked),
                GridColumn("move", CHANGE_HEADER, width=len("▲12 +0.123")),
            ]
        )

    def watch_state(self, state: ViewState | None) -> None:
        if state is not None:
            self.show_rows(ranking_rows(state, self.bar_width, self.name_width, self._bars))
