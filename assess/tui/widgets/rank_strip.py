"""One line with the top of the ranking, for narrow terminals where the
ranking is on another tab: edits elsewhere still show the ranking move."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import var
from textual.widgets import Static

from assess.tui.present import move_text
from assess.tui.state import ViewState


def strip_text(state: ViewState, names: int = 16) -> Text:
    text = Text()
    text.append(state.view.label, style="bold reverse")
    text.append(" ")
    for k, r in enumerate(r for r in state.result.ranking if not r.excluded):
        if k:
            text.append(" · ", style="dim")
        name = r.name if len(r.name) <= names else r.name[: names - 1] + "…"
        text.append(f"{r.rank} ", style="bold")
        text.append(name)
        move = move_text(state.moves.get(r.option))
        if move:
            text.append(" ").append_text(move)
    return text


class RankStrip(Static):
    state: var[ViewState | None] = var(None)

    def watch_state(self, state: ViewState | None) -> None:
        if state is not None:
            self.update(strip_text(state), layout=False)
