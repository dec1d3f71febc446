"""A real `assess serve` in a subprocess, for the tests in this folder.

Start it on a copy of the default case, read the link (with its token) it prints,
find the processes it started, and make sure none is left behind.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
LINK = re.compile(r"^Serving .* at (http://\S+/\?token=([A-Za-z0-9_-]+))  \(Ctrl\+C to stop\)$", re.M)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def copy_default_case(into: Path) -> Path:
    """The default case with what it refers to (../criteria.yaml, ../sources/)."""
    (into / "cases").mkdir(parents=True)
    case = into / "cases" / "ai_cooperation.yaml"
    shutil.copy2(ROOT / "cases" / "ai_cooperation.yaml", case)
    shutil.copy2(ROOT / "criteria.yaml", into / "criteria.yaml")
    shutil.copytree(ROOT / "sources", into / "sources")
    return case


def start_server(case: Path, port: int, log: Path, *options: str) -> subprocess.Popen[bytes]:
    """`python -m assess serve CASE --port PORT [OPTIONS]` from this checkout, in its own process group."""
    with log.open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "assess", "serve", str(case), "--port", str(port), *options],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )


def wait_for_link(server: subprocess.Popen[bytes], log: Path, timeout: float = 15) -> tuple[str, str]:
    """(link, token) once the server has printed its link and answers on its port."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"assess serve exited with {server.returncode}:\n{log.read_text()}")
        if found := LINK.search(log.read_text(errors="replace")):
            try:
                with urllib.request.urlopen(found.group(1).split("?")[0], timeout=1):
                    pass
            except urllib.error.HTTPError:  # 403 without the token: it answers
                return found.group(1), found.group(2)
            except OSError:
                pass
        time.sleep(0.1)
    pytest.fail(f"assess serve did not print its link and answer within {timeout} s:\n{log.read_text()}")


def processes_of(markers: list[str], pgid: int) -> list[str]:
    """Live processes (not zombies) whose command line names a marker, or in process group `pgid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            stat = (entry / "stat").read_text()
        except OSError:  # ended meanwhile
            continue
        state, _, group = stat.rsplit(")", 1)[1].split()[:3]
        if state != "Z" and (any(m in cmdline for m in markers) or int(group) == pgid):
            found.append(f"{entry.name}: {cmdline.strip()}")
    return found


def apps_of(case: Path) -> list[str]:
    """The `assess open CASE` processes running (each served tab has one)."""
    return [p for p in processes_of([str(case)], -1) if " open " in p]


def end_leftovers(markers: list[str], pgid: int) -> list[str]:
    """Processes still there after 5 s (see `processes_of`), ended so a failure leaves nothing."""
    deadline = time.monotonic() + 5
    while (left := processes_of(markers, pgid)) and time.monotonic() < deadline:
        time.sleep(0.2)
    for line in left:
        try:
            os.kill(int(line.split(":")[0]), signal.SIGKILL)
        except ProcessLookupError:
            pass
    return left


def stop(server: subprocess.Popen[bytes], sig: int, timeout: float) -> int | None:
    try:
        os.killpg(server.pid, sig)
    except ProcessLookupError:
        pass
    try:
        return server.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
