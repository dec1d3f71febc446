"""What a `View` carries for its users: id -> index maps, its weighting result
(derived once per view), its key and label, and the criteria of a view."""

from __future__ import annotations

import pytest

import assess.kernels.weighting as weighting
from assess.core.robustness.analysis import analyse, weighting_diagnostics
from assess.core.view import resolve, view_criterion_ids, view_names
from assess.files.casefile import load_case
from assess.model import Case
from assess.render.report import analyse_view, build_report, render
from tests.conftest import DEFAULT_CASE, small_case_data

AHP = {
    "method": "ahp",
    "pairwise": [
        {"a": "gain", "b": "reach", "ratio": 3},
        {"a": "gain", "b": "risk", "ratio": 5},
        {"a": "reach", "b": "risk", "ratio": 2},
    ],
}


def test_the_index_maps_give_each_ids_row_and_column(small_case: Case) -> None:
    view = resolve(small_case, None)
    assert dict(view.option_index) == {"a": 0, "b": 1, "c": 2}
    assert dict(view.criterion_index) == {"gain": 0, "reach": 1, "risk": 2}
    assert view.option_ids == ("a", "b", "c") and view.criterion_ids == ("gain", "reach", "risk")
    assert view.scores[view.option_index["b"], view.criterion_index["reach"]] == 10
    assert view.option_index is view.option_index  # built once per view
    with pytest.raises(TypeError):
        view.option_index["d"] = 3  # type: ignore[index]


def test_key_is_the_id_and_label_the_name() -> None:
    loaded = load_case(DEFAULT_CASE)
    case = loaded.case
    assert case.scenarios and all(s.name != key for key, s in case.scenarios.items())
    for key in view_names(case):
        scenario = None if key == case.baseline else key
        view = resolve(case, loaded.catalogue_model, scenario)
        assert view.key == key
        assert view.label == (case.baseline if scenario is None else case.scenarios[key].name)


def test_the_criteria_of_a_view_with_and_without_those_switched_off(small_case: Case) -> None:
    data = small_case_data()
    data["criteria"]["off"] = ["reach"]
    case = Case.model_validate(data)
    assert view_criterion_ids(case, None) == ["gain", "risk"]
    assert view_criterion_ids(case, None, switched_off=True) == ["gain", "reach", "risk"]
    assert [c.id for c in resolve(case, None).criteria] == view_criterion_ids(case, None)


def test_the_view_keeps_its_weighting_and_diagnostics() -> None:
    data = small_case_data()
    data["weights"] = AHP
    view = resolve(Case.model_validate(data), None)
    assert view.weighting is not None and view.weighting.method == "ahp"
    assert isinstance(view.weighting.diagnostics, weighting.AhpResult)
    assert weighting_diagnostics(view).consistency_ratio == view.weighting.diagnostics.cr
    assert resolve(Case.model_validate(small_case_data()), None).weighting.diagnostics is None  # type: ignore[union-attr]


def test_weights_are_derived_once_per_view(monkeypatch: pytest.MonkeyPatch) -> None:
    """Resolving, the robustness analysis and the report derive a view's weights once.

    The report's portfolio section resolves the case's other views (each with its
    own weights, derived once each): it is left out here, so the count is this view's."""
    from assess.render.report import content

    monkeypatch.setattr(content, "report_portfolio", lambda loaded, view: None)
    calls: list[str] = []
    derive = weighting.derive_weights

    def counted(method: str, inputs: object, **kw: object) -> weighting.WeightResult:
        calls.append(method)
        return derive(method, inputs, **kw)  # type: ignore[arg-type]

    loaded = load_case(DEFAULT_CASE)
    monkeypatch.setattr(weighting, "derive_weights", counted)
    view = resolve(loaded.case, loaded.catalogue_model)
    assert len(calls) == 1
    analyse(view, samples=0)
    robustness, note = analyse_view(view, 50, 1)
    render(build_report(loaded, view, robustness, note), "markdown")
    assert len(calls) == 1
