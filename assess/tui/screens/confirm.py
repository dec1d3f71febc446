"""A yes/no question."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from assess.tui.present import safe


class Confirm(ModalScreen[bool]):
    BINDINGS = [Binding("escape", "answer(False)", "Cancel", id="confirm.cancel", tooltip="Cancel")]

    def __init__(self, title: str, question: str, yes: str) -> None:
        super().__init__()
        self.title_text, self.question, self.yes = title, question, yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(safe(self.title_text)), classes="dialog-title")
            yield Static(Text(safe(self.question, multiline=True)))
            with Horizontal(classes="buttons"):
                yield Button(self.yes, variant="primary", id="yes")
                yield Button("Cancel", id="no")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_answer(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
