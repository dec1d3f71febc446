"""Asked when quitting with unsaved changes: save, discard or cancel."""

from __future__ import annotations

from typing import Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from assess.tui.present import safe

QuitChoice = Literal["save", "discard", "cancel"]


class QuitConfirm(ModalScreen[QuitChoice]):
    BINDINGS = [Binding("escape", "choose('cancel')", "Cancel", id="quit.cancel", tooltip="Cancel")]

    def __init__(self, file_name: str) -> None:
        super().__init__()
        self.file_name = file_name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Unsaved changes", classes="dialog-title")
            yield Static(Text(f"{safe(self.file_name)} has changes that are not saved."))
            with Horizontal(classes="buttons"):
                yield Button("Save and quit", variant="primary", id="save")
                yield Button("Discard and quit", variant="error", id="discard")
                yield Button("Cancel", id="cancel")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_choose(event.button.id or "cancel")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)  # type: ignore[arg-type]
