"""A modal that asks who is answering on the weights screen (once per session)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from assess.tui.present import safe


class WhoPrompt(ModalScreen[str | None]):
    """Returns the name typed (blank: the default), or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="who.cancel", tooltip="Cancel")]

    def __init__(self, now: str) -> None:
        super().__init__()
        self.now = now

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Who is answering?", classes="dialog-title")
            yield Static(
                Text("Written as 'by' on every answer of this session (b changes it). Enter keeps it.")
            )
            yield Input(safe(self.now), id="who", select_on_focus=True)

    @on(Input.Submitted, "#who")
    def submit(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
