"""Replacing a file atomically, and noticing when it changed on disk meanwhile.

A crash or a full disk must never leave a half-written case file, so we write
a temporary file beside the target, fsync it and rename it over the target.
A colleague's edit (or a `git pull`) between loading and saving must not be
silently overwritten, so a save names the `FileStamp` it loaded and is refused
with `ConflictError` when the bytes on disk are no longer those. The check and
the rename happen while holding the file's lock (`filelock`), so two saves at
once cannot both pass the check: the second one gets the conflict.

What replacing would lose besides the text is kept or refused: the owner,
group and mode are kept; a UTF-8 byte order mark is kept; a file with other
hard links is refused (its other names would keep the old text), as is
anything that is not a regular file, and anything inside the installed
package (`assess.files.bundled`). Temporary files that killed saves left beside the
target are removed on the next save, by name and age.

Saving writes through a symlink (its target is replaced, the link stays).
Outputs of commands (`-o FILE`) go through `write_output`, which refuses a
symlink, a folder, a device, a FIFO, a missing folder and any of the
command's inputs, and never writes through a link.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from assess.errors import InputError, Problem
from assess.files import bundled
from assess.files.filelock import locked

BOM = b"\xef\xbb\xbf"
STALE_TEMP_AGE = 600.0
"""Seconds after which a temporary file of ours is a leftover of a killed save
(a save holds the lock while its temporary exists, so this is generous)."""


@dataclass(frozen=True)
class FileStamp:
    """What a file looked like when read: enough to tell whether it changed."""

    mtime_ns: int
    size: int
    sha256: str

    @classmethod
    def of(cls, path: str | os.PathLike[str]) -> FileStamp:
        """The stamp of the file at `path` now."""
        p = Path(path)
        data = p.read_bytes()
        return cls.of_bytes(data, p.stat().st_mtime_ns)

    @classmethod
    def of_bytes(cls, data: bytes, mtime_ns: int = 0) -> FileStamp:
        """The stamp of bytes already read (mtime unknown unless given)."""
        return cls(mtime_ns, len(data), hashlib.sha256(data).hexdigest())


class ConflictError(Exception):
    """The file changed on disk since it was loaded; saving would lose that change."""

    def __init__(self, path: str | os.PathLike[str], expected: FileStamp, found: FileStamp) -> None:
        self.path, self.expected, self.found = Path(path), expected, found
        super().__init__(
            f"{self.path} changed on disk since it was loaded ({expected.size} bytes then, "
            f"{found.size} now); reload it, or save with force to overwrite the change"
        )


class UnsafeToReplace(OSError):
    """Replacing the file would lose something besides its text, or write where
    we never write: refused, the file untouched."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path, self.reason = path, reason
        super().__init__(f"{path.name} {reason}")


def write_atomic(
    path: str | os.PathLike[str],
    data: str | bytes,
    *,
    expected: FileStamp | None,
    force: bool = False,
    follow_symlinks: bool = True,
    lock_timeout: float | None = None,
) -> FileStamp:
    """Replace the file at `path` with `data` (text is written as UTF-8)
    atomically, under its lock; return the stamp of what was written.

    Raises ConflictError if the file exists, `expected` is given, its bytes on
    disk differ from `expected` and not `force` (a file deleted meanwhile is
    simply written again); UnsafeToReplace (see the module) and LockTimeout
    (`lock_timeout` seconds, default `filelock.LOCK_TIMEOUT`) are OSErrors.
    On any failure the original stays untouched and no temporary file is
    left. With `follow_symlinks=False` a symlink at `path` is refused, never
    written through.
    """
    target = _target(path, follow_symlinks)
    if bundled.is_installed_copy(target):
        raise UnsafeToReplace(
            target,
            "is inside the installed assess package and is never written (a reinstall "
            "would replace it); save a copy elsewhere (`assess init DIR` copies the bundle)",
        )
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with locked(target, lock_timeout):
        current = _regular_or_none(target)
        if current is not None:
            payload = _checked(target, current, payload, None if force else expected)
        remove_stale_temps(target)
        _replace(target, payload, current)
        return FileStamp.of_bytes(payload, target.stat().st_mtime_ns)


def _target(path: str | os.PathLike[str], follow_symlinks: bool) -> Path:
    if follow_symlinks:
        return Path(os.path.realpath(path))
    p = Path(path)
    return Path(os.path.realpath(p.parent)) / p.name


def _regular_or_none(target: Path) -> os.stat_result | None:
    """The target's stat, None if it does not exist; refused if not a regular file."""
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(st.st_mode):
        raise UnsafeToReplace(target, f"is {file_kind(st.st_mode)}, not a regular file")
    return st


def file_kind(mode: int) -> str:
    """'a folder', 'a FIFO', ... for a stat mode."""
    kinds = [
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISLNK, "a symbolic link"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISSOCK, "a socket"),
    ]
    return next((name for test, name in kinds if test(mode)), "a regular file")


