"""Text from a case file is text: what makes it safe to print, to put in a
spreadsheet cell, and to wrap to the terminal's width.

`printable` is applied to everything the commands print (`assess.cli.common.emit`)
and to the reports: a name holding ESC, a C1 control or a bidi override could
otherwise clear the screen, retitle the terminal, write to the clipboard
(OSC 52) or reorder what a reader sees. JSON needs no such pass: its writer
escapes every control character (`assess.render.jsonout`).

`csv_cell` neutralises spreadsheet formulas as OWASP recommends ("CSV
Injection"): a text cell that starts with `=`, `+`, `-` or `@` (after any
leading spaces) gets a leading apostrophe, which spreadsheets show as text.
Only text cells pass through it, so a negative number stays a number.
"""

from __future__ import annotations

import re
import textwrap

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""C0 controls but line feed and tab, DEL, C1 controls, bidi embeddings,
overrides and isolates."""
FORMULA_START = ("=", "+", "-", "@")
DEFAULT_WIDTH = 80
"""Columns when the terminal's width is unknown (output piped, no COLUMNS)."""
MIN_WIDTH = 40


def printable(text: str) -> str:
    """`text` without control characters: line feeds kept, a tab becomes a
    space, everything else (ESC, CR, BEL, C1, bidi controls) is dropped."""
    return _CONTROL.sub("", text.replace("\t", " "))


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
