"""A focusable list of one-line rows with a cursor, for the weights screen's modes.

Rows are Rich `Text` (text from a file goes through `shown`, never markup)
and start with a character, not a blank (pictures of the screen drop leading blanks);
the widget shows the window of rows around the cursor that fits its height,
so a list of 78 AHP pairs works on a 24-line terminal. Up / down move the
cursor; subclasses add their own keys and say what a row is.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

CURSOR_STYLE = "reverse"


class ElicitList(Widget, can_focus=True):
    """Rows with a cursor; `rows` is replaced whole, `cursor` is the row index."""

    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False, id="elicit.up", tooltip="Previous row"),
        Binding("down", "move(1)", "Down", show=False, id="elicit.down", tooltip="Next row"),
    ]

    DEFAULT_CSS = """
    ElicitList { height: 1fr; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    cursor: reactive[int] = reactive(0)

    class Moved(Message):
        """The cursor moved to another row."""

        def __init__(self, pane: ElicitList, row: int) -> None:
            super().__init__()
            self.pane, self.row = pane, row

    def __init__(self, *, header: Text | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        self.header = header
        self.rows: list[Text] = []

    def show_rows(self, rows: list[Text], header: Text | None = None) -> None:
        self.rows = rows
        if header is not None:
            self.header = header
        self.cursor = min(self.cursor, max(0, len(rows) - 1))
        self.refresh()

    def action_move(self, by: int) -> None:
        if self.rows:
            self.cursor = max(0, min(len(self.rows) - 1, self.cursor + by))

    def watch_cursor(self, old: int, new: int) -> None:
        if old != new:
            self.post_message(self.Moved(self, new))
        self.refresh()

    def render(self) -> Text:
        room = max(1, self.size.height - (1 if self.header is not None else 0))
        start = max(0, min(self.cursor - room // 2, len(self.rows) - room))
        lines = []
        if self.header is not None:
            head = self.header.copy()
            head.truncate(max(1, self.size.width), overflow="ellipsis")
            lines.append(head)
        for k, row in enumerate(self.rows[start : start + room], start):
            line = row.copy()
            line.truncate(max(1, self.size.width), overflow="ellipsis")
            if k == self.cursor and self.has_focus:
                line.stylize(CURSOR_STYLE)
            elif k == self.cursor:
                line.stylize("underline")
            lines.append(line)
        return Text("\n").join(lines)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
