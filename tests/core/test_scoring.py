"""The weighted sum on a hand-computed case: values, contributions, vetoes, ties."""

from __future__ import annotations

import numpy as np
import pytest

from assess.core.scoring import score_wsm
from assess.core.values import criterion_values
from assess.core.view import resolve
from assess.model import Case, Criterion
from assess.render.explain import veto_sentences
from tests.conftest import small_case_data


def test_hand_computed_totals(small_case: Case) -> None:
    """a: .5*1 + .3*.2 + .2*(1-.2) = .72; b: .5*.6 + .3*1 + .2*.6 = .72 (tie);
    c is vetoed (risk 5 > 4)."""
    result = score_wsm(resolve(small_case, None))
    by = result.by_option()
    assert by["a"].score == pytest.approx(0.72)
    assert by["b"].score == pytest.approx(0.72)
    assert by["a"].rank == by["b"].rank == 1
    assert by["c"].excluded and by["c"].rank is None
    assert "Risk 5 is above the veto threshold 4: too risky" in veto_sentences(by["c"].reasons)
    assert [r.option for r in result.ranking][-1] == "c"
    assert np.allclose(result.contributions.sum(axis=1), result.scores)


def test_weights_are_normalised(small_case: Case) -> None:
    data = small_case_data()
    data["weights"]["points"] = {"gain": 5, "reach": 3, "risk": 2}
    again = score_wsm(resolve(Case.model_validate(data), None))
    assert np.allclose(again.scores, score_wsm(resolve(small_case, None)).scores)


def test_default_weights_when_none_given() -> None:
    data = small_case_data()
    del data["weights"]
    view = resolve(Case.model_validate(data), None)
    assert np.allclose(view.shares, [1 / 3] * 3)


def test_piecewise_value_function_and_cost_reversal() -> None:
    c = Criterion.model_validate(
        {
            "id": "x",
            "name": "X",
            "family": "risk",
            "direction": "cost",
            "value_function": {"kind": "piecewise", "points": [[0, 0], [2, 0.8], [5, 1]]},
        }
    )
    assert np.allclose(criterion_values(c, np.array([0, 1, 2, 5])), [1, 0.6, 0.2, 0])


def test_scenario_overlays_scores_weights_and_criteria() -> None:
    data = small_case_data()
    data["scenarios"] = {
        "later": {
            "name": "Later",
            "criteria": {"remove": ["reach"]},
            "weights": {"method": "direct", "points": {"gain": 1, "risk": 1}},
            "scores": {"a": {"risk": {"value": 3}}},
        }
    }
    view = resolve(Case.model_validate(data), None, "later")
    assert [c.id for c in view.criteria] == ["gain", "risk"]
    assert view.cell("a", "risk").value == 3
    by = score_wsm(view).by_option()
    assert by["a"].score == pytest.approx(0.5 * 1 + 0.5 * 0.4)


def test_a_basis_view_only_saves_work() -> None:
    """Reusing an earlier view's arrays (as the UI does after an edit) gives
    exactly the arrays built from scratch."""
    from assess.core.edit import set_score
    from assess.files.casefile import load_case
    from tests.conftest import DEFAULT_CASE

    loaded = load_case(DEFAULT_CASE)
    before = resolve(loaded.case, loaded.catalogue_model)
    _ = before.scores
    changed = set_score(loaded.case, None, "pharma", "security", 3.0, catalogue=loaded.catalogue_model)
    fresh = resolve(changed, loaded.catalogue_model)
    reused = resolve(changed, loaded.catalogue_model, basis=before)
    for name in ("scores", "low", "high", "values"):
        assert np.array_equal(getattr(fresh, name), getattr(reused, name))
    assert reused.cell("pharma", "security").value == 3.0
    assert reused.basis is None
