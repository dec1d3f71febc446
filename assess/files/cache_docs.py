"""How a cache entry holds what is not a model: a YAML document (its data,
text and positions, parsed from the entry only when used) and problems.

For `assess.files.cache`; needs neither YAML nor the model to import."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assess.errors import Problem
from assess.files.reading import MAX_BYTES, read_limited
from assess.files.yaml.doc import YamlDoc  # a dataclass: no YAML


def marks_text(marks: dict[tuple[Any, ...], tuple[int, int]]) -> str:
    """The positions as JSON text inside the entry: read only when asked for."""
    return json.dumps([[list(p), line, col] for p, (line, col) in marks.items()], separators=(",", ":"))


class LazyMarks(dict[tuple[Any, ...], tuple[int, int]]):
    """A YamlDoc's positions, decoded from the entry on first use: most
    commands place no message, and the positions are most of an entry."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text: str | None = text

    def _fill(self) -> None:
        if self._text is not None:
            rows, self._text = json.loads(self._text), None
            super().update({tuple(p): (int(line), int(col)) for p, line, col in rows})

    def __contains__(self, key: object) -> bool:
        self._fill()
        return super().__contains__(key)

    def __getitem__(self, key: tuple[Any, ...]) -> tuple[int, int]:
        self._fill()
        return super().__getitem__(key)

    def get(self, key: tuple[Any, ...], default: Any = None) -> Any:
        self._fill()
        return super().get(key, default)

    def __iter__(self) -> Any:
        self._fill()
        return super().__iter__()

    def __len__(self) -> int:
        self._fill()
        return super().__len__()

    def items(self) -> Any:
        self._fill()
        return super().items()

    def keys(self) -> Any:
        self._fill()
        return super().keys()

    def values(self) -> Any:
        self._fill()
        return super().values()

    def __eq__(self, other: object) -> bool:
        self._fill()
        if isinstance(other, LazyMarks):
            other._fill()
        return super().__eq__(other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __repr__(self) -> str:
        self._fill()
        return super().__repr__()

    def copy(self) -> dict[tuple[Any, ...], tuple[int, int]]:
        self._fill()
        return dict(super().items())


def _plain(data: Any, path: list[Any], dates: list[list[Any]]) -> Any:
    """`data` with each YAML date or time as ISO text, its path listed in `dates`."""
    if isinstance(data, dict):
        return {k: _plain(v, [*path, k], dates) for k, v in data.items()}
    if isinstance(data, list):
        return [_plain(v, [*path, i], dates) for i, v in enumerate(data)]
    if isinstance(data, dt.date):  # a datetime is a date too
        dates.append([path, type(data) is dt.datetime])
        return data.isoformat()
    return data


def _dated(data: Any, dates: list[list[Any]]) -> Any:
    for path, is_datetime in dates:
        *up, last = path
        parent = data
        for part in up:
            parent = parent[part]
        kind = dt.datetime if is_datetime else dt.date
        parent[last] = kind.fromisoformat(parent[last])
    return data


def doc_entry(doc: YamlDoc) -> dict[str, Any]:
    dates: list[list[Any]] = []
    data = _plain(doc.data, [], dates)
    marks, keys = marks_text(doc.marks), marks_text(doc.key_marks)
    return {"data": data, "dates": dates, "text": doc.text, "marks": marks, "keys": keys}


def doc_fields(entry: dict[str, Any]) -> dict[str, Any]:
    marks, keys = LazyMarks(entry["marks"]), LazyMarks(entry["keys"])
    return {
        "data": _dated(entry["data"], entry["dates"]),
        "text": entry["text"],
        "marks": marks,
        "key_marks": keys,
    }


class LazyDoc(YamlDoc):
    """A YamlDoc whose data, text and positions are parsed from the entry's
    line on first use: most commands never look at them (saving and placing a
    message do), and on a large case they are most of the entry (17 of 18 MB
    at 50 options x 40 criteria x 10 assessors). A line that is not what was
    written (its SHA-256 differs from the head's) is not used: the document is
    then parsed from its YAML file, as a full load would."""

    def __init__(
        self, raw: Callable[[], bytes], filename: str, digest: str, fallback: Callable[[], YamlDoc]
    ) -> None:
        object.__setattr__(self, "_pending", (raw, digest, fallback))  # not the dataclass's init
        object.__setattr__(self, "root", None)
        object.__setattr__(self, "filename", filename)

    def __getattr__(self, name: str) -> Any:  # only for what is not set yet
        pending = self.__dict__.get("_pending")
        if pending is None or name not in ("data", "text", "marks", "key_marks"):
            raise AttributeError(name)
        read, digest, fallback = pending
        raw = read()
        if hashlib.sha256(raw).hexdigest() == digest:
            fields = doc_fields(json.loads(raw))
        else:
            doc = fallback()
            fields = {"data": doc.data, "text": doc.text, "marks": doc.marks, "key_marks": doc.key_marks}
        for field, value in fields.items():
            object.__setattr__(self, field, value)
        del self.__dict__["_pending"]
        return getattr(self, name)


class DocLines:
    """The documents' lines of an entry, read once, when the first is wanted;
    b"" if the entry cannot be read (the digest then sends a document to its YAML)."""

    def __init__(self, entry: Path, offset: int) -> None:
        self.entry, self.offset = entry, offset
        self.lines: list[bytes] | None = None

    def get(self, k: int) -> bytes:
        if self.lines is None:
            try:
                with self.entry.open("rb") as f:
                    f.seek(self.offset)
                    self.lines = f.read().split(b"\n")
            except OSError:
                self.lines = []
        return self.lines[k] if k < len(self.lines) else b""


def parsed(raw: bytes, name: str, *, catalogue: bool) -> YamlDoc:
    """The YAML document parsed from its file's bytes, as the full load parses it."""
    from assess.files.casefile import catalogue_shape
    from assess.files.yaml.safe import parse_yaml

    return parse_yaml(raw, name, check_root=catalogue_shape) if catalogue else parse_yaml(raw, name)


def read_file(path: Path) -> bytes:
    return read_limited(path, MAX_BYTES)


def problems_data(problems: tuple[Problem, ...] | list[Problem]) -> list[list[Any]]:
    """Problems as JSON data (`unproblems` reads them back)."""
    return [[p.file, p.line, p.column, p.message, p.path, p.severity] for p in problems]


def unproblems(rows: list[list[Any]]) -> tuple[Problem, ...]:
    """The problems `problems_data` wrote."""
    return tuple(Problem(f, int(ln), int(c), m, pt, s) for f, ln, c, m, pt, s in rows)
