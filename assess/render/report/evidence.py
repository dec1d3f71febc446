"""The cited passages: the document's title, the passage, and the text around
it when the document is at hand (its path resolves from the case file)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from assess.errors import InputError
from assess.files.casefile import LoadedCase
from assess.files.documents import locate_passage
from assess.files.reading import read_document
from assess.model import Document, SourceRef

CONTEXT_CHARS = 220
"""About how much text to show on either side of a passage."""

_BREAK_HYPHEN = re.compile(r"(?<=[a-z])-[ \t]*\r?\n\s*(?=[a-z])")
_SPACE = re.compile(r"\s+")
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_URL = re.compile(r"\(?\b(?:https?|ftp)://([^/\s)]+)[^\s)]*\)?")


@dataclass(frozen=True)
class Context:
    """The passage as it stands in the document, with the text around it."""

    before: str
    passage: str
    after: str


@dataclass(frozen=True)
class SourceDoc:
    """A declared source document, numbered for citations."""

    number: int
    document: str
    title: str
    date: str
    reliability: str = ""
    """How far to trust it, as the document's declaration says ('' if it says nothing)."""


@dataclass(frozen=True)
class Quote:
    document: str
    """The file name the source cites."""
    number: int | None
    """The document's number in the report's list of sources (None: not declared)."""
    title: str
    date: str
    section: str | None
    passage: str
    context: Context | None
    """None when the document's text is not at hand (or the passage not found)."""
    not_found: bool = False
    """The passage is not in the document's text (the loader warned of it)."""


def _tidy(text: str) -> str:
    """Line breaks of extracted text undone: hyphenated words joined, spaces folded,
    web addresses reduced to their site (a report links to nothing)."""
    text = _URL.sub(lambda m: f"[link: {m.group(1)}]", text)
    return _SPACE.sub(" ", _BREAK_HYPHEN.sub("", text))


def _clip_start(text: str) -> str:
    """The last ~CONTEXT_CHARS of `text`, starting at a word (a paragraph the
    extraction cut mid-sentence starts with '…', not with stray punctuation)."""
    if len(text) <= CONTEXT_CHARS:
        text = text.lstrip()
        return "… " + text.lstrip(",.;: ") if text[:1] in {",", ".", ";", ":"} else text
    cut = text[-CONTEXT_CHARS:]
    space = cut.find(" ")
    return "… " + (cut[space + 1 :] if space >= 0 else cut)


def _clip_end(text: str) -> str:
    if len(text) <= CONTEXT_CHARS:
        return text.rstrip()
    cut = text[:CONTEXT_CHARS]
    space = cut.rfind(" ")
    return (cut[:space] if space >= 0 else cut) + " …"


class Quoter:
    """Reads each cited document once and finds passages in it."""

    def __init__(self, loaded: LoadedCase) -> None:
        catalogue = loaded.catalogue_model
        self.documents: dict[str, Document] = {
            **(catalogue.documents if catalogue else {}),
            **loaded.case.documents,
        }
        self.paths: dict[str, Path] = loaded.documents
        self.not_found = loaded.passages_not_found
        self._texts: dict[str, str | None] = {}
        self.numbers = {name: k for k, name in enumerate(self.documents, start=1)}

    def sources(self) -> tuple[SourceDoc, ...]:
        """Every declared document, in declaration order (catalogue's first)."""
        return tuple(
            SourceDoc(self.numbers[name], name, doc.title, doc.date, " ".join(doc.reliability.split()))
            for name, doc in self.documents.items()
        )

    def _text(self, name: str) -> str | None:
        if name not in self._texts:
            path = self.paths.get(name)
            try:  # bounded, control characters replaced (see assess.files.reading)
                self._texts[name] = read_document(path) if path else None
            except InputError:
                self._texts[name] = None
        return self._texts[name]

    def context(self, name: str, passage: str) -> Context | None:
        text = self._text(name)
        found = locate_passage(text, passage) if text else None
        if text is None or found is None:
            return None
        before = _PARAGRAPH.split(text[: found.start])[-1]
        after = _PARAGRAPH.split(text[found.end :])[0]
        before, after = _tidy(before), _tidy(after)
        return Context(_clip_start(before), _tidy(text[found.start : found.end]), _clip_end(after))

    def quote(self, source: SourceRef | None) -> Quote | None:
        if source is None:
            return None
        doc = self.documents.get(source.document)
        return Quote(
            source.document,
            self.numbers.get(source.document),
            doc.title if doc else source.document,
            doc.date if doc else "",
            source.section,
            _tidy(source.passage).strip(),
            self.context(source.document, source.passage),
            (source.document, source.passage) in self.not_found,
        )
