"""The status line under the title bar: whether the case has unsaved changes
("● modified", always first, so it shows at any width), the view shown, then
on narrow terminals the top of the ranking (it is on another tab there),
on wide ones what is unsaved."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import var
from textual.widgets import Static

from assess.edit import changes
from assess.tui.present import clip, move_text, safe
from assess.tui.state import ViewState

MODIFIED = "● modified"
MODIFIED_STYLE = "bold #14181e on #e0a030"


def _ranking(state: ViewState, names: int) -> Text:
    text = Text()
    for k, r in enumerate(r for r in state.result.ranking if not r.excluded):
        if k:
            text.append(" · ", style="dim")
        text.append(f"{r.rank} ", style="bold")
        text.append(clip(r.name, names))
        move = move_text(state.moves.get(r.option))
        if move:
            text.append(" ").append_text(move)
    return text


def _unsaved(state: ViewState) -> Text:
    if not state.modified or state.saved is None:
        return Text("no unsaved changes", style="dim")
    n = len(changes(state.saved, state.case))
    what = f"{n} change{'s' if n != 1 else ''}" if n else "changes"
    return Text(f"{what} since the file was opened or saved: ctrl+s saves, ctrl+z undoes", style="dim")


def strip_text(state: ViewState, names: int = 16, ranking: bool = True) -> Text:
    text = Text()
    if state.modified:
        text.append(f" {MODIFIED} ", style=MODIFIED_STYLE)
        text.append(" ")
    text.append(f" {safe(state.view.label)} ", style="bold reverse")
    text.append(" ")
    return text.append_text(_ranking(state, names) if ranking else _unsaved(state))


class RankStrip(Static):
    """`ranking`: show the top of the ranking after the view (narrow screens)."""

    state: var[ViewState | None] = var(None)

    def __init__(self, ranking: bool = True, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.ranking = ranking

    def watch_state(self, state: ViewState | None) -> None:
        if state is not None:
            self.update(strip_text(state, ranking=self.ranking), layout=False)
