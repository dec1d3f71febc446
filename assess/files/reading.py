"""Reading files that anyone may have written: bounded, regular, inside the project.

Every file `assess` reads (case files, catalogues, cited documents, CSV
matrices) comes through here. A file is refused, with a `Problem` naming it,
when it is not a regular file (a folder, a FIFO that would block for ever, a
device such as /dev/zero), when its size is over the limit (checked with
`stat` before reading, then again by a read that never takes more than the
limit), or when its name holds a control character.

Files a case names (its catalogue, its documents) must lie inside the case's
*project root*: the folder given with `--root DIR`, or else the nearest folder
above the case that holds `criteria.yaml` or `.git` (the bundled layout:
`cases/x.yaml` citing `../criteria.yaml` and `../sources/...`), or else the
case's own folder. The home folder and the file-system root never count as a
project root unless named with `--root`. Paths are relative, are followed
through symlinks before the check, and may not pass through hidden files or
folders (`.ssh`, `.git`, `.env`).
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from assess.errors import InputError, Problem, first_control, show_control

MAX_BYTES = 5 * 1024 * 1024
"""The longest case file or catalogue read, in bytes (here, not with the other
limits of `assess.files.yaml.limits`, for readers that need no YAML)."""

KIB, MIB = 1024, 1024 * 1024
MAX_DOCUMENT_BYTES = 8 * MIB
"""Cited documents are plain text extracted from PDFs and web pages; a long
report is a few hundred KiB."""
MAX_DOCUMENTS_TOTAL = 16 * MIB
"""All the documents one case cites, together."""

ROOT_MARKERS = ("criteria.yaml", ".git")

_ROOT: contextvars.ContextVar[Path | None] = contextvars.ContextVar("assess_root", default=None)


class Refused(Exception):
    """Why a path cannot be read, in a planner's words (no file content)."""


@contextlib.contextmanager
def project_root(root: str | Path | None) -> Iterator[None]:
    """Within this block, cases load with `root` as their project root (`--root DIR`)."""
    if root is not None and not Path(root).is_dir():
        raise InputError([Problem(str(root), 1, 1, "--root must name a folder")])
    token = _ROOT.set(None if root is None else Path(root).resolve())
    try:
        yield
    finally:
        _ROOT.reset(token)


def root_of(path: Path) -> Path:
    """The project root of the file at `path` (see the module's docstring)."""
    chosen = _ROOT.get()
    if chosen is not None:
        return chosen
    folder = path.absolute().parent.resolve()
    stops = {Path(folder.anchor), *_home_and_above()}
    for candidate in (folder, *folder.parents):
        if candidate in stops:
            break
        if any((candidate / marker).exists() for marker in ROOT_MARKERS):
            return candidate
    return folder


def _home_and_above() -> list[Path]:
    try:
        home = Path.home().resolve()
    except (KeyError, RuntimeError, OSError):
        return []
    return [home, *home.parents]


def confined(relative: str, base: Path, root: Path) -> Path:
    """The file that `relative` (written in a file in folder `base`) names,
    resolved; raises Refused unless it is a relative path to a place inside
    `root` that passes through no hidden file or folder."""
    if "\x00" in relative or first_control(relative) is not None:
        raise Refused("the path holds a control character")
    rel = Path(relative)
    if rel.is_absolute():
        raise Refused(f"the path must be relative to the file's folder, not absolute: {relative}")
    try:
        target = (base / rel).resolve()
        inside = target.relative_to(root)
    except ValueError:
        raise Refused(
            f"{relative} lies outside the project folder {root} (name another with --root DIR)"
        ) from None
    except (OSError, RuntimeError) as err:  # RuntimeError: a symlink loop (Python 3.11)
        why = getattr(err, "strerror", None) or err
        raise Refused(f"cannot follow the path {_short(relative)}: {why}") from None
    hidden = [p for p in (*rel.parts, *inside.parts) if p.startswith(".") and p not in (".", "..")]
    if hidden:
        raise Refused(f"the path passes through the hidden name '{hidden[0]}'")
    return target


def read_limited(path: Path, limit: int, name: str | None = None) -> bytes:
    """The bytes of the regular file at `path`, if there are at most `limit`;
    raise InputError (at 1:1 of `name`, default the path: the whole file) otherwise."""
    name = str(path) if name is None else name
    try:
        return _read(path, limit)
    except Refused as why:
        raise InputError([Problem(name, 1, 1, str(why))]) from None


