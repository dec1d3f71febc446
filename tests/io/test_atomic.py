"""write_atomic: all or nothing, and never over someone else's change."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from assess.io.atomic import ConflictError, FileStamp, write_atomic


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


def test_failure_leaves_original_and_no_temp_file(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
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
