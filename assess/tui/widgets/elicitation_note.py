"""How the weights of the view were elicited: the method and the planner's note."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import var
from textual.widgets import Static

from assess.core.edit import weights_owner
from assess.render.explain import ILLUSTRATIVE
from assess.render.labels import method_label
from assess.tui.present import safe
from assess.tui.state import ViewState

MARK = "bold #d0a040"
"""Illustrative weights stand out: an example must not pass for a team's elicitation."""


def elicitation_text(state: ViewState) -> Text:
    spec = state.view.weight_spec
    if spec is None:
        text = Text("Default weights of the criteria (no weights given in the case)", style="italic")
        return text.append(" · ").append(ILLUSTRATIVE, style=MARK)
    owner = weights_owner(state.case, state.scenario)
    whose = f"scenario {owner}" if owner else f"the baseline ({state.case.baseline})"
    text = Text()
    text.append(method_label(spec.method), style="bold")
    text.append(f", weights of {whose}", style="dim")
    if spec.illustrative:
        text.append(" · ").append(ILLUSTRATIVE, style=MARK)
    if spec.elicitation:
        text.append(f"\n{safe(spec.elicitation.strip(), multiline=True)}")
    return text


class ElicitationNote(Static):
    state: var[ViewState | None] = var(None)
    _shown: Text | None = None

    def watch_state(self, state: ViewState | None) -> None:
        if state is not None and (text := elicitation_text(state)) != self._shown:
            self._shown = text
            self.update(text)
