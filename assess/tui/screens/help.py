"""The help screen (F1 or ?): every key, grouped by where it works."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from assess.core.edit import SCORE_STEP, WEIGHT_STEP
from assess.render import fmt

NOTES = (
    f"+ and − change a score by {fmt.scale(SCORE_STEP)} and a weight by {fmt.scale(WEIGHT_STEP)} point; "
    "enter types an exact value (values off the scale are refused). In a scenario, a score "
    "edit writes the scenario's own cell and a weight edit the weights of the view shown. "
    "Rank-order and AHP weights are converted to direct points, after asking, before the "
    'first change. "Δ saved" is each option\'s move in the ranking and change of total '
    'since the file was opened or last saved; "● modified" at the top left says that '
    "something is unsaved. Undo and redo say what they changed and show where."
)


def keys_table(sections: list[tuple[str, list[tuple[str, str]]]]) -> Group:
    """Each section's title, then its keys and what they do (key columns aligned)."""
    parts: list[Text | Table] = []
    for title, rows in sections:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold #7aa2f7", min_width=16, max_width=16)
        table.add_column()
        for keys, what in rows:
            table.add_row(Text(keys), Text(what))
        parts += [Text(title, style="bold underline"), table, Text("")]
    return Group(*parts[:-1])


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,question_mark,q", "close", "Close", id="help.close")]

    def __init__(self, sections: list[tuple[str, list[tuple[str, str]]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog wide", id="help") as box:
            box.border_title = "Keys"
            box.border_subtitle = "Esc closes"
            yield Static(keys_table(self.sections))
            yield Static(NOTES, classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)
