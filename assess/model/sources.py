"""Source documents and the passages that scores and criteria cite."""

from __future__ import annotations

from pydantic import Field

from assess.model.base import FilePath, Label, Strict, Text


class Document(Strict):
    """A source document that rationales cite, by its file name."""

    title: Label
    date: Label = ""
    """When it was published (free text, e.g. 2019 or 2025-12-13)."""
    path: FilePath | None = None
    """Where the text is, relative to the file that declares it."""
    reliability: Text = ""
    """How far to trust it, in a reviewer's words: what kind of source it is
    (a peer-reviewed brief, an unsigned news item), who wrote it, its gaps."""


class SourceRef(Strict):
    """Where a score or criterion rests in a source document."""

    document: Label
    """The file name of a declared document, e.g. 000_f2c59601cf2739f5.txt."""
    passage: Text = Field(min_length=3)
    """A verbatim quote from the document (line breaks and hyphenation ignored)."""
    section: Label | None = None
    """The heading the passage stands under."""
