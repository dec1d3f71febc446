"""The real `assess` command in a real terminal (tmux): open a copy of the
default case, change a score, save, quit; check the screen and the file."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from assess.io.casefile import load_case

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None, reason="tmux is not installed (CI installs it: .ci/run)"
)


def _assess_command() -> str:
    """The installed `assess`, or this Python running the package."""
    found = shutil.which("assess")
    return shlex.quote(found) if found else f"{shlex.quote(sys.executable)} -m assess"


class Tmux:
    def __init__(self) -> None:
        self.socket = f"assess-test-{uuid.uuid4().hex[:8]}"

    def run(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args], capture_output=True, text=True, timeout=10
        )
        return done.stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "app")

    def wait_for(self, check: Callable[[str], bool], timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.screen()
            if check(text):
                return text
            time.sleep(0.1)
        size = self.run("display", "-p", "-t", "app", "#{window_width}x#{window_height}")
        raise AssertionError(f"timed out at {size}; the screen shows:\n{self.screen()}")

    def running(self) -> bool:
        return (
            subprocess.run(
                ["tmux", "-L", self.socket, "has-session", "-t", "app"], capture_output=True, timeout=10
            ).returncode
            == 0
        )


def test_change_a_score_save_and_quit(workspace_case: Path) -> None:
    before = load_case(workspace_case).case.scores["megascience"]["competence"].value
    tmux = Tmux()
    # COLUMNS/LINES can leak into tmux's environment and override the pane's size.
    command = (
        f"cd {shlex.quote(str(workspace_case.parent))} && env -u COLUMNS -u LINES "
        f"COLORTERM=truecolor {_assess_command()} open {workspace_case.name}"
    )
    env_path = os.environ.get("PATH", "")
    try:
        # The pane starts idle; the app is started in it once the pane has its
        # size (an app started at once can read 80x24 before tmux resizes).
        tmux.run("new-session", "-d", "-s", "app", "-x", "120", "-y", "40", "cat")
        size = "#{pane_width}x#{pane_height}"
        tmux.wait_for(lambda _: tmux.run("display", "-p", "-t", "app", size).strip() == "120x40")
        tmux.run("respawn-pane", "-k", "-t", "app", f"PATH={shlex.quote(env_path)} {command}")
        tmux.wait_for(lambda s: "Ranking · 2019" in s and "Evidence" in s)
        tmux.run("send-keys", "-t", "app", "-")
        screen = tmux.wait_for(lambda s: "● modified" in s)
        assert f"{before - 0.5:g} (" in screen  # the value, then its range as it is
        tmux.run("send-keys", "-t", "app", "C-s")
        screen = tmux.wait_for(lambda s: "● modified" not in s)
        assert "ai_cooperation.yaml · 2019" in screen
        tmux.run("send-keys", "-t", "app", "C-q")
        deadline = time.monotonic() + 15
        while tmux.running() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not tmux.running(), "assess did not quit"
    finally:
        tmux.run("kill-server")
    saved = load_case(workspace_case).case.scores["megascience"]["competence"]
    assert saved.value == before - 0.5
