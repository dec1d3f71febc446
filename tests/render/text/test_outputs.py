"""Every `-o FILE` goes through one helper (`io.atomic.write_output`): it says
what it wrote, and refuses (exit 2, `FILE: message`, nothing written) an
output that is an input, a device, a FIFO, a folder, a symlink or in a missing
folder (issues 8 and 9)."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from tests.conftest import DEFAULT_CASE, ROOT
from tests.conftest import run_cli as _run

EXAMPLE = ROOT / "cases" / "team_example"
MERGE_INPUTS = [str(EXAMPLE / f"{n}.yaml") for n in ("anna", "boris")]
MATRIX = "option,a,b\n@direction,benefit,cost\nX,1,2\nY,2,1\n"


def _workspace(root: Path, name: str = DEFAULT_CASE.name) -> Path:
    (root / "cases").mkdir(parents=True)
    shutil.copy2(DEFAULT_CASE, root / "cases" / name)
    shutil.copy2(ROOT / "criteria.yaml", root / "criteria.yaml")
    shutil.copytree(ROOT / "sources", root / "sources")
    return root / "cases" / name


def _matrix(tmp_path: Path) -> Path:
    src = tmp_path / "m.csv"
    src.write_text(MATRIX, encoding="utf-8")
    return src


# -- saying what was written -----------------------------------------------------


def test_report_says_what_it_wrote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.md"
    code, said, _ = _run(capsys, "report", str(DEFAULT_CASE), "-s", "2025", "-o", str(out), "--samples", "0")
    size = out.stat().st_size
    assert code == 0 and said == f"wrote {out} ({size:,} bytes): Markdown report of scenario 2025\n"


def test_import_and_merge_say_what_they_wrote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = tmp_path / "m.yaml"
    code, said, _ = _run(capsys, "import", str(_matrix(tmp_path)), "-o", str(case))
    assert code == 0 and said == f"wrote {case} ({case.stat().st_size:,} bytes): 2 options, 2 criteria\n"
    team = tmp_path / "team.yaml"
    code, said, _ = _run(capsys, "merge", *MERGE_INPUTS, "-o", str(team))
    assert code == 0 and said.startswith(f"wrote {team} ({team.stat().st_size:,} bytes): merged 2 assessors")


# -- outputs that are refused ---------------------------------------------------


def test_merge_refuses_to_write_over_the_catalogue_its_inputs_cite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _workspace(tmp_path)
    shutil.copytree(EXAMPLE, tmp_path / "cases" / "team_example")
    inputs = [str(tmp_path / "cases" / "team_example" / f"{n}.yaml") for n in ("anna", "boris")]
    catalogue = tmp_path / "criteria.yaml"
    before = catalogue.read_bytes()
    code, _, err = _run(capsys, "merge", *inputs, "-o", str(catalogue), "--force")
    assert code == 2 and f"{catalogue}: is one of the inputs" in err and catalogue.read_bytes() == before


def test_an_output_that_is_the_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`report notes.md -o notes.md`, also spelled another way or through a
    hard link, and `import m.csv -o m.csv --force` keep their input."""
    case = _workspace(tmp_path, "notes.md")
    before = case.read_bytes()
    os.link(case, tmp_path / "alias.md")
    for spelled in (case, tmp_path / "cases" / ".." / "cases" / "notes.md", tmp_path / "alias.md"):
        code, _, err = _run(capsys, "report", str(case), "-o", str(spelled), "--samples", "0")
        assert code == 2 and f"{spelled}: is one of the inputs" in err
    assert case.read_bytes() == before
    src = _matrix(tmp_path)
    code, _, err = _run(capsys, "import", str(src), "-o", str(src), "--force")
    assert code == 2 and "is one of the inputs" in err and src.read_text(encoding="utf-8") == MATRIX


def test_a_fifo_is_refused_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "out.md"
    os.mkfifo(fifo)
    code, _, err = _run(capsys, "report", str(DEFAULT_CASE), "-o", str(fifo), "--samples", "0")
    assert code == 2 and f"{fifo}: is a FIFO (named pipe), not a regular file" in err
    fifo_yaml = tmp_path / "out.yaml"
    os.mkfifo(fifo_yaml)
    code, _, err = _run(capsys, "import", str(_matrix(tmp_path)), "-o", str(fifo_yaml), "--force")
    assert code == 2 and "FIFO" in err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and stat.S_ISFIFO(os.lstat(fifo_yaml).st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    null = tmp_path / "null.html"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    code, _, err = _run(capsys, "report", str(DEFAULT_CASE), "-o", str(null), "--samples", "0")
    assert code == 2 and "is a device" in err and stat.S_ISCHR(os.lstat(null).st_mode)


def test_a_symlink_is_refused_and_its_target_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    precious = tmp_path / "precious.html"
    precious.write_text("keep me")
    link = tmp_path / "link.html"
    link.symlink_to(precious)
    code, _, err = _run(capsys, "report", str(DEFAULT_CASE), "-o", str(link), "--samples", "0")
    assert code == 2 and "is a symbolic link" in err
    link.with_suffix(".yaml").symlink_to(precious)
    code, _, err = _run(capsys, "merge", *MERGE_INPUTS, "-o", str(link.with_suffix(".yaml")), "--force")
    assert code == 2 and "is a symbolic link" in err
    assert precious.read_text() == "keep me" and link.is_symlink()


@pytest.mark.parametrize("command", ["report", "import", "merge"])
def test_a_folder_or_a_missing_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    suffix = ".md" if command == "report" else ".yaml"
    args = {
        "report": ["report", str(DEFAULT_CASE), "--samples", "0"],
        "import": ["import", str(_matrix(tmp_path)), "--force"],
        "merge": ["merge", *MERGE_INPUTS, "--force"],
    }[command]
    folder = tmp_path / f"folder{suffix}"
    folder.mkdir()
    code, _, err = _run(capsys, *args, "-o", str(folder))
    assert code == 2 and f"{folder}: is a folder" in err and "Traceback" not in err
    missing = tmp_path / "missing" / f"out{suffix}"
    code, _, err = _run(capsys, *args, "-o", str(missing))
    assert code == 2 and f"no such folder: {missing.parent}" in err
    assert not missing.parent.exists()


def test_an_unwritable_output_is_a_clear_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file with another hard link is refused by the saving path, with its name."""
    out = tmp_path / "r.md"
    out.write_text("old")
    os.link(out, tmp_path / "r-link.md")
    code, _, err = _run(capsys, "report", str(DEFAULT_CASE), "-o", str(out), "--samples", "0")
    assert code == 2 and err.startswith(f"{out}: has 1 other hard link(s)") and out.read_text() == "old"
