"""A modal to edit a score's rationale in a multi-line text area. It opens
with the cursor at the end of the text (to add to it); ctrl+home and
ctrl+end go to the start and the end."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static, TextArea

from assess.tui.present import safe, shown


class RationaleEditor(ModalScreen[str | None]):
    """Returns the new text (blank removes the rationale), or None when cancelled.
    `note`, if given, says under the title why the rationale is asked for."""

    BINDINGS = [
        Binding("ctrl+s", "keep", "Keep", id="rationale.keep", priority=True, tooltip="Keep the text"),
        Binding("escape", "cancel", "Cancel", id="rationale.cancel", tooltip="Cancel the edit"),
        Binding(
            "ctrl+home", "to_start", "Start", id="rationale.start", show=False, tooltip="Go to the start"
        ),
        Binding("ctrl+end", "to_end", "End", id="rationale.end", show=False, tooltip="Go to the end"),
    ]

    def __init__(self, title: str, text: str, note: str = "") -> None:
        super().__init__()
        self.title_text, self.text, self.note = title, text, note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(Text(safe(self.title_text)), classes="dialog-title")
            if self.note:
                yield Static(shown(self.note, multiline=True), classes="note")
            yield TextArea(safe(self.text, multiline=True), id="rationale", soft_wrap=True)
            yield Static(
                "ctrl+s keeps the text, Esc cancels; a blank text removes the rationale.", classes="hint"
            )
            with Horizontal(classes="buttons"):
                yield Button("Keep", variant="primary", id="keep")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.action_to_end()

    def _area(self) -> TextArea:
        return self.query_one("#rationale", TextArea)

    def action_to_start(self) -> None:
        self._area().move_cursor((0, 0))

    def action_to_end(self) -> None:
        area = self._area()
        area.move_cursor(area.document.end)

    @on(Button.Pressed, "#keep")
    def action_keep(self) -> None:
        self.dismiss(self._area().text)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
