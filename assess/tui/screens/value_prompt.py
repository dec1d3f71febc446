"""A modal that asks for one number (a score or a weight) and refuses values
off its range with a message, staying open until fixed or cancelled."""

from __future__ import annotations

import math

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from assess.render import fmt
from assess.tui.present import safe


def parse_value(raw: str, low: float, high: float | None) -> float | str:
    """The number typed, or why it is refused."""
    try:
        value = float(raw.strip().replace(",", "."))
    except ValueError:
        return f"'{safe(raw.strip())}' is not a number"
    if not math.isfinite(value):
        return "give a finite number"
    if value < low or (high is not None and value > high):
        top = "" if high is None else fmt.scale(high)
        return f"{fmt.scale(value)} is off the scale {fmt.scale(low)}..{top}"
    return value


class ValuePrompt(ModalScreen[float | None]):
    """Returns the number typed, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel", tooltip="Cancel")]

    def __init__(self, title: str, value: float, low: float, high: float | None, note: str = "") -> None:
        super().__init__()
        self.title_text, self.value, self.low, self.high = title, value, low, high
        self.note = note
        """A line under the title (wrapped): what else bounds the value."""

    def compose(self) -> ComposeResult:
        scale = (
            f"{fmt.scale(self.low)}..{fmt.scale(self.high)}"
            if self.high is not None
            else f"≥ {fmt.scale(self.low)}"
        )
        with Vertical(classes="dialog"):
            yield Label(Text(safe(self.title_text)), classes="dialog-title")
            if self.note:
                yield Static(Text(safe(self.note)), id="note")
            yield Static(
                f"Now {fmt.scale(self.value)}; type a value on {scale}, Enter to set, Esc to cancel."
            )
            yield Input(fmt.scale(self.value), id="value", select_on_focus=True)
            yield Static("", id="error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Set", variant="primary", id="ok")
                yield Button("Cancel", id="cancel")

    @on(Input.Submitted, "#value")
    @on(Button.Pressed, "#ok")
    def submit(self) -> None:
        result = parse_value(self.query_one("#value", Input).value, self.low, self.high)
        if isinstance(result, str):
            self.query_one("#error", Static).update(Text(f"Refused: {result}."))
        else:
            self.dismiss(result)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
