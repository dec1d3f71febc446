"""An advisory lock per file, so that two writers of one file take turns.

`assess serve` runs every browser tab as its own process, and a planner may
save the same case from two of them at once. Checking that the file is
unchanged and renaming the new version over it must be one step against the
other writers, so both happen while holding `.NAME.lock` beside the file
(`fcntl.flock`: the kernel releases it when the holder dies, so a killed save
never leaves the file locked).

The holder unlinks the lock file before releasing it, so no lock files are
left behind. That is safe because a waiter, once it holds the lock, checks
that the name still points at the inode it locked; if not (the holder
unlinked it, and maybe someone created a new one), it starts again on the
current file. Only a holder ever unlinks, so at any time at most one process
holds the lock on the inode the name points at.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path

LOCK_TIMEOUT = 5.0
"""Seconds to wait for another writer; a save takes milliseconds."""

_POLL = 0.02


class LockTimeout(OSError):
    """Another process held the file's lock for longer than the timeout."""

    def __init__(self, path: Path, lock: Path, timeout: float) -> None:
        self.path, self.lock = path, lock
        self.reason = (
            f"is being saved by another program (its lock {lock.name} has been held for "
            f"more than {timeout:g} s); try again in a moment"
        )
        super().__init__(f"{path.name} {self.reason}")


def lock_path(target: Path) -> Path:
    """The lock file of `target`: `.NAME.lock` in the same folder."""
    return target.with_name(f".{target.name}.lock")


@contextlib.contextmanager
def locked(target: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the lock of `target` (the file itself need not exist) for the
    block; LockTimeout if it cannot be had within `timeout` seconds
    (default `LOCK_TIMEOUT`)."""
    timeout = LOCK_TIMEOUT if timeout is None else timeout
    lock = lock_path(target)
    deadline = time.monotonic() + timeout
    fd = _acquire(target, lock, deadline, timeout)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(lock)  # before releasing: see the module's docstring
        os.close(fd)


def _acquire(target: Path, lock: Path, deadline: float, timeout: float) -> int:
    while True:
        fd = os.open(lock, os.O_RDONLY | os.O_CREAT | os.O_CLOEXEC, 0o666)
        try:
            _flock(fd, deadline)
        except BlockingIOError:
            os.close(fd)
            raise LockTimeout(target, lock, timeout) from None
        except BaseException:
            os.close(fd)
            raise
        if _names(fd, lock):
            return fd
        os.close(fd)  # the holder unlinked it meanwhile: lock the current one


def _flock(fd: int, deadline: float) -> None:
    """flock without blocking forever: poll until the deadline (BlockingIOError then)."""
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise
            time.sleep(_POLL)


def _names(fd: int, lock: Path) -> bool:
    """Whether the name `lock` still points at the open file `fd`."""
    try:
        on_disk = os.stat(lock)
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (on_disk.st_dev, on_disk.st_ino) == (mine.st_dev, mine.st_ino)
