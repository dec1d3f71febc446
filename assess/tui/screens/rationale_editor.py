"""A modal to edit a score's rationale in a multi-line text area."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static, TextArea


class RationaleEditor(ModalScreen[str | None]):
    """Returns the new text (blank removes the rationale), or None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "keep", "Keep", id="rationale.keep", priority=True),
        Binding("escape", "cancel", "Cancel", id="rationale.cancel"),
    ]

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        self.title_text, self.text = title, text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(self.title_text, classes="dialog-title")
            yield TextArea(self.text, id="rationale", soft_wrap=True)
            yield Static(
                "ctrl+s keeps the text, Esc cancels; a blank text removes the rationale.", classes="hint"
            )
            with Horizontal(classes="buttons"):
                yield Button("Keep", variant="primary", id="keep")
                yield Button("Cancel", id="cancel")

    @on(Button.Pressed, "#keep")
    def action_keep(self) -> None:
        self.dismiss(self.query_one("#rationale", TextArea).text)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
