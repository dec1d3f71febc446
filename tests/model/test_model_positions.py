"""The new blocks' refusals reach the planner as FILE:LINE:COL: message, exit code 2.

One run of `assess check` on a file with a mistake in each block: the union tags
of statements and steps must not show in the paths, and each error must point at
the value at fault."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BAD = """\
title: Small
criteria:
  use: [gain, risk]
  local:
    - {id: gain, name: Gain, family: driver, direction: benefit}
    - {id: risk, name: Risk, family: constraint, direction: cost, veto: {threshold: 4, applies_to: high}}
options:
  - {id: a, name: A}
  - {id: b, name: B}
weights:
  method: direct
  points: {gain: 60, risk: 40}
  statements:
    - order: [gain, risk]
      by: anna
    - interval: {criterion: gain, min: 0.6, max: 0.2}
    - exakt: {criterion: risk, weight: 0.4}
    - ratio: {criterion: gain, to: risk, min: 0}
  record:
    - {step: swing_ratin, criterion: risk, rating: 50}
scores:
  a: {gain: {value: 5}, risk: {value: 1}}
  b: {gain: {value: 3, basis: evidence}, risk: {value: 2}}
resources:
  money: {name: Money}
budget: {money: -1}
costs:
  a:
    money: {value: 3, low: 4}
rules:
  requires: [{option: a, needs: a}]
"""

EXPECTED = [
    "16:17: interval: min 0.6 is above max 0.2 (at weights.statements.1.interval)",
    "17:7: a statement needs one of the keys order, interval, ratio, exact; it has exakt"
    " (did you mean 'exact'?) (at weights.statements.2)",
    "18:47: a ratio bound is above 0, not 0 (at weights.statements.3.ratio.min)",
    "20:7: unknown step 'swing_ratin' (did you mean 'swing_rating'?); one of swing_order,"
    " swing_rating, pairwise, tradeoff, statement, withdrawal (at weights.record.0)",
    "26:17: a budget is never negative, not -1 (at budget.money)",
    "29:28: low 4 is above the value 3 (at costs.a.money.low)",
    "31:14: 'a' cannot require itself (at rules.requires.0)",
]


def check(path: Path, text: str) -> subprocess.CompletedProcess[str]:
    """`assess check` on `text` written to `path`, in a process of its own."""
    path.write_text(text, encoding="utf-8")
    cmd = [sys.executable, "-m", "assess", "check", str(path)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def test_each_refusal_is_placed_at_its_value(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    run = check(path, BAD)
    assert run.returncode == 2, run.stderr
    lines = [line.removeprefix(f"{path}:") for line in (run.stdout + run.stderr).splitlines()]
    assert lines == EXPECTED
    assert "Traceback" not in run.stderr


def test_the_same_file_put_right_passes(tmp_path: Path) -> None:
    good = (
        BAD.replace("min: 0.6, max: 0.2", "min: 0.2, max: 0.6")
        .replace("exakt:", "exact:")
        .replace("min: 0}", "min: 1}")
        .replace("swing_ratin", "swing_rating")
        .replace("money: -1", "money: 1")
        .replace("low: 4", "low: 2")
        .replace("needs: a", "needs: b")
    )
    run = check(tmp_path / "good.yaml", good)
    assert run.returncode == 0, run.stdout + run.stderr


def test_a_statement_left_out_to_read_on_does_not_shift_the_records_blame(tmp_path: Path) -> None:
    """The loader leaves out a broken statement to check the rest; the record's
    `statement: 3` then names no statement, which is its consequence, not an error."""
    text = (
        BAD.replace("exakt:", "exact:")
        .replace("min: 0}", "min: 1}")
        .replace("{step: swing_ratin, criterion: risk, rating: 50}", "{step: statement, statement: 3}")
    )
    run = check(tmp_path / "shifted.yaml", text)
    out = run.stdout + run.stderr
    assert run.returncode == 2 and "interval: min 0.6 is above max 0.2" in out
    assert "record" not in out
