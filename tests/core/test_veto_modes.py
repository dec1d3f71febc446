"""Vetoes under uncertainty and for teams: `applies_to` value | high |
any_assessor in the core's exclusion, and the reason saying which applied."""

from __future__ import annotations

import copy

from assess.core.scoring import score_wsm
from assess.core.view import resolve
from assess.model import Case
from assess.render.explain import veto_sentences
from tests.conftest import small_case_data


def _case(applies_to: str, risk_b: dict, benefit: bool = False) -> Case:
    data = small_case_data()
    risk = data["criteria"]["local"][2]
    risk["veto"]["applies_to"] = applies_to
    if benefit:  # a benefit criterion vetoes below its line: its low end is the unfavourable one
        risk.update(direction="benefit", family="driver")
        risk["veto"]["threshold"] = 2
    data["scores"]["b"]["risk"] = risk_b
    return Case.model_validate(data)


def _excluded(
    case: Case, scenario: str | None = None, assessor: str | None = None
) -> dict[str, tuple[str, ...]]:
    result = score_wsm(resolve(case, None, scenario, assessor))
    return {r.option: veto_sentences(r.reasons) for r in result.ranking if r.excluded}


def test_value_mode_ignores_the_range() -> None:
    case = _case("value", {"value": 3.5, "low": 3, "high": 4.5})
    assert "b" not in _excluded(case)
    assert _excluded(case)["c"] == ("Risk 5 is above the veto threshold 4: too risky",)


def test_high_mode_excludes_what_could_be_beyond_the_line() -> None:
    case = _case("high", {"value": 3.5, "low": 3, "high": 4.5})
    assert _excluded(case)["b"] == ("Risk could be 4.5 (range 3-4.5), above the veto line 4: too risky",)


def test_high_mode_on_a_benefit_criterion_takes_the_low_end() -> None:
    case = _case("high", {"value": 3, "low": 1.5, "high": 4}, benefit=True)
    assert _excluded(case)["b"] == ("Risk could be 1.5 (range 1.5-4), below the veto line 2: too risky",)
    case = _case("value", {"value": 3, "low": 1.5, "high": 4}, benefit=True)
    assert "b" not in _excluded(case)


def test_high_mode_keeps_a_range_that_ends_on_the_line() -> None:
    assert "b" not in _excluded(_case("high", {"value": 3.5, "low": 3, "high": 4}))


def _team(applies_to: str, scores: dict[str, float]) -> Case:
    data = small_case_data()
    data["criteria"]["local"][2]["veto"]["applies_to"] = applies_to
    base = data.pop("scores")
    data["scores"] = {}
    data["assessors"] = {}
    for who, risk in scores.items():
        own = copy.deepcopy(base)
        own["b"]["risk"] = {"value": risk}
        data["assessors"][who] = {"name": who, "role": "analyst", "scores": own}
    return Case.model_validate(data)


def test_any_assessor_mode_one_objection_excludes() -> None:
    """The mean (3+3+4.5)/3 = 3.5 is within the line; boris alone is beyond it."""
    scores = {"anna": 3, "boris": 4.5, "chen": 3}
    assert "b" not in _excluded(_team("value", scores))
    reasons = _excluded(_team("any_assessor", scores))["b"]
    assert reasons == ("Risk: boris scores 4.5, above the veto line 4: too risky",)


def test_any_assessor_names_everyone_beyond_farthest_first() -> None:
    reasons = _excluded(_team("any_assessor", {"anna": 4.5, "boris": 3, "chen": 5}))["b"]
    assert reasons == ("Risk: chen scores 5 and anna 4.5, above the veto line 4: too risky",)


def test_any_assessor_in_one_assessors_view_is_their_score() -> None:
    case = _team("any_assessor", {"anna": 3, "boris": 4.5, "chen": 3})
    assert "b" not in _excluded(case, assessor="anna")
    assert _excluded(case, assessor="boris")["b"] == ("Risk 4.5 is above the veto threshold 4: too risky",)


def test_any_assessor_yields_to_a_scenario_cell() -> None:
    data = _team("any_assessor", {"anna": 3, "boris": 4.5, "chen": 3}).model_dump(exclude_unset=True)
    data["scenarios"] = {"later": {"name": "Later", "scores": {"b": {"risk": {"value": 2}}}}}
    case = Case.model_validate(data)
    assert "b" in _excluded(case)
    assert "b" not in _excluded(case, "later")


def test_any_assessor_without_assessors_is_the_value() -> None:
    case = _case("any_assessor", {"value": 4.5})
    assert _excluded(case)["b"] == ("Risk 4.5 is above the veto threshold 4: too risky",)


def test_bundled_team_vetoes_smart_cities_on_borises_score() -> None:
    from assess.files.casefile import load_case
    from tests.conftest import ROOT

    loaded = load_case(ROOT / "cases" / "team_example" / "team.yaml")
    view = resolve(loaded.case, loaded.catalogue_model)
    by = score_wsm(view).by_option()
    first = veto_sentences(by["smart_cities"].reasons)[0]
    assert first.startswith("Security issues: Boris scores 4.5, above the veto line 4")
