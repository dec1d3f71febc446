"""Quoting a cited passage from its source document, highlighted in context."""

from __future__ import annotations

from pathlib import Path

from rich.console import RenderableType
from rich.text import Text

from assess.errors import InputError
from assess.io.reading import read_document
from assess.model import SourceRef
from assess.passages import locate_passage

CONTEXT_STYLE = "#9a9a9a"
PASSAGE_STYLE = "bold #f0f0f0 on #3d5a80"


class Quotes:
    """Reads each document once and remembers where each passage stands."""

    def __init__(self, documents: dict[str, Path], lines_around: int = 2) -> None:
        self.documents = documents
        self.lines_around = lines_around
        self._texts: dict[str, str] = {}
        self._found: dict[tuple[str, str], Text | None] = {}

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

    def quote(self, document: str, passage: str) -> Text | None:
        """The lines holding `passage`, with some lines either side, the
        passage itself highlighted; None if the document or passage is not at hand."""
        key = (document, passage)
        if key not in self._found:
            self._found[key] = self._build(document, passage)
        return self._found[key]

    def _build(self, document: str, passage: str) -> Text | None:
        text = self._text(document)
        found = locate_passage(text, passage) if text is not None else None
        if text is None or found is None:
            return None
        starts = [0]
        for line in text.splitlines(keepends=True):
            starts.append(starts[-1] + len(line))
        first = max(0, found.first_line - 1 - self.lines_around)
        last = min(len(starts) - 1, found.last_line + self.lines_around)
        lo, hi = starts[first], starts[last]
        quote = Text(text[lo:hi].rstrip(), style=CONTEXT_STYLE)
        quote.stylize(PASSAGE_STYLE, found.start - lo, found.end - lo)
        return quote


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
        out.append(Text(f"\n{who}: {source.document}", "bold"))
        out.append(found if found is not None else Text("(document not at hand)", "dim"))
    return out
