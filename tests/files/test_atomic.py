"""write_atomic: all or nothing, and never over someone else's change."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assess.files.atomic import ConflictError, FileStamp, UnsafeToReplace, write_atomic
from assess.files.filelock import LockTimeout


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_stamp_of_file_and_bytes_agree(tmp_path: Path) -> None:
    f = tmp_path / "case.yaml"
    f.write_bytes(b"a: 1\n")
    stamp = FileStamp.of(f)
    assert stamp.size == 5 and stamp.mtime_ns == f.stat().st_mtime_ns
    assert stamp.sha256 == FileStamp.of_bytes(b"a: 1\n").sha256


def test_writes_a_new_file_and_returns_its_stamp(tmp_path: Path) -> None:
    f = tmp_path / "new.yaml"
    stamp = write_atomic(f, "title: Zürich\n", expected=None)
    assert f.read_text(encoding="utf-8") == "title: Zürich\n"
    assert stamp == FileStamp.of(f)
    assert leftovers(tmp_path) == []
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(f.stat().st_mode) == 0o666 & ~umask


def test_replaces_when_unchanged_on_disk(tmp_path: Path) -> None:
    f = tmp_path / "case.yaml"
    f.write_text("a: 1\n")
    loaded = FileStamp.of(f)
    stamp = write_atomic(f, "a: 2\n", expected=loaded)
    assert f.read_text() == "a: 2\n" and stamp.sha256 != loaded.sha256
    write_atomic(f, "a: 3\n", expected=stamp)  # the returned stamp chains saves
    assert f.read_text() == "a: 3\n"


def test_conflict_when_changed_on_disk(tmp_path: Path) -> None:
    f = tmp_path / "case.yaml"
    f.write_text("a: 1\n")
    loaded = FileStamp.of(f)
    f.write_text("a: 1  # a colleague's comment\n")
    with pytest.raises(ConflictError) as info:
        write_atomic(f, "a: 2\n", expected=loaded)
    assert "changed on disk" in str(info.value) and info.value.path == f.resolve()
    assert not isinstance(info.value, ValueError)
    assert f.read_text() == "a: 1  # a colleague's comment\n"
    assert leftovers(tmp_path) == []


def test_force_overwrites_a_conflict(tmp_path: Path) -> None:
    f = tmp_path / "case.yaml"
    f.write_text("a: 1\n")
    loaded = FileStamp.of(f)
    f.write_text("a: 9\n")
    write_atomic(f, "a: 2\n", expected=loaded, force=True)
    assert f.read_text() == "a: 2\n"


def test_touch_without_change_is_no_conflict(tmp_path: Path) -> None:
    f = tmp_path / "case.yaml"
    f.write_text("a: 1\n")
    loaded = FileStamp.of(f)
    os.utime(f, ns=(loaded.mtime_ns + 10**9, loaded.mtime_ns + 10**9))
    write_atomic(f, "a: 2\n", expected=loaded)
    assert f.read_text() == "a: 2\n"


def test_failure_leaves_original_and_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "case.yaml"
    f.write_text("a: 1\n")

    def broken(src: str, dst: str) -> None:
        raise OSError("disk on fire")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="disk on fire"):
        write_atomic(f, "a: 2\n", expected=FileStamp.of(f))
    assert f.read_text() == "a: 1\n"
    assert leftovers(tmp_path) == []


def test_permissions_are_kept(tmp_path: Path) -> None:
    f = tmp_path / "case.yaml"
    f.write_text("a: 1\n")
    f.chmod(0o640)
    write_atomic(f, "a: 2\n", expected=None)
    assert stat.S_IMODE(f.stat().st_mode) == 0o640


def test_symlink_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "case.yaml"
    real.parent.mkdir()
    real.write_text("a: 1\n")
    link = tmp_path / "case.yaml"
    link.symlink_to(real)
    write_atomic(link, "a: 2\n", expected=FileStamp.of(link))
    assert link.is_symlink() and real.read_text() == "a: 2\n"
    assert leftovers(tmp_path) == [] and leftovers(real.parent) == []


# -- what a replace must keep or refuse (issue 9) ------------------------------


def test_a_byte_order_mark_is_kept(tmp_path: Path) -> None:
    """Loading strips a UTF-8 BOM; the save puts it back, and the stamp says so."""
    f = tmp_path / "case.yaml"
    f.write_bytes(b"\xef\xbb\xbfa: 1\n")
    stamp = write_atomic(f, "a: 2\n", expected=FileStamp.of(f))
    assert f.read_bytes() == b"\xef\xbb\xbfa: 2\n" and stamp == FileStamp.of(f)
    write_atomic(f, "a: 3\n", expected=stamp)  # the stamp chains: no false conflict
    assert f.read_bytes() == b"\xef\xbb\xbfa: 3\n"


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_owner_and_group_are_kept(tmp_path: Path) -> None:
    f = tmp_path / "case.yaml"
    f.write_text("a: 1\n")
    os.chown(f, 4242, 4343)
    f.chmod(0o664)
    write_atomic(f, "a: 2\n", expected=FileStamp.of(f))
    st = f.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (4242, 4343, 0o664)


def test_an_owner_that_cannot_be_kept_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A user who may not give the file back to its owner gets a refusal, not a
    file silently changing hands."""
    f = tmp_path / "case.yaml"
    f.write_text("a: 1\n")
    real = f.stat()

    def lstat(path: object) -> os.stat_result:
        st = os.stat(path)  # type: ignore[arg-type]
        if Path(path) == f:  # type: ignore[arg-type]
            fields = list(st)
            fields[stat.ST_UID] = real.st_uid + 1
            return os.stat_result(fields)
        return st

    def fchown(fd: int, uid: int, gid: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "lstat", lstat)
    monkeypatch.setattr(os, "fchown", fchown)
    with pytest.raises(UnsafeToReplace, match="belongs to user"):
        write_atomic(f, "a: 2\n", expected=None)
    assert f.read_text() == "a: 1\n" and leftovers(tmp_path) == []


