"""The team's combined weights keep the statements every assessor's own view
satisfies (`assess.core.team.kept_statements`): checked by brute force on a
fine grid of each assessor's polytope, and through `assess dominance` and
`check` on the team view."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy as np
import pytest
import yaml

from assess.core.statements import kernel_statement, spec_weights, view_polytope
from assess.core.team import combine_weights, combined_breaches, kept_statements, team_weights
from assess.files.casefile import load_case
from assess.kernels.preferences import WeightPolytope
from assess.model import Weights
from tests.casegen import median_team_data
from tests.conftest import run_cli, small_case_data

IDS = ["gain", "reach", "risk"]
STEPS = 60
GRID = np.array(
    [(i / STEPS, j / STEPS, (STEPS - i - j) / STEPS) for i in range(STEPS + 1) for j in range(STEPS + 1 - i)]
)
"""Every weight vector of the simplex on a grid of step 1/60."""

CANDIDATES: list[dict] = [
    {"order": ["gain", "reach"]},
    {"order": ["reach", "gain"]},
    {"order": ["gain", "reach", "risk"]},
    {"order": ["gain", ["reach", "risk"]]},
    {"interval": {"criterion": "gain", "min": 0.2}},
    {"interval": {"criterion": "gain", "min": 0.4}},
    {"interval": {"criterion": "risk", "max": 0.4}},
    {"interval": {"criterion": "reach", "min": 0.1, "max": 0.5}},
    {"ratio": {"criterion": "gain", "to": "risk", "min": 1}},
    {"ratio": {"criterion": "gain", "to": "reach", "min": 1.5, "max": 3}},
    {"exact": {"criterion": "risk", "weight": 0.2}},
]

VIEWS: dict[str, dict] = {
    "ann": {"method": "statements", "statements": [CANDIDATES[2], CANDIDATES[5]]},
    "bob": {"method": "statements", "statements": [CANDIDATES[0], CANDIDATES[6], CANDIDATES[8]]},
    "cy": {
        "method": "direct",
        "points": {"gain": 50, "reach": 30, "risk": 20},
        "statements": [CANDIDATES[9]],
    },
    "dee": {"method": "direct", "points": {"gain": 45, "reach": 25, "risk": 30}},
    "eve": {"method": "statements", "statements": [CANDIDATES[3], CANDIDATES[10]]},
}


def _allowed(spec: Weights) -> np.ndarray:
    """The grid points of an assessor's polytope, or their point weights alone."""
    if not spec.statements:
        return np.array([[spec_weights(spec, IDS).weights[c] for c in IDS]])
    polytope = view_polytope(IDS, spec.statements).polytope
    inside = [w for w in GRID if not polytope.violated_by(w, tol=1e-12)]
    return np.array(inside)


def _holds(statement, points: np.ndarray) -> bool:
    kernel = kernel_statement(statement, {c: j for j, c in enumerate(IDS)})
    assert kernel is not None
    polytope = WeightPolytope(len(IDS), [kernel])
    return all(not polytope.violated_by(w, tol=1e-12) for w in points)


@pytest.mark.parametrize("team", [c for n in (2, 3) for c in itertools.combinations(VIEWS, n)])
def test_kept_hold_on_every_assessors_grid_and_dropped_fail_on_one(team: tuple[str, ...]) -> None:
    specs = [Weights.model_validate(VIEWS[a]) for a in team]
    grids = [_allowed(s) for s in specs]
    # the grid must hit each polytope often enough to tell (the exact weight's face too)
    assert all(len(g) >= 1 for g in grids)
    got = kept_statements(specs, IDS, by=list(team))
    said = [s for spec in specs for s in spec.statements]
    assert got.said == len(said)
    kept_texts = {repr(s.model_dump(exclude={"by"})) for s in got.kept}
    for statement in said:
        key = repr(statement.model_dump(exclude={"by"}))
        every = all(_holds(statement, g) for g in grids)
        assert (key in kept_texts) == every, (statement, team)


def test_a_duplicate_is_kept_once_with_both_names_and_the_mean_satisfies_every_kept_one() -> None:
    order = {"order": ["gain", "reach"], "rationale": "gain first"}
    specs = [
        Weights.model_validate({"method": "statements", "statements": [order]}),
        Weights.model_validate(
            {"method": "direct", "points": {"gain": 6, "reach": 3, "risk": 1}, "statements": [order]}
        ),
    ]
    got = kept_statements(specs, IDS, by=["ann", "bob"])
    assert [(s.by, s.rationale) for s in got.kept] == [("ann, bob", "gain first")] and got.said == 2
    team = combine_weights(specs, "mean", IDS, by=["ann", "bob"])
    assert "keeps 1 of the assessors' 2 weight statements" in team.elicitation
    assert combined_breaches(team, IDS) == []


