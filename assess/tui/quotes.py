"""Quoting a cited passage from its source document, highlighted in context:
as the document's lines around it (`quote`, for the full-text dialogs) or as
one reflowed paragraph with a few words either side (`passage`, for the
evidence pane, where it must show without scrolling)."""

from __future__ import annotations

import re
from pathlib import Path

from rich.console import RenderableType
from rich.text import Text

from assess.errors import InputError
from assess.io.reading import read_document
from assess.model import SourceRef
from assess.passages import Located, locate_passage
from assess.tui.present import safe

CONTEXT_STYLE = "#9a9a9a"
PASSAGE_STYLE = "bold #f0f0f0 on #3d5a80"


class Quotes:
    """Reads each document once and remembers where each passage stands."""

    def __init__(
        self,
        documents: dict[str, Path],
        lines_around: int = 2,
        not_found: frozenset[tuple[str, str]] = frozenset(),
    ) -> None:
        self.documents = documents
        self.lines_around = lines_around
        self.not_found = not_found
        """(document, passage) the loader did not find (`LoadedCase.passages_not_found`)."""
        self._texts: dict[str, str] = {}
        self._found: dict[tuple[str, str], Text | None] = {}
        self._located: dict[tuple[str, str], Located | None] = {}

    def _text(self, document: str) -> str | None:
        if document not in self._texts:
            path = self.documents.get(document)
            if path is None:
                return None
            try:  # bounded, control characters replaced (see assess.io.reading)
                self._texts[document] = read_document(path)
            except InputError:
                return None
        return self._texts[document]

    def is_not_found(self, document: str, passage: str) -> bool:
        """Whether the loader found this passage missing from its document."""
        return (document, passage) in self.not_found

    def quote(self, document: str, passage: str) -> Text | None:
        """The lines holding `passage`, with some lines either side, the
        passage itself highlighted; None if the document or passage is not at hand."""
        key = (document, passage)
        if key not in self._found:
            self._found[key] = self._build(document, passage)
        return self._found[key]

    def _locate(self, document: str, passage: str) -> tuple[str, Located] | None:
        key = (document, passage)
        text = self._text(document)
        if key not in self._located:
            self._located[key] = locate_passage(text, passage) if text is not None else None
        found = self._located[key]
        return None if text is None or found is None else (text, found)

    def _build(self, document: str, passage: str) -> Text | None:
        located = self._locate(document, passage)
        if located is None:
            return None
        text, found = located
        starts = [0]
        for line in text.splitlines(keepends=True):
            starts.append(starts[-1] + len(line))
        first = max(0, found.first_line - 1 - self.lines_around)
        last = min(len(starts) - 1, found.last_line + self.lines_around)
        lo, hi = starts[first], starts[last]
        quote = Text()
        quote.append(safe(text[lo : found.start], multiline=True), CONTEXT_STYLE)
        quote.append(safe(text[found.start : found.end], multiline=True), PASSAGE_STYLE)
        quote.append(safe(text[found.end : hi], multiline=True).rstrip(), CONTEXT_STYLE)
        return quote

    def passage(self, document: str, passage: str, context: int = 60) -> Text | None:
        """The passage highlighted as one paragraph (line breaks and their
        hyphens joined), with up to `context` characters of the text either
        side, cut at a word; None if the document or passage is not at hand."""
        located = self._locate(document, passage)
        if located is None:
            return None
        text, found = located
        before = _flow(text[max(0, found.start - 3 * context) : found.start])
        after = _flow(text[found.end : found.end + 3 * context])
        if len(before) > context:
            before = "…" + before[-context:].split(" ", 1)[-1]
        if len(after) > context:
            after = after[:context].rsplit(" ", 1)[0] + "…"
        out = Text(before, CONTEXT_STYLE)
        out.append(_flow(text[found.start : found.end]), PASSAGE_STYLE)
        return out.append(after, CONTEXT_STYLE)


_BREAK = re.compile(r"(?<=[a-z])-[ \t]*\r?\n\s*(?=[a-z])")
"""A word hyphenated across a line break ("limit-\\ned"); "70-\\n80" keeps its hyphen."""
_SPACE = re.compile(r"\s+")


def _flow(text: str) -> str:
    """Document text as one line: hyphenated words joined, white space folded."""
    return safe(_SPACE.sub(" ", _BREAK.sub("", text)))


def cited_passages(cited: list[tuple[str, SourceRef | None, Quotes | None]]) -> list[RenderableType]:
    """Each (whose, source, quotes) citation's passage in its document, under
    one heading; the compare and team screens' full-text dialogs show these."""
    out: list[RenderableType] = []
    for who, source, quotes in cited:
        if source is None:
            continue
        found = quotes.quote(source.document, source.passage) if quotes else None
        if not out:
            out.append(Text("\nThe cited passages in their documents", "bold underline"))
        out.append(Text(safe(f"\n{who}: {source.document}", multiline=True), "bold"))
        out.append(found if found is not None else Text("(document not at hand)", "dim"))
    return out
