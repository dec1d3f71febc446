"""The `assess` process ends without the interpreter's teardown (`cli.entry`):
what it prints still arrives whole, its exit code is main's, and a reader that
stops early (a closed pipe) gets no traceback nor 'Exception ignored'."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import DEFAULT_CASE, ROOT
from tests.tui.bigcase import big_case_data

ASSESS = [sys.executable, "-m", "assess"]


def test_the_whole_output_arrives_through_a_pipe_with_mains_code() -> None:
    done = subprocess.run([*ASSESS, "score", str(DEFAULT_CASE), "-f", "json"], capture_output=True, cwd=ROOT)
    assert done.returncode == 0 and done.stderr == b""
    assert json.loads(done.stdout)["ranking"]  # all of it: it parses
    bad = subprocess.run([*ASSESS, "check", str(ROOT / "no-such.yaml")], capture_output=True, cwd=ROOT)
    assert bad.returncode == 2 and b"no-such.yaml:1:1: " in bad.stdout


def test_a_reader_that_stops_early_gets_no_error(tmp_path: Path) -> None:
    """`assess score BIG -f json | head -c 1`: more than a pipe holds, so the
    pipe closes while assess still writes."""
    big = tmp_path / "big.yaml"
    big.write_text(yaml.safe_dump(big_case_data(200, 40), sort_keys=False), encoding="utf-8")
    reader = subprocess.Popen(["head", "-c", "1"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    done = subprocess.run(
        [*ASSESS, "score", str(big), "-f", "json", "--method", "all"],
        stdout=reader.stdin,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert reader.stdin is not None
    reader.stdin.close()
    reader.wait(timeout=30)
    assert done.stderr == b"" and done.returncode == 0
