"""Finding a cited passage in its source document.

The source texts were extracted from PDFs and web pages: lines break
mid-sentence and words are hyphenated across line ends. A passage matches
when it occurs after joining hyphenated breaks ("limit-\\ned" -> "limited")
and folding every run of white space to one space.

Time and memory stay linear in the document's size, with small constants,
however the text is made: it is normalised by regular-expression substitutions
(C speed) on chunks of 64 KiB cut inside words, so no gap crosses a cut and no
list of tokens or of one offset per character is ever built. To map a place
in the normalised text back to the document, a chunk's gaps are walked once,
the first time a passage is found in it, keeping only where the offset shifts.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

_BREAK = re.compile(r"-[ \t]*\r?\n\s*")
"""A hyphen at a line end: dropped with the break, the word goes on."""
_SPACES = re.compile(r"\s+")
_GAP = {
    loose: re.compile(r"(?:-[ \t]*\r?\n\s*|\s" + ("|-" if loose else "") + ")++") for loose in (False, True)
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
    _shifts: dict[int, tuple[array, array]] = field(default_factory=dict, compare=False, repr=False)

    def offset(self, k: int) -> int:
        """The offset in the source of character `k` of `text` (not a folded space)."""
        c = bisect_right([n for _, n in self.chunks], k) - 1
        if c not in self._shifts:
            self._shifts[c] = self._chunk_shifts(c)
        norm_at, text_at = self._shifts[c]
        i = bisect_right(norm_at, k) - 1
        return text_at[i] + (k - norm_at[i])

    def _chunk_shifts(self, c: int) -> tuple[array, array]:
        """Where, in chunk `c`, the offset between `text` and the source changes:
        the normalised and source offsets after each gap folded to another length."""
        pos, n = self.chunks[c]
        end = self.chunks[c + 1][0] if c + 1 < len(self.chunks) else len(self.source)
        norm_at, text_at = array("q", [n]), array("q", [pos])
        for m in _GAP[self.loose].finditer(self.source, pos, end):
            folded = 1 if m.start() and _SPACES.search(_BREAK.sub("", m.group())) else 0
            n += m.start() - pos + folded
            pos = m.end()
            if m.end() - m.start() != folded:
                norm_at.append(n)
                text_at.append(pos)
        return norm_at, text_at


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


def passage_found(text: str, passage: str) -> bool:
    """Whether `passage` occurs in `text` (what `locate_passage` finds, without
    working out where)."""
    for loose in (False, True):
        wanted = _normalise(passage, loose).text.strip()
        if wanted and wanted in _normalise(text, loose).text:
            return True
    return False


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
