"""Options a veto excludes from the ranking, each with its reason."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import var
from textual.widgets import Static

from assess.render import fmt
from assess.render.explain import veto_sentences
from assess.tui.present import safe
from assess.tui.state import ViewState


def excluded_text(state: ViewState) -> Text:
    text = Text()
    for r in state.result.ranking:
        if r.excluded:
            text.append("✕ ", style="bold red")
            text.append(safe(r.name), style="bold")
            total = "—" if r.score is None else fmt.fixed(r.score)
            text.append(f" ({total}): " + safe("; ".join(veto_sentences(r.reasons))) + "\n", style="dim")
    text.rstrip()
    return text


class ExcludedList(Static):
    """Shown apart from the ranking, and only when some option is vetoed."""

    state: var[ViewState | None] = var(None)
    _shown: Text | None = None

    def watch_state(self, state: ViewState | None) -> None:
        if state is None:
            return
        text = excluded_text(state)
        if text != self._shown:
            self._shown = text
            self.display = bool(text.plain)
            self.update(text)
