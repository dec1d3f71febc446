"""Weight statements of a case as the kernel polytope, central weights, and the
checks `check` and loading report at each statement's line:col."""

from __future__ import annotations

import copy
from pathlib import Path

import numpy as np
import pytest
import yaml

from assess.core.statements import central_weights, describe, spec_weights, view_polytope
from assess.core.view import resolve
from assess.kernels.preferences import Interval, Order
from assess.kernels.weighting import rank_weights
from assess.model import Case, Weights
from tests.conftest import run_cli, small_case_data


def _statements(*items: dict) -> list:
    return Weights.model_validate({"method": "statements", "statements": list(items)}).statements


def test_ids_become_indices_and_criteria_outside_the_view_drop_out() -> None:
    said = _statements(
        {"order": ["c", ["a", "x"], "b"]},
        {"interval": {"criterion": "x", "min": 0.1}},
        {"interval": {"criterion": "b", "max": 0.3}},
    )
    vp = view_polytope(["a", "b", "c"], said)
    assert vp.polytope.statements == (Order(((2,), (0,), (1,))), Interval(1, None, 0.3))
    assert vp.source == (0, 2) and vp.dropped == (1,)
    assert not vp.is_simplex and view_polytope(["a", "b"], ()).is_simplex


@pytest.mark.parametrize("m", [2, 3, 5, 7])
def test_central_weights_of_a_rank_order_are_exactly_roc(m: int) -> None:
    ids = [f"c{k}" for k in range(m)]
    order = ids[::-1]  # the last id first: the order is not the file's
    w = central_weights(view_polytope(ids, _statements({"order": order})))
    roc = rank_weights([[c] for c in order], "roc")
    assert w == pytest.approx([roc[c] for c in ids], abs=1e-12)


def test_central_weights_with_ties_and_no_statements() -> None:
    ids = ["a", "b", "c"]
    tied = central_weights(view_polytope(ids, _statements({"order": [["a", "b"], "c"]})))
    # vertices (1/2, 1/2, 0) and (1/3, 1/3, 1/3): mean (5/12, 5/12, 1/6), ROC with a tie
    assert tied == pytest.approx([5 / 12, 5 / 12, 1 / 6])
    assert central_weights(view_polytope(ids, ())) == pytest.approx([1 / 3] * 3)


def test_method_statements_gives_the_views_point_weights() -> None:
    data = small_case_data()
    data["weights"] = {"method": "statements", "statements": [{"order": ["gain", "reach", "risk"]}]}
    view = resolve(Case.model_validate(data), None)
    assert view.shares == pytest.approx([11 / 18, 5 / 18, 2 / 18])
    assert view.weighting is not None and view.weighting.method == "statements"
    spec = Weights.model_validate(data["weights"])
    assert spec_weights(spec).weights == pytest.approx({"gain": 11 / 18, "reach": 5 / 18, "risk": 1 / 9})


def test_describe_reads_each_kind() -> None:
    said = _statements(
        {"order": ["a", ["b", "c"]]},
        {"interval": {"criterion": "a", "min": 0.2, "max": 0.4}},
        {"ratio": {"criterion": "b", "to": "a", "min": 1.5}},
        {"exact": {"criterion": "c", "weight": 0.05}},
    )
    assert [describe(s, {"a": "Alpha"}) for s in said] == [
        "Alpha >= b = c",
        "Alpha between 20 % and 40 % of the weight",
        "b at least 1.5 times Alpha",
        "c exactly 5 % of the weight",
    ]


