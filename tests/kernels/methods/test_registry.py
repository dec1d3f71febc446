"""The method registry, the uniform calling convention, and import hygiene."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import numpy as np
import pytest

import assess.kernels.methods
from assess.kernels.methods import METHODS, MethodError, get_method
from assess.kernels.methods.registry import wsm_explain, wsm_kernel

X = np.array([[3.0, 40.0, 2.0], [5.0, 35.0, 4.0], [4.0, 50.0, 1.0], [1.0, 45.0, 3.0]])
W = np.array([2.0, 1.0, 1.0])
COST = np.array([False, True, False])


def test_the_five_methods_and_their_inputs() -> None:
    assert set(METHODS) == {"wsm", "wpm", "topsis", "promethee", "vikor"}
    assert METHODS["wsm"].input == "values"
    assert {METHODS[k].input for k in ("wpm", "topsis", "promethee", "vikor")} == {"raw"}
    assert [k for k, s in METHODS.items() if not s.higher_is_better] == ["vikor"]
    assert all(spec.name == key and spec.label and spec.reference for key, spec in METHODS.items())
    assert [p.name for p in METHODS["vikor"].params] == ["v"]
    assert [p.name for p in METHODS["promethee"].params] == ["preferences"]


@pytest.mark.parametrize("name", list(METHODS))
def test_uniform_call_and_frozen_explanation(name: str) -> None:
    spec = METHODS[name]
    matrix = X / X.max(axis=0) if spec.input == "values" else X
    scores = spec.kernel(matrix, W, COST)
    assert scores.shape == (4,) and np.isfinite(scores).all()
    explanation = spec.explain(matrix, W, COST)
    assert dataclasses.is_dataclass(explanation)
    field = dataclasses.fields(explanation)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(explanation, field, None)
    ranks = spec.rank(scores)
    best = np.argmax(scores) if spec.higher_is_better else np.argmin(scores)
    assert ranks[best] == 1


def test_wsm_takes_the_value_matrix_and_ignores_cost() -> None:
    values = X / X.max(axis=0)
    np.testing.assert_allclose(wsm_kernel(values, W, COST), values @ (W / W.sum()))
    e = wsm_explain(values, W, COST)
    np.testing.assert_allclose(e.contributions.sum(axis=1), e.scores)
    np.testing.assert_allclose(e.scores, wsm_kernel(values, W))


def test_params_are_passed_through() -> None:
    q = METHODS["vikor"].kernel(X, W, COST, v=0.2)
    np.testing.assert_allclose(q, assess.kernels.methods.vikor(X, W, COST, v=0.2))


def test_unknown_method_names_the_known_ones() -> None:
    with pytest.raises(MethodError, match="did you mean 'topsis'.*known methods: wsm"):
        get_method("topsys")
    assert get_method("wpm") is METHODS["wpm"]


@pytest.mark.parametrize(
    ("matrix", "weights", "cost", "message"),
    [
        (np.ones(3), [1, 1, 1], None, "table of at least one option"),
        (np.ones((2, 3)), [1, 1], None, "3 criteria but 2 weights"),
        (np.ones((2, 3)), [1, -1, 1], None, "non-negative"),
        (np.ones((2, 3)), [0, 0, 0], None, "all zero"),
        (np.ones((2, 3)), [1, 1, 1], [True], "3 criteria but 1 cost flags"),
    ],
)
@pytest.mark.parametrize("name", list(METHODS))
def test_shape_and_weight_problems_are_method_errors(name, matrix, weights, cost, message) -> None:
    with pytest.raises(MethodError, match=message):
        METHODS[name].kernel(matrix, weights, cost)


def test_methods_import_no_ui_or_model_libraries() -> None:
    """The kernels stay pure NumPy: no pydantic, textual or rich anywhere in assess/methods."""
    banned = {"pydantic", "textual", "rich"}
    for path in Path(assess.kernels.methods.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not {n.split(".")[0] for n in names} & banned, path
