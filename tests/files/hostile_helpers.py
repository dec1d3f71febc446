"""What the hostile-input tests share: a copy of the bundled layout, the CLI
run in this process or in a child whose peak memory is measured."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
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


LAUNCHER = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.executable, [sys.executable, *sys.argv[2:]])
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as f:
    f.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""
"""A small Python that starts `assess` and writes its peak memory to a file.

Linux keeps a process's peak resident memory across `exec`, and a child
forked from a test process that has grown (a pytest-xdist worker after
hundreds of tests: 300 MB) starts at the parent's size: measured from here,
the peak would be the worker's. Forked from this fresh launcher (~10 MB),
it is the command's own."""


def run_child(*args: str, cwd: Path | None = None) -> Child:
    """`python -m assess ARGS` in a child process, its own peak memory measured
    (wait4's rusage of a child of a fresh launcher: `LAUNCHER`)."""
    env = {**os.environ, "COLUMNS": "100"}
    env.pop("ASSESS_DEBUG", None)
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryDirectory() as tmp,
    ):
        peak = Path(tmp) / "peak"
        cmd = [sys.executable, "-c", LAUNCHER, str(peak), "-m", "assess", *args]
        child = subprocess.Popen(
            cmd,
            cwd=cwd or ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            start_new_session=True,
        )
        try:
            code = child.wait(timeout=HANG_GUARD_S)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, 9)
            child.wait()
            raise AssertionError(f"assess {' '.join(args)} still running after {HANG_GUARD_S} s") from None
        out.seek(0)
        err.seek(0)
        texts = [f.read().decode("utf-8", "replace") for f in (out, err)]
        peak_kb = int(peak.read_text()) if peak.exists() else 0
    return Child(code, texts[0], texts[1], peak_kb / 1024)


def refusals(text: str) -> list[tuple[str, int, int, str]]:
    """(file, line, column, message) of each `FILE:LINE:COL: message` line; a
    line without a position fails the test."""
    found = []
    for line in text.splitlines():
        m = POSITION.match(line)
        assert m, f"not FILE:LINE:COL: message: {line!r}"
        found.append((m["file"], int(m["line"]), int(m["col"]), m["message"]))
    return found
