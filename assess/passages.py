"""Finding a cited passage in its source document.

The source texts were extracted from PDFs and web pages: lines break
mid-sentence and words are hyphenated across line ends. A passage matches
when it occurs after joining hyphenated breaks ("limit-\\ned" -> "limited")
and folding every run of white space to one space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_TOKEN = re.compile(r"-[ \t]*\r?\n\s*|\s+|[^\s-]+|-")


@lru_cache(maxsize=16)
def _normalise(text: str, loose: bool = False) -> tuple[str, tuple[int, ...]]:
    """The normalised text and, for each of its characters, the offset in `text`.

    `loose` also drops every hyphen, for words like "70-\\n80%" whose hyphen
    belongs to the text and not to the line break. Cached: a document is
    normalised once however many passages cite it."""
    out: list[str] = []
    where: list[int] = []
    last_space = True
    for m in _TOKEN.finditer(text):
        token, i = m.group(), m.start()
        if token[0] == "-" and len(token) > 1:
            continue  # a line-break hyphen: the word goes on
        if token.isspace():
            if not last_space:
                out.append(" ")
                where.append(i)
                last_space = True
            continue
        if loose and token == "-":
            continue
        out.append(token)
        where.extend(range(i, m.end()))
        last_space = False
    return "".join(out), tuple(where)


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
