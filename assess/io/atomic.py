"""Replacing a file atomically, and noticing when it changed on disk meanwhile.

A crash or a full disk must never leave a half-written case file, so we write
a temporary file beside the target, fsync it and rename it over the target.
A colleague's edit (or a `git pull`) between loading and saving must not be
silently overwritten, so a save names the `FileStamp` it loaded and is refused
with `ConflictError` when the bytes on disk are no longer those.

A symlink is written through: its target file is replaced and the link stays.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path


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

    def __init__(self, path: str | os.PathLike[str], expected: FileStamp,
                 found: FileStamp) -> None:
        self.path, self.expected, self.found = Path(path), expected, found
        super().__init__(
            f"{self.path} changed on disk since it was loaded ({expected.size} bytes then, "
            f"{found.size} now); reload it, or save with force to overwrite the change"
        )


def write_atomic(path: str | os.PathLike[str], text: str, *, expected: FileStamp | None,
                 force: bool = False) -> FileStamp:
    """Replace the file at `path` with `text` (UTF-8) atomically; return its new stamp.

    Raises ConflictError if the file exists, `expected` is given, its bytes on
    disk differ from `expected` and not `force` (a file deleted meanwhile is
    simply written again). On any failure the temporary file is removed and
    the original stays untouched.
    """
    target = Path(os.path.realpath(path))
    current = target.stat() if target.exists() else None
    if current is not None and expected is not None and not force:
        found = FileStamp.of(target)
        if found.sha256 != expected.sha256:
            raise ConflictError(target, expected, found)
    data = text.encode("utf-8")
    tmp = tempfile.NamedTemporaryFile(delete=False, dir=target.parent,
                                      prefix="." + target.name + ".", suffix=".tmp")
    try:
        with tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        mode = stat.S_IMODE(current.st_mode) if current is not None else _new_file_mode()
        os.chmod(tmp.name, mode)
        os.replace(tmp.name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp.name)
        raise
    _fsync_dir(target.parent)
    return FileStamp.of_bytes(data, target.stat().st_mtime_ns)


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
