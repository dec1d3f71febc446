"""What the hostile-input tests share: a copy of the bundled layout, the CLI
run in this process or in a child whose peak memory is measured."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT

MEMORY_LIMIT_MB = 300
"""Every refusal within 300 MB (issue 9). A bare `python -c 'import assess.cli'`
takes about 40 MB here."""

HANG_GUARD_S = 60
"""Not a timing: a child still running after this long is hung (a FIFO read)."""

POSITION = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<message>.+)$")


def project(folder: Path) -> Path:
    """A copy of the bundled layout in `folder`: criteria.yaml, sources/, cases/."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "criteria.yaml", folder / "criteria.yaml")
    shutil.copytree(ROOT / "sources", folder / "sources")
    shutil.copytree(ROOT / "cases", folder / "cases")
    return folder


def edit(path: Path, old: str, new: str, count: int = 1) -> Path:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    return next(
        i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line
    )


@dataclass(frozen=True)
class Child:
    code: int
    out: str
    err: str
    peak_mb: float
    """The child's peak resident memory."""


def run_child(*args: str, cwd: Path | None = None) -> Child:
    """`python -m assess ARGS` in a child process, its own peak memory measured
    (wait4's rusage: this child's, not the maximum over all children so far)."""
    cmd = [sys.executable, "-m", "assess", *args]
    env = {**os.environ, "COLUMNS": "100"}
    env.pop("ASSESS_DEBUG", None)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen(
            cmd, cwd=cwd or ROOT, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err
        )
        stop = time.monotonic() + HANG_GUARD_S
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > stop:
                child.kill()
                os.wait4(child.pid, 0)
                child.returncode = -9
                raise AssertionError(f"assess {' '.join(args)} still running after {HANG_GUARD_S} s")
            time.sleep(0.02)
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        texts = [f.read().decode("utf-8", "replace") for f in (out, err)]
    return Child(child.returncode, texts[0], texts[1], usage.ru_maxrss / 1024)


def refusals(text: str) -> list[tuple[str, int, int, str]]:
    """(file, line, column, message) of each `FILE:LINE:COL: message` line; a
    line without a position fails the test."""
    found = []
    for line in text.splitlines():
        m = POSITION.match(line)
        assert m, f"not FILE:LINE:COL: message: {line!r}"
        found.append((m["file"], int(m["line"]), int(m["col"]), m["message"]))
    return found
