"""Finding a cited passage in its source document.

The source texts were extracted from PDFs and web pages: lines break
mid-sentence and words are hyphenated across line ends. A passage matches
when it occurs after joining hyphenated breaks ("limit-\\ned" -> "limited")
and folding every run of white space to one space.

Time and memory stay linear in the document's size, with small constants,
however the text is made: it is normalised by regular-expression substitutions
(C speed) on chunks of 64 KiB cut inside words, so no gap crosses a cut and no
list of tokens or of one offset per character is ever built. A place in the
normalised text is mapped back to the document by walking the gaps of its
chunk only, once a passage is found.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

_BREAK = re.compile(r"-[ \t]*\r?\n\s*")
"""A hyphen at a line end: dropped with the break, the word goes on."""
_SPACES = re.compile(r"\s+")
_GAP = {
    loose: re.compile(r"(?:-[ \t]*\r?\n\s*|\s" + ("|-" if loose else "") + ")++")
    for loose in (False, True)
}
"""A maximal run of what normalising drops or folds (with `loose`, hyphens too).
Possessive (`++`): a plain `+` keeps a backtracking state per repetition, 115
bytes a character over a long run of spaces."""
_WORD = {False: re.compile(r"[^\s-]|-(?![ \t]*\r?\n)"), True: re.compile(r"[^\s-]")}
"""A character no gap holds: a chunk may be cut after it."""
_CHUNK = 1 << 16


def _fold(text: str, loose: bool) -> str:
    out = _BREAK.sub("", text)
    if loose:
        out = out.replace("-", "")
    return _SPACES.sub(" ", out)


@dataclass(frozen=True)
class _Normalised:
    source: str
    loose: bool
    text: str
    chunks: tuple[tuple[int, int], ...]
    """(offset in the source, offset in `text`) where each chunk starts."""

    def offset(self, k: int) -> int:
        """The offset in the source of character `k` of `text` (not a folded space)."""
        c = bisect_right([n for _, n in self.chunks], k) - 1
        pos, n = self.chunks[c]
        end = self.chunks[c + 1][0] if c + 1 < len(self.chunks) else len(self.source)
        for m in _GAP[self.loose].finditer(self.source, pos, end):
            kept = n + m.start() - pos
            if k < kept:
                break
            folded = " " if m.start() and _SPACES.search(_BREAK.sub("", m.group())) else ""
            pos, n = m.end(), kept + len(folded)
        return pos + (k - n)


@lru_cache(maxsize=4)
def _normalise(text: str, loose: bool = False) -> _Normalised:
    """The text with hyphenated line breaks joined and white space folded.

    `loose` also drops every hyphen, for words like "70-\\n80%" whose hyphen
    belongs to the text and not to the line break. Cached: a document is
    normalised once however many passages cite it."""
    out: list[str] = []
    chunks: list[tuple[int, int]] = []
    pos = n = 0
    while pos < len(text):
        word = _WORD[loose].search(text, min(pos + _CHUNK, len(text)))
        end = word.end() if word else len(text)  # cut after a word character
        part = _fold(text[pos:end], loose)
        if not pos and part.startswith(" "):
            part = part[1:]  # a leading gap is dropped
        chunks.append((pos, n))
        out.append(part)
        pos, n = end, n + len(part)
    return _Normalised(text, loose, "".join(out), tuple(chunks))


def normalise_passage(passage: str) -> str:
    return _normalise(passage).text.strip()


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
        norm = _normalise(text, loose)
        wanted = _normalise(passage, loose).text.strip()
        k = norm.text.find(wanted) if wanted else -1
        if k >= 0:
            break
    else:
        return None
    start, end = norm.offset(k), norm.offset(k + len(wanted) - 1) + 1
    first = text.count("\n", 0, start) + 1
    return Located(first, first + text.count("\n", start, end), start, end)


def quote_context(text: str, found: Located, lines_around: int = 1) -> str:
    """The lines holding the passage, with `lines_around` lines either side."""
    lines = text.splitlines()
    lo = max(0, found.first_line - 1 - lines_around)
    hi = min(len(lines), found.last_line + lines_around)
    return "\n".join(line.rstrip() for line in lines[lo:hi]).strip("\n")
