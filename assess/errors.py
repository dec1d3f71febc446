"""Problems found in a user's input, and the exception that carries them.

Every piece of bad input (a broken YAML file, a wrong value, an unknown id)
becomes one `Problem` naming file, line and column; a command collects all
problems of a file and exits with code 2. Nothing here prints.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]

CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
"""C0 and C1 control characters, DEL and lone surrogates: never text to show.
ESC starts terminal escapes (clear the screen, set the title, OSC 52 writes the
clipboard); a lone surrogate cannot be written as UTF-8 at all."""

LINE_BREAKS = "\t\n"
"""The controls that multi-line text (rationales, descriptions) may hold."""

BIDI = "\u202a-\u202e\u2066-\u2069"
"""Bidi embeddings, overrides and isolates: they reorder what a reader sees."""
_UNSHOWN = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI}\ud800-\udfff]")
"""What shown text never holds: `CONTROL` but line feed and tab, and `BIDI`."""
_ESCAPED = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI}\ud800-\udfff]")


def first_control(text: str, allowed: str = "") -> int | None:
    """The index of the first control character in `text` not in `allowed`, or None."""
    for m in CONTROL.finditer(text):
        if m.group() not in allowed:
            return m.start()
    return None


def show_control(char: str) -> str:
    """How a control character is named in a message: `U+001B`."""
    return f"U+{ord(char):04X}"


def _escape(m: re.Match[str]) -> str:
    char = m.group()
    return char.encode("unicode_escape").decode("ascii") if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def printable(text: str, escape: bool = False) -> str:
    """`text` safe to show: line feeds kept, a tab becomes a space, every other
    control character (ESC, CR, BEL, C1), bidi control and lone surrogate
    dropped, so no escape sequence reaches a terminal nor a report.

    With `escape` (a message quoting a file's text), each of them, line feed
    and tab included, is written as `\\xNN` / `\\uNNNN` instead, so the reader
    sees what the file holds."""
    if escape:
        return _ESCAPED.sub(_escape, text)
    return _UNSHOWN.sub("", text.replace("\t", " "))


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input file, at a place in it."""

    file: str
    line: int
    """1-based line; 0 when the problem has no place (e.g. file missing)."""
    column: int
    """1-based column; 0 when unknown."""
    message: str
    path: str = ""
    """The YAML path of the value concerned, like `scores.pharma.security`."""
    severity: Severity = "error"
    """A warning is worth saying but stops nothing (exit code unchanged)."""

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        at = f" (at {self.path})" if self.path else ""
        kind = "warning: " if self.severity == "warning" else ""
        return printable(f"{where}: {kind}{self.message}{at}", escape=True)


@dataclass
class InputError(Exception):
    """Raised with every problem found in one or more input files."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


MAX_PROBLEMS = 100
"""Problems listed per file: past them a file is not a case file, and listing
every one of 100,000 unknown keys would take minutes."""


def capped(problems: list[Problem], total: int = 0) -> list[Problem]:
    """The first MAX_PROBLEMS problems, and one more line saying how many of
    `total` (default: of `problems`) are left out."""
    shown = problems[:MAX_PROBLEMS]
    left = max(total, len(problems)) - len(shown)
    if left <= 0 or not shown:
        return problems
    last = shown[-1]
    return [*shown, Problem(last.file, last.line, last.column, f"and {left:,} more problems in this file")]


def did_you_mean(word: str, choices: Collection[str]) -> str:
    """A ' (did you mean X?)' suffix for a mistyped id, or ''."""
    if not choices:
        return ""
    import difflib

    close = difflib.get_close_matches(word, sorted(set(choices) - {word}), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
