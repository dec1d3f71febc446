"""Text from a case file is text: what makes it safe to print, to put in a
spreadsheet cell, and to wrap to the terminal's width.

`printable` (the one of every layer, defined in `assess.errors`, the lowest)
is applied to everything the commands print (`assess.cli.common.emit`), to
the reports and, through `assess.tui.present.safe`, to the TUI: a name
holding ESC, a C1 control or a bidi override could otherwise clear the
screen, retitle the terminal, write to the clipboard (OSC 52) or reorder
what a reader sees. JSON needs no such pass: its writer
escapes every control character (`assess.render.jsonout`).

`csv_cell` neutralises spreadsheet formulas as OWASP recommends ("CSV
Injection"): a text cell that starts with `=`, `+`, `-` or `@` (after any
leading spaces) gets a leading apostrophe, which spreadsheets show as text.
Only text cells pass through it, so a negative number stays a number.
"""

from __future__ import annotations

import textwrap

from assess.errors import printable

__all__ = ["csv_cell", "one_line", "printable", "terminal_width", "wrap"]

FORMULA_START = ("=", "+", "-", "@")
DEFAULT_WIDTH = 80
"""Columns when the terminal's width is unknown (output piped, no COLUMNS)."""
MIN_WIDTH = 40


def one_line(text: str) -> str:
    """`printable(text)` on one line, runs of white space folded."""
    return " ".join(printable(text).split())


def csv_cell(text: str) -> str:
    """A text cell for CSV: printable, and never read as a formula."""
    text = printable(text)
    return "'" + text if text.lstrip(" ").startswith(FORMULA_START) else text


def terminal_width() -> int:
    """The width to fit text output to: `COLUMNS`, else the terminal's, else 80."""
    import shutil  # only the commands that print tables need it

    return max(MIN_WIDTH, shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns)


def wrap(text: str, width: int, indent: str = "", subsequent: str | None = None) -> list[str]:
    """`text` folded to `width` columns, every line indented (the first by
    `indent`, the others by `subsequent`, default the same)."""
    later = indent if subsequent is None else subsequent
    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=later) or [indent.rstrip()]
