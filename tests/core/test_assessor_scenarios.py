"""Each assessor's own view of a scenario (`assessors.<id>.scenarios`): the
view (scenario, assessor) is theirs, the team's view of the scenario is the
aggregate of theirs, and validation, vetoes, bases and lints read them."""

from __future__ import annotations

import copy

import pytest

from assess.core.basis import cell_basis
from assess.core.lint import lint_case
from assess.core.scoring import score_wsm
from assess.core.validate import check_case
from assess.core.view import resolve
from assess.model import Case
from tests.conftest import small_case_data


def team_data() -> dict:
    """Two assessors who scored the baseline alike and re-scored a later
    scenario differently: Ann raises A's risk to 3, Bo to 5 (beyond the veto line 4)."""
    data = small_case_data()
    scores = data.pop("scores")
    data["scenarios"] = {"later": {"name": "Later"}}
    later_ann = {"a": {"risk": {"value": 3, "basis": "judgement"}}}
    later_bo = {"a": {"risk": {"value": 5, "low": 4.5, "basis": "judgement"}}}
    data["assessors"] = {
        "ann": {"name": "Ann", "scores": scores, "scenarios": {"later": {"scores": later_ann}}},
        "bo": {"name": "Bo", "scores": copy.deepcopy(scores), "scenarios": {"later": {"scores": later_bo}}},
    }
    return data


@pytest.fixture
def team() -> Case:
    return Case.model_validate(team_data())


def test_each_assessors_view_of_a_scenario_is_their_own_and_the_teams_is_the_mean(team: Case) -> None:
    def risk(assessor: str | None) -> float:
        view = resolve(team, None, "later", assessor)
        return float(view.scores[view.option_index["a"], view.criterion_index["risk"]])

    assert (risk("ann"), risk("bo"), risk(None)) == (3.0, 5.0, 4.0)
    assert resolve(team, None, "later").cell("a", "risk").range == (3.0, 5.0)
    assert resolve(team, None, None).cell("a", "risk").value == 1.0  # the baseline is untouched
    # a cell nobody re-scored is each one's baseline
    assert resolve(team, None, "later", "bo").cell("b", "risk").value == 2.0


def test_an_agreed_scenario_cell_wins_in_the_teams_view(team: Case) -> None:
    data = team_data()
    data["scenarios"]["later"]["scores"] = {"a": {"risk": {"value": 2, "basis": "judgement"}}}
    agreed = Case.model_validate(data)
    assert resolve(agreed, None, "later").cell("a", "risk").value == 2.0
    assert resolve(agreed, None, "later", "bo").cell("a", "risk").value == 5.0  # Bo's own still


def test_any_assessor_veto_reads_their_own_scenario_cells() -> None:
    data = team_data()
    data["criteria"]["local"][2]["veto"]["applies_to"] = "any_assessor"
    case = Case.model_validate(data)
    later = score_wsm(resolve(case, None, "later")).by_option()["a"]
    assert later.excluded and later.reasons[0].assessors == (("Bo", 5.0),)
    assert not score_wsm(resolve(case, None, None)).by_option()["a"].excluded


def test_bases_of_the_assessors_scenario_cells(team: Case) -> None:
    assert cell_basis(team, "later", "a", "risk", "bo") == "judgement"
    assert cell_basis(team, "later", "a", "risk") == "judgement"  # both re-scored it
    assert cell_basis(team, "later", "b", "risk") == "carried"  # nobody did


def test_an_unknown_scenario_or_cell_under_an_assessor_is_refused() -> None:
    data = team_data()
    data["assessors"]["bo"]["scenarios"]["ltr"] = {"scores": {}}
    data["assessors"]["ann"]["scenarios"]["later"]["scores"]["a"]["risc"] = {"value": 1}
    found = dict(check_case(Case.model_validate(data), None))
    assert "did you mean 'later'" in found[("assessors", "bo", "scenarios", "ltr")]
    assert "risc" in found[("assessors", "ann", "scenarios", "later", "scores", "a", "risc")]


def test_lints_read_each_assessors_view_of_the_scenario(team: Case) -> None:
    """silent-carry and no-driver-change per assessor, at their own scenario."""
    found = {(f.rule, f.path) for f in lint_case(team, None)}
    for who in ("ann", "bo"):
        assert ("silent-carry", ("assessors", who, "scenarios", "later")) in found
        assert ("no-driver-change", ("assessors", who, "scenarios", "later")) in found
    assert not any(path == ("scenarios", "later") for _, path in found)
