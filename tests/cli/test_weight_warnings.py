"""Weight warnings in `check` and `score` (issue 8): inconsistent AHP
judgements (CR > 0.1, Saaty 1980) and a team rule 'geometric' that cannot
apply warn on stderr at the place in the file, and change no exit code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assess.core.team import geometric_fallback, team_weights
from assess.model import Case
from tests.conftest import run_cli as run

CASE = """\
title: AHP
criteria:
  use: [a, b, c]
  local:
    - {id: a, name: A, family: driver, direction: benefit}
    - {id: b, name: B, family: driver, direction: benefit}
    - {id: c, name: C, family: constraint, direction: cost}
options:
  - {id: x, name: X}
  - {id: y, name: Y}
weights:
  method: ahp
  pairwise:
    - {a: a, b: b, ratio: %s}
    - {a: b, b: c, ratio: 3}
    - {a: a, b: c, ratio: %s}
scores:
  x: {a: {value: 1}, b: {value: 2}, c: {value: 3}}
  y: {a: {value: 2}, b: {value: 1}, c: {value: 1}}
"""

TEAM = """\
title: Team
criteria:
  use: [a, b]
  local:
    - {id: a, name: A, family: driver, direction: benefit}
    - {id: b, name: B, family: driver, direction: benefit}
options:
  - {id: x, name: X}
  - {id: y, name: Y}
assessors:
  ann:
    name: Ann
    weights: {method: ahp, pairwise: [{a: a, b: b, ratio: 3}]}
    scores: {x: {a: {value: 1}, b: {value: 2}}, y: {a: {value: 2}, b: {value: 1}}}
  bob:
    name: Bob
    weights: %s
    scores: {x: {a: {value: 1}, b: {value: 2}}, y: {a: {value: 2}, b: {value: 1}}}
team:
  weights: geometric
"""


@pytest.mark.parametrize("command", ["check", "score"])
def test_inconsistent_ahp_warns(capsys, tmp_path: Path, command: str) -> None:
    """a = 3 b and b = 3 c, but c = 3 a: CR far above 0.1."""
    f = tmp_path / "ahp.yaml"
    f.write_text(CASE % (3, "0.3333"))
    code, out, err = run(capsys, command, f)
    assert code == 0, err
    m = re.search(
        r"ahp\.yaml:14:5: warning: The pairwise comparisons are inconsistent: "
        r"consistency ratio CR = (\d\.\d+) is above 0\.1",
        err,
    )
    assert m and float(m.group(1)) > 0.1, err
    assert "(at weights.pairwise)" in err and "warning" not in out
    assert ("ok" in out) == (command == "check")


@pytest.mark.parametrize("command", ["check", "score"])
def test_consistent_ahp_is_quiet(capsys, tmp_path: Path, command: str) -> None:
    f = tmp_path / "ahp.yaml"
    f.write_text(CASE % (3, 9))  # a = 3 b = 9 c: perfectly consistent
    code, _, err = run(capsys, command, f)
    # check also lints this bare case (no basis, no reference...): those are not about the weights
    assert code == 0 and not_lints(err) == []


def test_a_scenario_is_checked_too(capsys, tmp_path: Path) -> None:
    f = tmp_path / "ahp.yaml"
    judgements = "    pairwise: [{a: a, b: b, ratio: 3}, {a: b, b: c, ratio: 3}, {a: a, b: c, ratio: 0.2}]\n"
    extra = "scenarios:\n  later:\n    name: Later\n    weights:\n      method: ahp\n" + "  " + judgements
    f.write_text(CASE % (3, 9) + extra)
    code, _, err = run(capsys, "score", f, "--scenario", "later")
    assert code == 0
    assert re.search(r"ahp\.yaml:25:\d+: warning: The pairwise comparisons are inconsistent", err), err
    assert "(at scenarios.later.weights.pairwise)" in err


def test_geometric_falls_back_to_the_mean_and_says_so(capsys, tmp_path: Path) -> None:
    f = tmp_path / "team.yaml"
    f.write_text(TEAM % "{method: direct, points: {a: 1, b: 3}}")
    code, out, err = run(capsys, "check", f)
    assert code == 0 and "team.yaml: ok" in out
    assert "team.yaml:20:12: warning: team weights 'geometric' combine AHP pairwise judgements" in err
    assert "Bob (direct)" in err and "the mean of the assessors' normalised weights" in err
    code, out, err = run(capsys, "score", f, "--format", "json")
    assert code == 0 and "warning: team weights 'geometric'" in err
    case = Case.model_validate(_data(f))
    spec = team_weights(case, ["a", "b"])
    assert spec is not None and spec.elicitation.startswith("mean of 2 assessors' weights")
    assert spec.points == {"a": 0.5, "b": 0.5}  # (3/4 + 1/4) / 2 each


def test_geometric_of_ahp_judgements_is_quiet(capsys, tmp_path: Path) -> None:
    f = tmp_path / "team.yaml"
    f.write_text(TEAM % "{method: ahp, pairwise: [{a: a, b: b, ratio: 0.5}]}")
    code, _, err = run(capsys, "check", f)
    assert code == 0 and not_lints(err) == []
    case = Case.model_validate(_data(f))
    assert geometric_fallback(case) is None
    spec = team_weights(case, ["a", "b"])
    assert spec is not None and spec.method == "ahp"
    assert spec.pairwise and spec.pairwise[0].ratio == pytest.approx((3 * 0.5) ** 0.5)


def test_agreed_weights_make_the_team_rule_moot(capsys, tmp_path: Path) -> None:
    f = tmp_path / "team.yaml"
    text = TEAM % "{method: direct, points: {a: 1, b: 3}}"
    f.write_text(text.replace("assessors:", "weights: {points: {a: 1, b: 1}}\nassessors:"))
    code, _, err = run(capsys, "check", f)
    assert code == 0 and not_lints(err) == []


def not_lints(err: str) -> list[str]:
    """The warnings other than check's lints (`warning: [rule] ...`), which a bare case has."""
    return [line for line in err.splitlines() if "warning: [" not in line]


def _data(path: Path) -> dict:
    import yaml

    return yaml.safe_load(path.read_text())
