"""A parsed YAML document: its data, its text and where every value stands.

Apart from the parser (`safe`), so what holds a document needs no YAML: a case
made from the cache of validated cases carries one without `yaml` imported."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from assess.errors import Problem

if TYPE_CHECKING:
    from yaml.nodes import Node

Path = tuple[str | int, ...]
Mark = tuple[int, int]


@dataclass(frozen=True)
class YamlDoc:
    """A parsed document: its data, its text and the position of every value."""

    data: Any
    text: str
    root: Node | None
    marks: dict[Path, Mark] = field(default_factory=dict)
    """1-based (line, column) where the value at each path starts."""
    key_marks: dict[Path, Mark] = field(default_factory=dict)
    """1-based (line, column) of the key under which the value at a path stands."""
    filename: str = ""

    def locate(self, path: tuple[Any, ...]) -> Mark:
        """The mark of the longest existing prefix of `path` (e.g. a pydantic `loc`).

        A missing key points at its parent mapping; '[key]' (pydantic's marker
        for a bad dict key) points at the key itself; int parts also match
        string keys, since numeric keys are kept as text here.
        """
        best: Path = ()
        for part in path:
            if part == "[key]":
                return self.key_marks.get(best, self.marks.get(best, (1, 1)))
            candidates = [best + (part,)]
            if not isinstance(part, str):
                candidates.append(best + (str(part),))
            hit = next((c for c in candidates if c in self.marks), None)
            if hit is None:
                if isinstance(part, str) and "[" in part:
                    continue  # pydantic's validator labels such as 'function-after[...]'
                break
            best = hit
        return self.marks.get(best, (1, 1))

    def problem(self, path: tuple[Any, ...], message: str) -> Problem:
        """A Problem at the value `path` of this document."""
        line, column = self.locate(path)
        return Problem(self.filename, line, column, message, path_text(path))


def path_text(path: tuple[Any, ...]) -> str:
    """`('options', 0, 'id')` -> `options[0].id`, as messages show paths."""
    out = ""
    for part in path:
        if isinstance(part, int) and not isinstance(part, bool):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out
