"""Starting the UI: bad case files are reported before Textual starts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assess.errors import InputError
from assess.tui.app import run_app


def _bad_files(tmp_path: Path) -> list[Path]:
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: [not closed\n", encoding="utf-8")
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text("title: Wrong\ncriteria:\n  use: [a]\noptions: []\n", encoding="utf-8")
    return [broken, wrong]


def test_run_app_raises_every_problem_before_starting(tmp_path: Path) -> None:
    paths = _bad_files(tmp_path)
    with pytest.raises(InputError) as caught:
        run_app([str(p) for p in paths])
    files = {Path(p.file).name for p in caught.value.problems}
    assert files == {"broken.yaml", "wrong.yaml"}
    assert all(p.line > 0 for p in caught.value.problems)


def test_assess_open_exits_2_with_file_line_col(tmp_path: Path) -> None:
    paths = _bad_files(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "assess", "open", *map(str, paths)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert lines[0].startswith(f"{paths[0]}:2:1: "), done.stderr
    assert lines[1].startswith(f"{paths[1]}:4:10: ") and done.stdout == ""
