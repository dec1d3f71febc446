"""A cache of validated cases: the same `LoadedCase` as `casefile.load_case`, faster.

Invisible except for speed. An entry is found by a SHA-256 key of everything a
load's result depends on before the case is parsed: the case file's bytes, the
path as given and the working folder (messages name files as given), the
project root, `strict_passages`, the package version, the Python version and
the size and time of the loader's own source files (so an edited checkout does
not read old entries). The entry then lists every other file the load read or
looked for (the catalogue, every declared document, missing ones as null) with
the SHA-256 of its bytes; any difference is a miss. A miss, or an entry that is
corrupt, foreign (another key) or of another layout, falls back to the full
load and writes the entry again (`atomic.write_atomic`: never half a file).

Where: `$XDG_CACHE_HOME/assess` (default `~/.cache/assess`), never the case's
folder. Off with `ASSESS_NO_CACHE=1` (the CLI's `--no-cache` sets it).

Why loading an entry is safe: it is JSON, never pickle, so reading it runs no
code. It holds the YAML's plain data (what `parse_yaml` returned), which is
validated again by the same pydantic models as a full load (`model_validate`,
about 2 ms for the default case; the YAML parse, the checks and the cited
passage search are what is skipped), the text, the value positions, and the
warnings and passages not found that the full load produced, replayed as they
were. Only files that loaded without errors are stored. The folder is created
private (0700): an entry is as trusted as the user's own files, and a forged
one could at worst misstate warnings, never run code or write anywhere.
YAML dates and times are stored as ISO text with their paths and restored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assess import __version__
from assess.errors import Problem
from assess.files.atomic import write_atomic
from assess.files.casefile import LoadedCase, LoadedCatalogue, load_any, load_case, load_cases
from assess.files.reading import read_limited, root_of
from assess.files.yaml.safe import MAX_BYTES, YamlDoc

LAYOUT = 1
"""The entries' layout; an entry of another is ignored and rewritten."""

SETTLE_NS = 2_000_000_000
"""A file changed less than this long before a load may change again within the
file system's time resolution while being read: such a load is not stored."""

MAX_ENTRIES = 64
"""Entries kept; about half a megabyte each for the bundled default case."""

_PACKAGE = Path(__file__).resolve().parents[1]
_CODE = ("model", "files", "files/yaml", "core", "errors.py", "__init__.py")


def cache_folder() -> Path | None:
    """The cache's folder, or None when `ASSESS_NO_CACHE` is set (not "" or "0")."""
    if os.environ.get("ASSESS_NO_CACHE", "") not in ("", "0"):
        return None
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG spec: a relative path is ignored
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "assess"


def load_case_cached(
    path: Path | str, root: Path | None = None, *, strict_passages: bool = False
) -> LoadedCase:
    """`casefile.load_case(path, root, strict_passages=...)` through the cache:
    the same LoadedCase (case, catalogue, documents, warnings in order,
    passages not found, positions for FILE:LINE:COL) and the same InputError
    for a file with errors (those are never stored). The cached `doc` has no
    YAML node tree (`root` is None): saving parses the text again anyway."""
    path = Path(path)
    root = root_of(path) if root is None else root
    found = _lookup(path, root, strict_passages)
    if isinstance(found, LoadedCase):
        return found
    raw = None if found is None else found.raw
    loaded = load_case(path, root, strict_passages=strict_passages, raw=raw)
    if found is not None:
        found.store(loaded)
    return loaded


def load_any_cached(path: Path | str, *, strict_passages: bool = False) -> LoadedCase | LoadedCatalogue:
    """`casefile.load_any` through the cache: a case as `load_case_cached`
    gives it; a catalogue (small, and not what the cache is for) loaded in full."""
    path = Path(path)
    found = _lookup(path, root_of(path), strict_passages)
    if isinstance(found, LoadedCase):
        return found
    loaded = load_any(path, strict_passages=strict_passages)
    if found is not None and isinstance(loaded, LoadedCase):
        found.store(loaded)
    return loaded


@dataclass(frozen=True)
class _Miss:
    """Where the load of these bytes is to be stored."""

    folder: Path
    entry: Path
    key: str
    raw: bytes
    started: int

    def store(self, loaded: LoadedCase) -> None:
        if loaded.stamp.sha256 == hashlib.sha256(self.raw).hexdigest():  # the bytes keyed
            _store(self.folder, self.entry, self.key, loaded, self.started)


def _lookup(path: Path, root: Path, strict: bool) -> LoadedCase | _Miss | None:
    """The cached load, or where to store it, or None without a cache (off,
    or no working folder to key on)."""
    folder = cache_folder()
    if folder is None:
        return None
    raw = read_limited(path, MAX_BYTES)
    try:
        key = _key(path, raw, root, strict)
    except OSError:
        return None
    entry = folder / f"{key}.json"
    return _from_entry(entry, key, path, raw) or _Miss(folder, entry, key, raw, time.time_ns())


def load_cases_cached(paths: list[str] | list[Path]) -> list[LoadedCase]:
    """Every case loaded through the cache; one InputError with the problems of all files."""
    return load_cases(paths, load_case_cached)


def _key(path: Path, raw: bytes, root: Path, strict: bool) -> str:
    h = hashlib.sha256()
    where = (str(path), os.getcwd(), str(root), strict, __version__, sys.version, _code_stamp())
    h.update(json.dumps([LAYOUT, *where]).encode("utf-8"))
    h.update(raw)
    return h.hexdigest()


