"""The README's Quick start works as written on a fresh machine (issue 8): its
commands create and use a virtual environment (system pip refuses to install
outside one on Debian), it says which Python is needed, and CI (`.ci/run`)
runs exactly its test line."""

from __future__ import annotations

import re
import subprocess
import tomllib

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
QUICK_START = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]


def _ci_test_command() -> str:
    """The command `.ci/run` would eval, found by its own extraction line."""
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    extraction = next(line for line in script.splitlines() if line.startswith("test_command="))
    done = subprocess.run(
        ["bash", "-c", f'set -euo pipefail; {extraction}; printf %s "$test_command"'],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_ci_runs_the_quick_start_test_line() -> None:
    command = _ci_test_command()
    assert command and f"\n{command}\n" in QUICK_START
    assert command.startswith("python3 -m venv .venv && . .venv/bin/activate && ")
    assert 'pip install ".[test]" && python -m pytest' in command


def test_every_quick_start_install_uses_the_venv() -> None:
    commands = re.findall(r"```\n(.*?)\n```", QUICK_START, re.S)
    installs = [c for c in commands if "pip install" in c]
    assert len(installs) == 2
    for command in installs:
        assert command.startswith("python3 -m venv .venv && . .venv/bin/activate && pip install ")


def test_the_quick_start_says_which_python() -> None:
    needed = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "requires-python"
    ]
    assert needed == ">=3.11" and "Python 3.11 or newer" in QUICK_START
