"""The ranking: rank, option, total, a bar and how far each option moved."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import var

from assess.tui.present import bar, clip, move_text, plain
from assess.tui.state import ViewState
from assess.tui.widgets.grid import Grid, GridColumn


def ranking_rows(state: ViewState, bar_width: int, name_width: int = 32) -> list[list[Text | str]]:
    """One row per ranked option, best first (excluded options are not here)."""
    rows: list[list[Text | str]] = []
    for r in state.result.ranking:
        if r.excluded or r.score is None:
            continue
        rows.append(
            [
                plain(str(r.rank), "bold"),
                clip(r.name, name_width),
                plain(f"{r.score:.3f}"),
                bar(round(r.score, 3), bar_width),
                move_text(state.moves.get(r.option)),
            ]
        )
    return rows


class RankingTable(Grid):
    """Ranked options; only rows whose content changed are redrawn."""

    state: var[ViewState | None] = var(None)

    def __init__(self, bar_width: int = 10, name_width: int = 32, **kwargs: object) -> None:
        super().__init__(cursor="row", **kwargs)  # type: ignore[arg-type]
        self.bar_width, self.name_width = bar_width, name_width
        self.set_columns(
            [
                GridColumn("rank", "#", justify="right"),
                GridColumn("option", "Option"),
                GridColumn("total", "Total", justify="right"),
                GridColumn("bar", "", width=bar_width),
                GridColumn("move", "Δ", width=2),
            ]
        )

    def watch_state(self, state: ViewState | None) -> None:
        if state is not None:
            self.show_rows(ranking_rows(state, self.bar_width, self.name_width))
