"""The ranking: rank, option, total, a bar and how far each option moved
since the file was opened or last saved (places, and the change of total).

The bar is the total as one colour, or (`stacked`, on narrow screens where
the contributions chart has no room of its own) the stacked bar of the
criteria's contributions."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import var

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
    rows: list[list[Text | str]] = []
    for r in state.result.ranking:
        if r.excluded or r.score is None:
            continue
        rows.append(
            [
                plain(str(r.rank), "bold"),
                clip(r.name, name_width),
                plain(fmt.fixed(r.score)),
                stacked[r.option] if stacked else bar(round(r.score, 3), bar_width),
                change_text(state.moves.get(r.option), state.gains.get(r.option)),
            ]
        )
    return rows


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