def _checked(target: Path, current: os.stat_result, payload: bytes, expected: FileStamp | None) -> bytes:
    """The bytes to write over the existing `target`: refused on a conflict or
    hard links; with the file's byte order mark kept."""
    old = target.read_bytes()
    if expected is not None:
        found = FileStamp.of_bytes(old, current.st_mtime_ns)
        if found.sha256 != expected.sha256:
            raise ConflictError(target, expected, found)
    if current.st_nlink > 1:
        raise UnsafeToReplace(
            target,
            f"has {current.st_nlink - 1} other hard link(s); replacing it would leave them "
            "with the old text: save under another name, or remove the other links first",
        )
    if old.startswith(BOM) and not payload.startswith(BOM):
        return BOM + payload
    return payload


def _replace(target: Path, payload: bytes, current: os.stat_result | None) -> None:
    """Write a temporary beside `target` with its owner and mode, rename it over."""
    import tempfile  # here: with shutil and the compressors it is 8 ms of every start

    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with open(fd, "wb", closefd=True) as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
            _keep_owner(f.fileno(), target, current)
            os.fchmod(f.fileno(), stat.S_IMODE(current.st_mode) if current else _new_file_mode())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(target.parent)


def _keep_owner(fd: int, target: Path, current: os.stat_result | None) -> None:
    """Give the temporary the owner and group of the file it replaces."""
    if current is None:
        return
    mine = os.fstat(fd)
    if (mine.st_uid, mine.st_gid) == (current.st_uid, current.st_gid):
        return
    try:
        os.fchown(fd, current.st_uid, current.st_gid)
    except PermissionError:
        raise UnsafeToReplace(
            target,
            f"belongs to user {current.st_uid}, group {current.st_gid}; saving would give it "
            "to you: save under another name, or ask its owner",
        ) from None


def _temp_pattern(target: Path) -> re.Pattern[str]:
    """The names `tempfile.mkstemp` gives our temporaries of `target`."""
    return re.compile(rf"\.{re.escape(target.name)}\.[a-z0-9_]{{8}}\.tmp")


def remove_stale_temps(target: Path, age: float = STALE_TEMP_AGE) -> list[Path]:
    """Remove temporaries of `target` older than `age` seconds that killed
    saves left beside it; the paths removed."""
    pattern, cutoff, removed = _temp_pattern(target), time.time() - age, []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return []
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < cutoff:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


# -- outputs of commands -------------------------------------------------------


def check_output(path: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]] = ()) -> Path:
    """`path` if a command may write its output there, else InputError: it must be
    a regular file or a new name in an existing folder, not a symlink, and none
    of the files the command reads."""
    p = Path(path)
    problem = _output_problem(p, inputs)
    if problem:
        raise InputError([Problem(str(path), 0, 0, problem)])
    return p


def _output_problem(p: Path, inputs: Iterable[str | os.PathLike[str]]) -> str | None:
    try:
        st = os.lstat(p)
    except FileNotFoundError:
        folder = p.parent
        return None if folder.is_dir() else f"no such folder: {folder}"
    except OSError as err:
        return err.strerror or str(err)
    if stat.S_ISLNK(st.st_mode):
        return "is a symbolic link; outputs are never written through a link: remove it or name another file"
    if not stat.S_ISREG(st.st_mode):
        return f"is {file_kind(st.st_mode)}, not a regular file; name a file"
    for other in inputs:
        with contextlib.suppress(OSError):
            if os.path.samefile(p, other):
                return f"is one of the inputs ({other}); write to another file"
    return None


def write_output(
    path: str | os.PathLike[str],
    data: str | bytes,
    *,
    inputs: Iterable[str | os.PathLike[str]] = (),
    replace: bool = True,
) -> FileStamp:
    """Write a command's output file atomically (as saving does), after
    `check_output`; an existing file only if `replace`. Every refusal or
    failure is an InputError naming the file."""
    p = check_output(path, inputs)
    if not replace and os.path.lexists(p):
        raise InputError([Problem(str(path), 0, 0, "exists; use --force to replace it")])
    try:
        return write_atomic(p, data, expected=None, force=True, follow_symlinks=False)
    except OSError as err:
        reason = getattr(err, "reason", None) or err.strerror or str(err)
        raise InputError([Problem(str(path), 0, 0, reason)]) from None


def _new_file_mode() -> int:
    """0o666 less the umask, as `open()` would create it (temp files get 0o600)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            umask = next(int(x.split()[1], 8) for x in f if x.startswith("Umask:"))
    except (OSError, StopIteration, ValueError, IndexError):
        umask = os.umask(0o022)  # no race-free way to read it here
        os.umask(umask)
    return 0o666 & ~umask


def _fsync_dir(directory: Path) -> None:
    """Make the rename durable; not every platform can open a directory."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