def _write(tmp_path: Path, weights: dict) -> Path:
    data = copy.deepcopy(small_case_data())
    data["weights"] = weights
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def _line_of(path: Path, text: str) -> int:
    return next(k for k, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_infeasible_statements_name_the_smallest_conflict_each_at_its_line(capsys, tmp_path) -> None:
    weights = {
        "method": "statements",
        "statements": [
            {"order": ["reach", "gain"]},
            {"interval": {"criterion": "risk", "max": 0.5}},
            {"interval": {"criterion": "gain", "min": 0.6}},
        ],
    }
    path = _write(tmp_path, weights)
    code, out, err = run_cli(capsys, "check", path)
    err = out + err
    assert code == 2
    lines = [line for line in err.splitlines() if "admit no weights" in line]
    assert len(lines) == 2  # statements 0 and 2; statement 1 is not part of it
    assert lines[0].startswith(
        f"{path}:{_line_of(path, '- order:')}:5: statements 0, 2 admit no weights together"
    )
    assert lines[1].startswith(f"{path}:{_line_of(path, 'criterion: gain') - 1}:5: statements 0, 2")
    assert "reach >= gain" in lines[0] and "gain at least 60 % of the weight" in lines[0]


def test_point_weights_breaking_a_statement_are_an_error_there(capsys, tmp_path) -> None:
    weights = {
        "method": "direct",
        "points": {"gain": 50, "reach": 30, "risk": 20},
        "statements": [
            {"interval": {"criterion": "risk", "max": 0.5}},
            {"ratio": {"criterion": "reach", "to": "gain", "min": 0.5, "max": 1}},
            {"order": ["reach", "gain"]},
        ],
    }
    path = _write(tmp_path, weights)
    code, out, err = run_cli(capsys, "check", path)
    err = out + err
    assert code == 2
    broken = [line for line in err.splitlines() if "break this statement" in line]
    assert len(broken) == 1
    assert broken[0].startswith(f"{path}:{_line_of(path, '- order:')}:5: ")
    assert "gain (50 %) weighs more than reach (30 %), by 20 % of the weight" in broken[0]
    weights["statements"] = weights["statements"][:2]
    weights["statements"][1]["ratio"]["min"] = 0.7
    code, out, err = run_cli(capsys, "check", _write(tmp_path, weights))
    err = out + err
    assert code == 2 and "reach / gain is 0.6, below the min 0.7 by 0.1" in err


def test_statements_that_hold_pass_check(capsys, tmp_path) -> None:
    weights = {
        "method": "direct",
        "points": {"gain": 50, "reach": 30, "risk": 20},
        "statements": [{"order": ["gain", "reach", "risk"]}, {"interval": {"criterion": "gain", "max": 0.5}}],
    }
    code, out, err = run_cli(capsys, "check", _write(tmp_path, weights))
    assert code == 0, err


def test_statement_vertices_feed_the_portfolios_robust_statements() -> None:
    from assess.core.portfolio import analyses as A
    from assess.core.statements import statement_vertices
    from tests.core.test_portfolio import case_data, problem_of

    data = case_data()
    plain = problem_of(data)
    assert statement_vertices(None, ["gain", "risk"]) == pytest.approx(np.eye(2))
    assert A.robust(plain, "statements").portfolios == A.robust(plain, "none").portfolios
    data["weights"]["statements"] = [{"order": ["gain", "risk"]}]
    ordered = problem_of(data)
    vertices = statement_vertices(ordered.view.weight_spec, ordered.view.criterion_ids)
    assert vertices == pytest.approx(np.array([[0.5, 0.5], [1.0, 0.0]]))
    assert A.robust(ordered, "statements").portfolios == A.robust(ordered, "order").portfolios
    data["weights"]["statements"] = [{"interval": {"criterion": "gain", "min": 0.55, "max": 0.65}}]
    narrow = A.robust(problem_of(data), "statements")
    assert set(narrow.portfolios) <= set(A.robust(ordered, "statements").portfolios)


def test_too_many_vertices_fall_back_to_the_chebyshev_centre(monkeypatch) -> None:
    import assess.core.statements as core

    spec = Weights.model_validate(
        {"method": "statements", "statements": [{"interval": {"criterion": c, "max": 0.4}} for c in "abcd"]}
    )
    exact = spec_weights(spec)
    assert not exact.warnings and sum(exact.weights.values()) == pytest.approx(1)
    monkeypatch.setattr(core, "CENTRAL_VERTEX_LIMIT", 2)
    centre = spec_weights(spec)
    assert centre.weights == pytest.approx({c: 0.25 for c in "abcd"}) and "centre" in centre.warnings[0]


def test_statements_bound_the_shares_of_the_criteria_in_the_view(capsys, tmp_path) -> None:
    weights = {
        "method": "direct",
        "points": {"gain": 50, "reach": 30, "risk": 20},
        "statements": [{"interval": {"criterion": "gain", "max": 0.6}}],
    }
    path = _write(tmp_path, weights)
    assert run_cli(capsys, "check", path)[0] == 0  # gain is 50 % of all three
    data = yaml.safe_load(path.read_text())
    data["criteria"]["off"] = ["risk"]  # gain is 62.5 % of the two in the view
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    code, out, err = run_cli(capsys, "check", path)
    assert code == 2 and "gain's share is 62.5 %, above the max 60 % by 2.5 %" in out + err
    del data["criteria"]["off"]
    data["scenarios"] = {"s": {"name": "S", "criteria": {"remove": ["risk"]}}}
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    code, out, err = run_cli(capsys, "check", path)
    line = _line_of(path, "criterion: gain") - 1
    assert (
        code == 2
        and f"{path}:{line}:5: in scenario 's', whose criteria differ: the point weights break" in out
    )


def test_converting_statement_weights_to_points_keeps_the_statements() -> None:
    from assess.core import edit
    from assess.core.view import effective_weights

    data = small_case_data()
    data["weights"] = {
        "method": "statements",
        "statements": [
            {"order": ["gain", "reach", "risk"]},
            {"exact": {"criterion": "risk", "weight": 1 / 7}},
        ],
    }
    direct = edit.weights_to_direct(Case.model_validate(data), None, catalogue=None)
    spec = effective_weights(direct, None)
    assert spec is not None and spec.method == "direct" and len(spec.statements) == 2
    assert spec.points is not None and spec.points["risk"] == pytest.approx(
        100 / 7, abs=1e-12
    )  # 14.3 would break it
    assert resolve(direct, None).shares == pytest.approx(resolve(Case.model_validate(data), None).shares)
