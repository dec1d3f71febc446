"""Source documents and the passages that scores and criteria cite."""

from __future__ import annotations

from pydantic import Field

from assess.model.base import Strict


class Document(Strict):
    """A source document that rationales cite, by its file name."""

    title: str
    date: str = ""
    """When it was published (free text, e.g. 2019 or 2025-12-13)."""
    path: str | None = None
    """Where the text is, relative to the file that declares it."""
    reliability: str = ""
    """How far to trust it, in a reviewer's words: what kind of source it is
    (a peer-reviewed brief, an unsigned news item), who wrote it, its gaps."""


class SourceRef(Strict):
    """Where a score or criterion rests in a source document."""

    document: str
    """The file name of a declared document, e.g. 000_f2c59601cf2739f5.txt."""
    passage: str = Field(min_length=3)
    """A verbatim quote from the document (line breaks and hyphenation ignored)."""
    section: str | None = None
    """The heading the passage stands under."""