def _code_stamp() -> list[tuple[str, int, int]]:
    """(file, size, mtime) of the loader's source files: an edit means new keys."""
    out = []
    for part in _CODE:
        p = _PACKAGE / part
        files = sorted(p.glob("*.py")) if p.is_dir() else [p]
        for f in files:
            st = f.stat()
            out.append((str(f), st.st_size, st.st_mtime_ns))
    return out


def _digest(p: Path) -> str | None:
    try:
        return hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else None
    except OSError:
        return None


def _deps(loaded: LoadedCase) -> list[Path]:
    """Every file the load read or looked for besides the case itself."""
    case, base = loaded.case, loaded.path.parent
    out = [base / d.path for d in case.documents.values() if d.path]
    if case.criteria.catalogue is not None:
        out.append(base / case.criteria.catalogue)
    if loaded.catalogue is not None:
        cat_base = loaded.catalogue.path.parent
        out += [cat_base / d.path for d in loaded.catalogue.catalogue.documents.values() if d.path]
    return out


def _marks(marks: dict[tuple[Any, ...], tuple[int, int]]) -> str:
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


def _doc_entry(doc: YamlDoc) -> dict[str, Any]:
    dates: list[list[Any]] = []
    data = _plain(doc.data, [], dates)
    marks, keys = _marks(doc.marks), _marks(doc.key_marks)
    return {"data": data, "dates": dates, "text": doc.text, "marks": marks, "keys": keys}


def _doc_of(entry: dict[str, Any], name: str) -> YamlDoc:
    marks, keys = LazyMarks(entry["marks"]), LazyMarks(entry["keys"])
    data = _dated(entry["data"], entry["dates"])
    return YamlDoc(data, entry["text"], None, marks, keys, filename=name)


def _problems(problems: tuple[Problem, ...]) -> list[list[Any]]:
    return [[p.file, p.line, p.column, p.message, p.path, p.severity] for p in problems]


def _unproblems(rows: list[list[Any]]) -> tuple[Problem, ...]:
    return tuple(Problem(f, int(ln), int(c), m, pt, s) for f, ln, c, m, pt, s in rows)


def _store(folder: Path, entry: Path, key: str, loaded: LoadedCase, started: int) -> None:
    """Write the entry, unless a file changed too recently to trust its bytes,
    or the data is not JSON; a cache that cannot be written is no error."""
    deps = _deps(loaded)
    try:
        for p in [loaded.path, *deps]:
            if p.exists() and p.stat().st_mtime_ns > started - SETTLE_NS:
                return
        cat = loaded.catalogue
        data = {
            "layout": LAYOUT,
            "key": key,
            "deps": [[str(p), _digest(p)] for p in deps],
            "doc": _doc_entry(loaded.doc),
            "documents": {k: str(v) for k, v in loaded.documents.items()},
            "warnings": _problems(loaded.warnings),
            "not_found": sorted(map(list, loaded.passages_not_found)),
            "catalogue": None if cat is None or cat.doc is None else _catalogue_entry(cat),
        }
        if cat is not None and cat.doc is None:
            return
        text = json.dumps(data, allow_nan=False, separators=(",", ":"))
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(entry, text, expected=None, force=True)
        _prune(folder)
    except (OSError, TypeError, ValueError):
        return  # a read-only home, a full disk: just slower next time


def _prune(folder: Path) -> None:
    """The oldest entries removed past MAX_ENTRIES (each edit of a case makes a new one)."""
    found = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime_ns)
    for old in found[: max(0, len(found) - MAX_ENTRIES)]:
        old.unlink(missing_ok=True)


def _catalogue_entry(cat: LoadedCatalogue) -> dict[str, Any]:
    assert cat.doc is not None
    return {
        "path": str(cat.path),
        "doc": _doc_entry(cat.doc),
        "documents": {k: str(v) for k, v in cat.documents.items()},
        "warnings": _problems(cat.warnings),
        "not_found": sorted(map(list, cat.passages_not_found)),
    }


def _from_entry(entry: Path, key: str, path: Path, raw: bytes) -> LoadedCase | None:
    """The LoadedCase the entry describes, or None if it is missing, corrupt,
    foreign, or any file it depends on changed."""
    try:
        data = json.loads(entry.read_bytes())
        if data.get("layout") != LAYOUT or data.get("key") != key:
            return None
        if any(_digest(Path(p)) != digest for p, digest in data["deps"]):
            return None
        return _rebuild(data, path, raw)
    except Exception:  # noqa: BLE001 - any flaw of an entry means a full load, never a failure
        return None


def _rebuild(data: dict[str, Any], path: Path, raw: bytes) -> LoadedCase:
    from assess.files.atomic import FileStamp
    from assess.model import Case, Catalogue

    doc = _doc_of(data["doc"], str(path))
    catalogue = None
    if (c := data["catalogue"]) is not None:
        cat_doc = _doc_of(c["doc"], c["path"])
        catalogue = LoadedCatalogue(
            Path(c["path"]),
            Catalogue.model_validate(cat_doc.data),
            {k: Path(v) for k, v in c["documents"].items()},
            _unproblems(c["warnings"]),
            frozenset((d, p) for d, p in c["not_found"]),
            cat_doc,
        )
    return LoadedCase(
        path,
        Case.model_validate(doc.data),
        doc,
        FileStamp.of_bytes(raw),
        catalogue,
        {k: Path(v) for k, v in data["documents"].items()},
        _unproblems(data["warnings"]),
        frozenset((d, p) for d, p in data["not_found"]),
    )
