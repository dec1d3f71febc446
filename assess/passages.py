"""Finding a cited passage in its source document.

The source texts were extracted from PDFs and web pages: lines break
mid-sentence and words are hyphenated across line ends. A passage matches
when it occurs after joining hyphenated breaks ("limit-\\ned" -> "limited")
and folding every run of white space to one space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BREAK = re.compile(r"-[ \t]*\r?\n[ \t]*")
_SPACE = re.compile(r"\s+")


def _normalise(text: str, loose: bool = False) -> tuple[str, list[int]]:
    """The normalised text and, for each of its characters, the offset in `text`.

    `loose` also drops every hyphen, for words like "70-\n80%" whose hyphen
    belongs to the text and not to the line break."""
    out: list[str] = []
    where: list[int] = []
    i = 0
    while i < len(text):
        m = _BREAK.match(text, i)
        if m:
            i = m.end()
            continue
        m = _SPACE.match(text, i)
        if m:
            if out and out[-1] != " ":
                out.append(" ")
                where.append(i)
            i = m.end()
            continue
        if not (loose and text[i] == "-"):
            out.append(text[i])
            where.append(i)
        i += 1
    return "".join(out), where


def normalise_passage(passage: str) -> str:
    return _normalise(passage)[0].strip()


@dataclass(frozen=True)
class Located:
    """Where a passage stands in a document (1-based, inclusive lines)."""

    first_line: int
    last_line: int
    start: int
    end: int


def locate_passage(text: str, passage: str) -> Located | None:
    """The place of `passage` in `text`, or None if it does not occur."""
    for loose in (False, True):
        norm, where = _normalise(text, loose)
        wanted = _normalise(passage, loose)[0].strip()
        k = norm.find(wanted) if wanted else -1
        if k >= 0:
            break
    else:
        return None
    start, end = where[k], where[k + len(wanted) - 1] + 1
    first = text.count("\n", 0, start) + 1
    return Located(first, first + text.count("\n", start, end), start, end)


def quote_context(text: str, found: Located, lines_around: int = 1) -> str:
    """The lines holding the passage, with `lines_around` lines either side."""
    lines = text.splitlines()
    lo = max(0, found.first_line - 1 - lines_around)
    hi = min(len(lines), found.last_line + lines_around)
    return "\n".join(line.rstrip() for line in lines[lo:hi]).strip("\n")
