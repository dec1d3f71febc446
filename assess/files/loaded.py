"""A case or catalogue as loaded from disk: the models and what came with them.

Apart from the loader (`casefile`), so what makes or holds one needs neither
YAML nor the loader's checks: a case made from the cache of validated cases
(`assess.files.cache`) is one of these without either imported."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assess.errors import Problem
    from assess.files.atomic import FileStamp
    from assess.files.yaml.doc import YamlDoc
    from assess.model import Case, Catalogue

Cited = tuple[str, str]
"""(document, passage) of a citation."""


@dataclass(frozen=True)
class LoadedCatalogue:
    path: Path
    catalogue: Catalogue
    documents: dict[str, Path]
    warnings: tuple[Problem, ...] = ()
    passages_not_found: frozenset[Cited] = frozenset()
    doc: YamlDoc | None = field(default=None, compare=False, repr=False)
    """The parsed file (data and positions), for lints placed in it; parsed once."""


@dataclass(frozen=True)
class LoadedCase:
    """A case as read from disk, with what saving and quoting need."""

    path: Path
    case: Case
    doc: YamlDoc
    stamp: FileStamp
    catalogue: LoadedCatalogue | None = None
    documents: dict[str, Path] = field(default_factory=dict)
    """Source documents by file name, resolved to paths that exist."""
    warnings: tuple[Problem, ...] = ()
    """What is worth saying but stops nothing, in file order (the catalogue's too)."""
    passages_not_found: frozenset[Cited] = frozenset()
    """(document, passage) of every cited passage that is not in its document."""

    @property
    def catalogue_model(self) -> Catalogue | None:
        return self.catalogue.catalogue if self.catalogue else None

    def passage_found(self, document: str, passage: str) -> bool:
        """False for a cited passage the loader did not find in its document."""
        return (document, passage) not in self.passages_not_found