def test_a_statement_said_with_its_author_keeps_that_name() -> None:
    specs = [
        Weights.model_validate(
            {"method": "statements", "statements": [{"order": ["gain", "reach"], "by": "Ann S."}]}
        ),
        Weights.model_validate({"method": "direct", "points": {"gain": 6, "reach": 3, "risk": 1}}),
    ]
    assert [s.by for s in kept_statements(specs, IDS, by=["ann", "bob"]).kept] == ["Ann S."]


def _median_team(tmp_path: Path) -> Path:
    data = median_team_data()
    path = tmp_path / "median.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def test_the_median_can_break_a_kept_statement_and_check_says_so(capsys, tmp_path: Path) -> None:
    path = _median_team(tmp_path)
    case = load_case(path).case
    team = team_weights(case, list(case.criteria.use))
    assert team is not None and [s.by for s in team.statements] == ["ann, bob, cy"]
    assert "keeps 1 of the assessors' 3 weight statements" in team.elicitation
    assert team.points == {"c0": 0.25, "c1": 0.0, "c2": 0.0, "c3": 0.0}
    broken = combined_breaches(team, list(case.criteria.use))
    assert broken == [
        "the team's combined weights break the kept statement c0 at most 25 % of the weight"
        " (said by ann, bob, cy): c0's share is 100 %, above the max 25 % by 75 %"
    ]
    code, out, err = run_cli(capsys, "check", path)
    assert code == 0, err
    assert "break the kept statement" in " ".join((out + err).split())
    # the mean of the same weights keeps the statement and satisfies it
    mean = combine_weights(
        [a.weights for a in case.assessors.values() if a.weights], "mean", list(case.criteria.use)
    )
    assert len(mean.statements) == 1 and combined_breaches(mean, list(case.criteria.use)) == []


def _team_case(tmp_path: Path, views: dict[str, dict]) -> Path:
    data = small_case_data()
    del data["weights"]
    data["assessors"] = {aid: {"name": aid.upper(), "weights": w} for aid, w in views.items()}
    path = tmp_path / "team.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def test_the_team_view_runs_dominance_under_the_kept_statements(capsys, tmp_path: Path) -> None:
    path = _team_case(
        tmp_path,
        {
            "ann": {
                "method": "statements",
                "statements": [{"order": ["gain", "reach"]}, {"interval": {"criterion": "gain", "min": 0.5}}],
            },
            "bob": {
                "method": "direct",
                "points": {"gain": 60, "reach": 30, "risk": 10},
                "statements": [{"order": ["gain", "reach", "risk"]}],
            },
        },
    )
    code, out, err = run_cli(capsys, "dominance", path, "--format", "json")
    assert code == 0, err
    # ann's order follows from bob's; her gain >= 50 % does not, nor bob's reach >= risk from hers
    assert [s["text"] for s in json.loads(out)["weights"]["statements"]] == ["Gain >= Reach"]
    code, out, _ = run_cli(capsys, "dominance", path)
    assert "Gain >= Reach" in " ".join(out.split()) and "Risk" not in out.split("Gain >= Reach")[0][-40:]
    code, out, _ = run_cli(capsys, "dominance", path, "--assessor", "ann", "--format", "json")
    assert len(json.loads(out)["weights"]["statements"]) == 2


def test_assess_team_says_which_statements_the_team_keeps(capsys, tmp_path: Path) -> None:
    path = _team_case(
        tmp_path,
        {
            "ann": {"method": "statements", "statements": [{"order": ["gain", "reach"]}]},
            "bob": {"method": "direct", "points": {"gain": 60, "reach": 30, "risk": 10}},
        },
    )
    code, out, err = run_cli(capsys, "team", path, "--format", "json")
    assert code == 0, err
    assert json.loads(out)["kept_statements"] == {"said": 1, "kept": [{"text": "Gain >= Reach", "by": "ann"}]}
    code, out, _ = run_cli(capsys, "team", path)
    assert (
        "The team's combined weights keep 1 of the assessors' 1 weight statements, those every "
        "assessor's own weights satisfy: Gain >= Reach (said by ANN)." in " ".join(out.split())
    )