def test_a_file_with_other_hard_links_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "case.yaml"
    f.write_text("a: 1\n")
    other = tmp_path / "backup.yaml"
    os.link(f, other)
    with pytest.raises(UnsafeToReplace, match="1 other hard link"):
        write_atomic(f, "a: 2\n", expected=FileStamp.of(f))
    assert f.read_text() == other.read_text() == "a: 1\n"
    assert os.path.samefile(f, other) and leftovers(tmp_path) == []


def test_what_is_not_a_regular_file_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(UnsafeToReplace, match="FIFO"):
        write_atomic(fifo, "a: 2\n", expected=None)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    with pytest.raises(UnsafeToReplace, match="a folder"):
        write_atomic(tmp_path, "a: 2\n", expected=None)


def test_the_installed_package_is_never_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from assess.files import bundled

    installed = tmp_path / "site-packages" / "assess" / "bundled"
    (installed / "cases").mkdir(parents=True)
    case = installed / "cases" / "ai_cooperation.yaml"
    case.write_text("a: 1\n")
    monkeypatch.setattr(bundled, "installed_root", lambda: installed)
    for target in (case, installed / "cases" / "new.yaml"):
        with pytest.raises(UnsafeToReplace, match="installed assess package"):
            write_atomic(target, "a: 2\n", expected=None)
    assert case.read_text() == "a: 1\n" and sorted(p.name for p in (installed / "cases").iterdir()) == [
        "ai_cooperation.yaml"
    ]


def test_stale_temporaries_of_killed_saves_are_removed(tmp_path: Path) -> None:
    """Old temporaries of this file go; a fresh one (a save under way), those of
    other files and look-alikes that are not ours stay."""
    f = tmp_path / "case.yaml"
    f.write_text("a: 1\n")
    old = [tmp_path / f".case.yaml.{c * 8}.tmp" for c in "abc"]
    fresh = tmp_path / ".case.yaml.zzzzzzzz.tmp"
    other = tmp_path / ".other.yaml.aaaaaaaa.tmp"
    mine_not = tmp_path / ".case.yaml.notes.tmp"
    for p in [*old, fresh, other, mine_not]:
        p.write_text("partial")
    an_hour_ago = time.time() - 3600
    for p in [*old, other, mine_not]:
        os.utime(p, (an_hour_ago, an_hour_ago))
    write_atomic(f, "a: 2\n", expected=FileStamp.of(f))
    assert leftovers(tmp_path) == sorted(p.name for p in (fresh, other, mine_not))


def test_no_lock_file_is_left_behind(tmp_path: Path) -> None:
    f = tmp_path / "case.yaml"
    write_atomic(f, "a: 1\n", expected=None)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.yaml"]


HOLD = """
import sys, time
from pathlib import Path
from assess.files.filelock import locked
with locked(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def _holder(target: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process holding the lock of `target`, once it said so."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(target), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline() == "held\n"
    return proc


def test_a_lock_held_elsewhere_is_a_clear_error_not_a_hang(tmp_path: Path) -> None:
    f = tmp_path / "case.yaml"
    f.write_text("a: 1\n")
    holder = _holder(f, 30)
    try:
        start = time.monotonic()
        with pytest.raises(LockTimeout, match="being saved by another program"):
            write_atomic(f, "a: 2\n", expected=FileStamp.of(f), lock_timeout=0.3)
        assert time.monotonic() - start < 5
        assert isinstance(LockTimeout(f, f, 1), OSError)
    finally:
        holder.kill()
        holder.wait()
    assert f.read_text() == "a: 1\n"


def test_a_save_waits_for_a_short_lock(tmp_path: Path) -> None:
    f = tmp_path / "case.yaml"
    f.write_text("a: 1\n")
    holder = _holder(f, 0.3)
    try:
        write_atomic(f, "a: 2\n", expected=FileStamp.of(f), lock_timeout=10)
    finally:
        holder.wait()
    assert f.read_text() == "a: 2\n"


def test_a_killed_holder_releases_the_lock(tmp_path: Path) -> None:
    """The kernel drops a dead process's lock; its lock file is reused, then removed."""
    f = tmp_path / "case.yaml"
    f.write_text("a: 1\n")
    holder = _holder(f, 30)
    holder.kill()
    holder.wait()
    assert (tmp_path / ".case.yaml.lock").exists()
    write_atomic(f, "a: 2\n", expected=FileStamp.of(f), lock_timeout=1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.yaml"]
