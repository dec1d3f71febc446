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
code. It holds the validated case and catalogue as `assess.model.trusted`
trees (every model with its class and the fields the file set), made again
without running or even building pydantic's validators (that is most of what
a hit saves: ~100 ms of the CLI's start); beside them the YAML's plain data
(what `parse_yaml` returned), the text, the value positions, and the warnings
and passages not found that the full load produced, replayed as they were.
Only files that loaded without errors are stored. Because the models are not
validated again, an entry is used only under its MAC: HMAC-SHA256 with a
secret of 32 random bytes kept in the cache folder (`key`, mode 0600, made on
first use), so an entry this user's assess did not write (corrupt, truncated,
copied from another machine or account) fails the check and is ignored and
rewritten. The folder is created private (0700); whoever can write the key
can write the user's cases and code too.

An entry is lines of JSON: the MAC; the head (layout, key, the files depended
on, the case's title and warnings, the SHA-256 of each document line); the
models; the case's YAML document and the catalogue's. The MAC covers the head
and the models. The documents, most of a large entry and needed only to save
or to place a message, are read and parsed on first use (`LazyDoc`) and
checked against their SHA-256 then; one that differs is parsed from its YAML
file instead. `find_case` checks an entry by its head alone, so the UI's first
frame waits for neither the models nor the case's size. Beside an entry,
`Hit.derived` keeps the result of a pure function of the load (`assess
check`'s lints), under the same MAC and keyed also by that function's source
files. YAML dates and times are stored as ISO text with their paths and
restored.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assess import __version__
from assess.errors import Problem
from assess.files.atomic import write_atomic
from assess.files.cache_docs import (
    DocLines,
    LazyDoc,
    doc_entry,
    parsed,
    problems_data,
    read_file,
    unproblems,
)
from assess.files.reading import MAX_BYTES, read_limited, root_of

# Finding and checking an entry needs neither the model nor YAML (the UI's
# first frame waits for a hit's check, not for its models): they are imported
# where a load is made.
if TYPE_CHECKING:
    from assess.files.loaded import LoadedCase, LoadedCatalogue

LAYOUT = 5
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


KEY_BYTES = 32


def _secret(folder: Path, *, make: bool) -> bytes | None:
    """The folder's MAC key, made (32 bytes of `os.urandom`, mode 0600) when
    `make` and there is none or it is not this user's private file."""
    path = folder / "key"
    try:
        st = path.stat()
        if st.st_uid == os.getuid() and not st.st_mode & 0o077 and st.st_size == KEY_BYTES:
            data = path.read_bytes()
            if len(data) == KEY_BYTES:
                return data
    except OSError:
        pass
    if not make:
        return None
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    fresh = os.urandom(KEY_BYTES)
    tmp = folder / f"key.{os.getpid()}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, fresh)
    finally:
        os.close(fd)
    try:
        os.link(tmp, path)  # the first writer's key wins a race ...
    except FileExistsError:
        if _secret(folder, make=False) is None:  # ... unless it is no key of ours
            os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return _secret(folder, make=False)


def _mac(secret: bytes, body: bytes) -> bytes:
    return hmac.new(secret, body, hashlib.sha256).hexdigest().encode("ascii")


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
    if isinstance(found, Hit):
        return found.loaded()
    from assess.files.casefile import load_case  # a miss: the loader, with YAML

    raw = None if found is None else found.raw
    loaded = load_case(path, root, strict_passages=strict_passages, raw=raw)
    if found is not None:
        found.store(loaded)
    return loaded


def find_case(path: Path | str, *, strict_passages: bool = False) -> Hit | None:
    """The cache's entry for the case file at `path`, checked (its key, MAC and
    every file it depends on) but not yet made into a LoadedCase; None when
    there is none, or no cache. Imports neither the model nor YAML."""
    path = Path(path)
    try:
        found = _lookup(path, root_of(path), strict_passages)
    except Exception:  # noqa: BLE001 - an unreadable file: the full load says why
        return None
    return found if isinstance(found, Hit) else None


def load_any_cached(path: Path | str, *, strict_passages: bool = False) -> LoadedCase | LoadedCatalogue:
    """`casefile.load_any` through the cache: a case as `load_case_cached`
    gives it; a catalogue (small, and not what the cache is for) loaded in full."""
    found = find_any(path, strict_passages=strict_passages)
    return found.loaded() if isinstance(found, Hit) else found


def find_any(path: Path | str, *, strict_passages: bool = False) -> Hit | LoadedCase | LoadedCatalogue:
    """The cache's checked entry for the file at `path` (as `find_case`), or
    else the file loaded in full (`casefile.load_any`; a case is then stored):
    one lookup either way. Raises `InputError` for a file with errors."""
    path = Path(path)
    found = _lookup(path, root_of(path), strict_passages)
    if isinstance(found, Hit):
        return found
    from assess.files.casefile import LoadedCase, load_any

    loaded = load_any(path, strict_passages=strict_passages)
    if found is not None and isinstance(loaded, LoadedCase):
        found.store(loaded)
    return loaded


@dataclass(frozen=True)
class Hit:
    """An entry found and checked: data this program wrote from a valid load
    of these bytes (`raw`), with every file it depends on unchanged."""

    head: dict[str, Any]
    """The key, the files depended on, the case's title and warnings."""
    body: tuple[bytes, int]
    """The models' line (JSON, parsed by `loaded`), and where the documents'
    lines start in the entry (read when a document is first used)."""
    entry: Path
    path: Path
    root: Path
    strict: bool
    raw: bytes

    @property
    def title(self) -> str:
        """The case's title, read from the entry without making the case."""
        return str(self.head["title"])

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The warnings the full load gave, in order."""
        return unproblems(self.head["warnings"])

    def derived(self, name: str, code: tuple[str, ...], compute: Callable[[LoadedCase], Any]) -> Any:
        """`compute(self.loaded())`, a pure function of the load whose result
        is JSON data, kept beside the entry: `{key}.{name}.json` under the same
        MAC, keyed by the entry's key and the size and time of the source files
        `code` (folders or files of the package, besides the loader's), so the
        next call needs neither the case's models nor `compute`. `assess check`
        keeps its lints so."""
        folder = self.entry.parent
        key = _hash([self.head["key"], name, _code_stamp(code)])
        path = folder / f"{self.head['key']}.{name}.json"
        head = {"layout": LAYOUT, "key": key}
        try:
            found = _read_signed(path)
            if found is not None and found[0] == head:
                return json.loads(found[1])
        except (OSError, ValueError):
            pass
        result = compute(self.loaded())
        try:
            _write_signed(folder, path, head, result)
        except (OSError, TypeError, ValueError):
            pass  # not kept: just slower next time
        return result

    def loaded(self) -> LoadedCase:
        """The LoadedCase the entry describes; if it cannot be made (a model
        changed since, say), the full load of the same bytes."""
        try:
            models, docs = self.body
            lines = DocLines(self.entry, docs)
            return _rebuild({**self.head, **json.loads(models)}, self.path, self.raw, lines)
        except Exception:  # noqa: BLE001 - any flaw of an entry means a full load, never a failure
            from assess.files.casefile import load_case

            return load_case(self.path, self.root, strict_passages=self.strict, raw=self.raw)


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


def _lookup(path: Path, root: Path, strict: bool) -> Hit | _Miss | None:
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
    found = _from_entry(entry, key)
    if found is None:
        return _Miss(folder, entry, key, raw, time.time_ns())
    return Hit(*found, entry, path, root, strict, raw)


def load_cases_cached(paths: list[str] | list[Path]) -> list[LoadedCase]:
    """Every case loaded through the cache; one InputError with the problems of all files."""
    from assess.files.casefile import load_cases

    return load_cases(paths, load_case_cached)


def _key(path: Path, raw: bytes, root: Path, strict: bool) -> str:
    where = (str(path), os.getcwd(), str(root), strict, __version__, sys.version, _code_stamp())
    return _hash([LAYOUT, *where], raw)


def _hash(data: Any, raw: bytes = b"") -> str:
    h = hashlib.sha256(json.dumps(data).encode("utf-8"))
    h.update(raw)
    return h.hexdigest()


def _code_stamp(parts: tuple[str, ...] = _CODE) -> list[tuple[str, int, int]]:
    """(file, size, mtime) of source files of the package (by default the
    loader's): an edit means new keys."""
    out = []
    for part in parts:
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


def _store(folder: Path, entry: Path, key: str, loaded: LoadedCase, started: int) -> None:
    """Write the entry, unless a file changed too recently to trust its bytes,
    or the data is not JSON; a cache that cannot be written is no error."""
    from assess.model.trusted import tree

    deps = _deps(loaded)
    try:
        for p in [loaded.path, *deps]:
            if p.exists() and p.stat().st_mtime_ns > started - SETTLE_NS:
                return
        cat = loaded.catalogue
        if cat is not None and cat.doc is None:
            return
        head = {
            "layout": LAYOUT,
            "key": key,
            "deps": [[str(p), _digest(p)] for p in deps],
            "title": loaded.case.title,
            "warnings": problems_data(loaded.warnings),
        }
        data = {
            "case": tree(loaded.case),
            "documents": {k: str(v) for k, v in loaded.documents.items()},
            "not_found": sorted(map(list, loaded.passages_not_found)),
            "catalogue": None if cat is None else _catalogue_entry(cat),
        }
        docs = [doc_entry(loaded.doc), None if cat is None or cat.doc is None else doc_entry(cat.doc)]
        # One JSON text a line (JSON holds no raw line break): the MAC, the head, the models,
        # then the two YAML documents, parsed only when asked for (`LazyDoc`). The MAC
        # covers the head and the models; the documents, most of a large entry, are
        # checked against their SHA-256 in the head when parsed.
        lines = [_json(d) for d in docs]
        head["docs"] = [hashlib.sha256(line).hexdigest() for line in lines]
        _write_signed(folder, entry, head, data, lines)
        _prune(folder)
    except (OSError, TypeError, ValueError):
        return  # a read-only home, a full disk: just slower next time


def _json(data: Any) -> bytes:
    return json.dumps(data, allow_nan=False, separators=(",", ":")).encode("utf-8")


def _write_signed(folder: Path, path: Path, head: Any, body: Any, tail: Sequence[bytes] = ()) -> None:
    """Write `path` as lines: the MAC of the next two, `head` and `body` as
    JSON (which holds no raw line break), then `tail` (not under the MAC)."""
    signed = _json(head) + b"\n" + _json(body)
    secret = _secret(folder, make=True)
    if secret is not None:
        write_atomic(path, b"\n".join([_mac(secret, signed), signed, *tail]), expected=None, force=True)


def _read_signed(path: Path) -> tuple[Any, bytes, int] | None:
    """The head (parsed), the body (not yet) and where the tail starts, of a
    file `_write_signed` wrote under this folder's key; None for any other.
    Read line by line: a long tail is neither read nor copied here."""
    with path.open("rb") as f:
        mac, line, body = f.readline()[:-1], f.readline(), f.readline().removesuffix(b"\n")
        secret = _secret(path.parent, make=False)
        if secret is None or not hmac.compare_digest(mac, _mac(secret, line + body)):
            return None
        return json.loads(line), body, f.tell()


def _prune(folder: Path) -> None:
    """The oldest entries removed past MAX_ENTRIES (each edit of a case makes
    a new one), with what was derived from them (`Hit.derived`)."""
    found = sorted(
        (p for p in folder.glob("*.json") if "." not in p.stem), key=lambda p: p.stat().st_mtime_ns
    )
    for old in found[: max(0, len(found) - MAX_ENTRIES)]:
        old.unlink(missing_ok=True)
        for kept in folder.glob(f"{old.stem}.*.json"):
            kept.unlink(missing_ok=True)


def _catalogue_entry(cat: LoadedCatalogue) -> dict[str, Any]:
    from assess.model.trusted import tree

    assert cat.doc is not None
    return {
        "path": str(cat.path),
        "model": tree(cat.catalogue),
        "documents": {k: str(v) for k, v in cat.documents.items()},
        "warnings": problems_data(cat.warnings),
        "not_found": sorted(map(list, cat.passages_not_found)),
    }


def _from_entry(entry: Path, key: str) -> tuple[dict[str, Any], tuple[bytes, int]] | None:
    """The entry's head (parsed) and body (not yet), or None if it is missing,
    corrupt, foreign (another key, no MAC of ours), of another layout, or any
    file it depends on changed. The body, the case itself, is parsed only when
    the case is made: checking an entry costs the same for any size of case."""
    try:
        found = _read_signed(entry)
        if found is None:
            return None
        head, models, docs = found
        if head.get("layout") != LAYOUT or head.get("key") != key:
            return None
        if any(_digest(Path(p)) != digest for p, digest in head["deps"]):
            return None
        return (head, (models, docs)) if isinstance(head.get("title"), str) else None
    except Exception:  # noqa: BLE001 - any flaw of an entry means a full load, never a failure
        return None


def _rebuild(data: dict[str, Any], path: Path, raw: bytes, lines: DocLines) -> LoadedCase:
    from assess.files.atomic import FileStamp
    from assess.files.loaded import LoadedCase, LoadedCatalogue
    from assess.model import Case, Catalogue

    case_sum, cat_sum = data["docs"]
    name = str(path)
    doc = LazyDoc(lambda: lines.get(0), name, case_sum, lambda: parsed(raw, name, catalogue=False))
    catalogue = None
    if (c := data["catalogue"]) is not None:
        cat_path, cat_name = Path(c["path"]), c["path"]
        from_yaml = lambda: parsed(read_file(cat_path), cat_name, catalogue=True)  # noqa: E731
        cat_doc = LazyDoc(lambda: lines.get(1), cat_name, cat_sum, from_yaml)
        catalogue = LoadedCatalogue(
            cat_path,
            _built(c["model"], Catalogue),
            {k: Path(v) for k, v in c["documents"].items()},
            unproblems(c["warnings"]),
            frozenset((d, p) for d, p in c["not_found"]),
            cat_doc,
        )
    return LoadedCase(
        path,
        _built(data["case"], Case),
        doc,
        FileStamp.of_bytes(raw),
        catalogue,
        {k: Path(v) for k, v in data["documents"].items()},
        unproblems(data["warnings"]),
        frozenset((d, p) for d, p in data["not_found"]),
    )


def _built(data: Any, cls: type[Any]) -> Any:
    from assess.model.trusted import build

    obj = build(data)
    if type(obj) is not cls:
        raise ValueError(f"the entry holds no {cls.__name__}")
    return obj
