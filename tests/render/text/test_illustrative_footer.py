"""The score table, its Markdown and its JSON say when the weights are an
example (`weights.illustrative`, or the criteria's defaults)."""

from __future__ import annotations

import json

from assess.core.scoring import score_wsm
from assess.core.view import resolve
from assess.model import Case
from assess.render.text.ranking import render_ranking
from tests.conftest import small_case_data


def _outputs(weights: dict | None) -> dict[str, str]:
    data = small_case_data()
    if weights is None:
        del data["weights"]
    else:
        data["weights"] = weights
    result = score_wsm(resolve(Case.model_validate(data), None))
    return {fmt: render_ranking(result, fmt, "case.yaml", width=200) for fmt in ("table", "markdown", "json")}


def test_marked_weights_are_said_illustrative() -> None:
    out = _outputs({"method": "direct", "illustrative": True, "points": {"gain": 5, "reach": 3, "risk": 2}})
    assert "Weights: illustrative weights (marked illustrative)" in out["table"]
    assert "illustrative weights (marked illustrative)" in out["markdown"]
    assert json.loads(out["json"])["illustrative_weights"] is True


def test_default_weights_are_illustrative_too() -> None:
    out = _outputs(None)
    assert "illustrative weights (the criteria's default weights)" in out["table"]
    assert json.loads(out["json"])["illustrative_weights"] is True


def test_elicited_weights_are_not() -> None:
    out = _outputs({"method": "direct", "points": {"gain": 5, "reach": 3, "risk": 2}})
    assert "illustrative" not in out["table"] + out["markdown"]
    assert json.loads(out["json"])["illustrative_weights"] is False
