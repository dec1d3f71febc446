"""Running every command on a file the way a user would, and telling a bug
from a refusal.

A refusal is the project's own error: exit code 2 with `FILE:LINE:COL:
message` lines. Anything else raised (ASSESS_DEBUG=1 makes the CLI re-raise
what it would report as an internal error), exit code 1, or a terminal escape
in what a command prints or writes, is a bug.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

from assess.cli import main
from assess.errors import InputError
from tests.conftest import ROOT

PROBLEM_LINE = re.compile(r"^.+?(:\d+:\d+)?: .+$")


def make_project(folder: Path) -> Path:
    """A copy of the bundled layout (criteria.yaml, sources/, cases/) in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "criteria.yaml", folder / "criteria.yaml")
    shutil.copytree(ROOT / "sources", folder / "sources")
    shutil.copytree(ROOT / "cases", folder / "cases")
    return folder


def run(argv: list[str]) -> tuple[int, str, str]:
    """`assess ARGV` in this process: (exit code, stdout, stderr); raises what
    the CLI would report as an internal error."""
    out, err = io.StringIO(), io.StringIO()
    old = os.environ.get("ASSESS_DEBUG")
    os.environ["ASSESS_DEBUG"] = "1"
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    finally:
        if old is None:
            os.environ.pop("ASSESS_DEBUG", None)
        else:
            os.environ["ASSESS_DEBUG"] = old
    return code, out.getvalue(), err.getvalue()


def check_output(argv: list[str], code: int, out: str, err: str) -> None:
    """Raise AssertionError unless this is a success or a clean refusal."""
    shown = f"assess {' '.join(argv)[:200]}"
    if argv[0] == "check":  # `check` prints its findings on stdout
        err = out + err
    assert code in (0, 2), f"{shown}: exit {code}\n{err[-2000:]}"
    assert "Traceback" not in err, f"{shown}: a traceback\n{err[-2000:]}"
    assert "\x1b" not in out + err, f"{shown}: a terminal escape in the output"
    if code == 2:
        lines = [line for line in err.splitlines() if line.strip()]
        assert lines, f"{shown}: exit 2 and nothing said"
        assert all(PROBLEM_LINE.match(line) for line in lines), f"{shown}: {err[:500]}"


def commands(case: Path, views: list[str], assessors: list[str], out: Path) -> list[list[str]]:
    """Every command (and output format) worth running on a case that loads."""
    c = str(case)
    runs = [
        ["check", c],
        ["score", c],
        ["score", c, "--method", "all", "--format", "json"],
        ["score", c, "--format", "csv"],
        ["score", c, "--format", "markdown"],
        ["sensitivity", c, "--samples", "40"],
        ["sensitivity", c, "--samples", "40", "--format", "json"],
        ["sensitivity", c, "--samples", "40", "--format", "markdown"],
        ["compare", c, c],
        ["report", c, "-o", str(out / "r.html"), "--samples", "40"],
        ["report", c, "-o", str(out / "r.md"), "--samples", "40"],
    ]
    for name in views[1:3]:
        runs.append(["score", c, f"--scenario={name}", "--method", "all"])
        runs.append(["sensitivity", c, f"--scenario={name}", "--samples", "40", "--format", "json"])
    if len(views) > 1 and not any(v.startswith("-") for v in views):
        runs.append(["compare", c, "--scenarios", *views[:3]])
    partner = case.with_name("boris.yaml" if case.parent.name == "team_example" else "security_first.yaml")
    merged = str(case.with_name("merged.yaml"))
    runs.append(["merge", c, str(partner), "-o", merged, "--force", "--names", "fuzz,other"])
    runs.append(["check", merged])
    if assessors:
        runs.append(["team", c])
        runs.append(["team", c, "--format", "json"])
        runs.append(["score", c, f"--assessor={assessors[0]}"])
    return runs


def exercise(case: Path, out: Path, on_step: Callable[[list[str]], None] | None = None) -> bool:
    """Load `case`; if it loads, run every command on it. True if it loaded.
    Raises on a bug (see the module's docstring)."""
    from assess.io.casefile import load_case

    try:
        loaded = load_case(case)
    except InputError as err:
        assert err.problems and all(str(p) for p in err.problems)
        argv = ["check", str(case)]
        check_output(argv, *run(argv))
        return False
    views = [loaded.case.baseline, *loaded.case.scenarios]
    assessors = list(loaded.case.assessors)
    for argv in commands(case, views, assessors, out):
        if on_step:
            on_step(argv)
        check_output(argv, *run(argv))
    for written in out.glob("r.*"):
        assert "\x1b" not in written.read_text(encoding="utf-8"), f"{written}: a terminal escape"
    return True