def check_file(path: Path, limit: int | None = None) -> None:
    """Raise Refused unless `path` is a regular file of at most `limit` bytes."""
    bad = first_control(str(path))
    if bad is not None:
        raise Refused(f"the file name holds the control character {show_control(str(path)[bad])}")
    try:
        _check_stat(os.stat(path), limit)
    except OSError as err:
        raise Refused(_os_reason(err)) from None


def open_regular(path: Path, limit: int | None = None) -> BinaryIO:
    """The regular file at `path`, open for reading in binary (Refused if it is
    not one, or is over `limit` bytes). Checked again on the open file: a FIFO
    put in its place after the first check neither blocks nor passes."""
    check_file(path, limit)
    try:
        # O_NONBLOCK: a FIFO put in place after the stat must not block the open.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as err:
        raise Refused(_os_reason(err)) from None
    f = os.fdopen(fd, "rb")
    try:
        _check_stat(os.fstat(fd), limit)
    except Refused:
        f.close()
        raise
    return f


def _read(path: Path, limit: int) -> bytes:
    with open_regular(path, limit) as f:
        data = f.read(limit + 1)
    if len(data) > limit:
        raise Refused(_too_big(limit + 1, limit))
    return data


def _check_stat(st: os.stat_result, limit: int | None) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise Refused("is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise Refused("is not a regular file (a device, FIFO or socket); give a file")
    if limit is not None and st.st_size > limit:
        raise Refused(_too_big(st.st_size, limit))


def _too_big(size: int, limit: int) -> str:
    what = f"more than {limit:,} bytes" if size == limit + 1 else f"{size:,} bytes"
    return f"the file is {what}; the limit is {limit:,} bytes ({_human(limit)})"


def _human(n: int) -> str:
    return f"{n // MIB} MiB" if n >= MIB and n % MIB == 0 else f"{n // KIB} KiB"


def _os_reason(err: OSError) -> str:
    if isinstance(err, FileNotFoundError):
        return "no such file"
    if isinstance(err, IsADirectoryError):
        return "is a folder, not a file"
    return err.strerror or str(err)


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def decode_text(data: bytes) -> str:
    """A cited document's text: UTF-8 (a BOM dropped, bad bytes replaced), every
    control character but tab and newline replaced by a space, so that quoting
    it never sends an escape to the terminal and offsets stay those of the text."""
    from assess.errors import CONTROL

    text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # as universal newlines do
    return CONTROL.sub(lambda m: m.group() if m.group() in "\t\n" else " ", text)


def read_document(path: Path, budget: int = MAX_DOCUMENT_BYTES) -> str:
    """The text of a cited document: InputError beyond MAX_DOCUMENT_BYTES, or
    beyond `budget` (what is left of MAX_DOCUMENTS_TOTAL), saying which."""
    limit = min(MAX_DOCUMENT_BYTES, max(budget, 0))
    try:
        return decode_text(_read(path, limit))
    except Refused as why:
        if limit < MAX_DOCUMENT_BYTES and str(why).startswith("the file is"):
            why = Refused(
                f"the documents this case cites add up to more than "
                f"{MAX_DOCUMENTS_TOTAL:,} bytes ({_human(MAX_DOCUMENTS_TOTAL)}), the limit"
            )
        raise InputError([Problem(str(path), 1, 1, str(why))]) from None


_ONCE: contextvars.ContextVar[dict[tuple[str, bytes, bool, str], Any] | None] = contextvars.ContextVar(
    "catalogues_once", default=None
)


@contextlib.contextmanager
def catalogues_once() -> Iterator[None]:
    """Within this block a catalogue is read and checked once however many
    cases name it (`assess check` on a folder): again only if its bytes, the
    strictness or the root differ. Its documents are taken as unchanged meanwhile.
    (Here, not in `casefile`, so `check` sets it up before anything needs the model.)"""
    token = _ONCE.set({})
    try:
        yield
    finally:
        _ONCE.reset(token)


def catalogue_memo() -> dict[tuple[str, bytes, bool, str], Any] | None:
    """The catalogues read within `catalogues_once` (None outside it): `casefile`'s to fill."""
    return _ONCE.get()
