"""The problem arrays: validation, feasibility, rule closure, and what the kernels import."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from assess.kernels.portfolio import funded_in_all
from assess.kernels.portfolio.problem import PortfolioProblem, all_portfolios
from assess.kernels.portfolio.rules import blocked, forced


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"benefit": []}, "non-empty"),
        ({"costs": [[1.0, 1.0], [1.0, 1.0]]}, "shape"),
        ({"costs": [[-1.0], [1.0]]}, ">= 0"),
        ({"budget": [0.0]}, "> 0"),
        ({"benefit": [np.nan, 1.0]}, "finite"),
        ({"must": [1, 0]}, "boolean mask"),
        ({"must_not": np.array([True])}, "shape"),
        ({"groups": ([0, 2],)}, "out of range"),
        ({"groups": ([1, 1],)}, "twice"),
        ({"groups": ([0.5, 1],)}, "integers"),
        ({"requires": [[0, 0]]}, "itself"),
        ({"requires": [0, 1]}, r"\(k, 2\)"),
    ],
)
def test_rejects_bad_arrays(kwargs, message):
    args = {"benefit": [1.0, 2.0], "costs": [[1.0], [1.0]], "budget": [1.0]} | kwargs
    with pytest.raises(ValueError, match=message):
        PortfolioProblem(**args)


def test_arrays_are_read_only_and_one_resource_may_be_a_vector():
    problem = PortfolioProblem([1.0, 2.0], [1.0, 3.0], 2.0)
    assert problem.costs.shape == (2, 1) and problem.budget.shape == (1,)
    with pytest.raises(ValueError):
        problem.benefit[0] = 5.0


def test_feasible_checks_every_rule():
    problem = PortfolioProblem(
        [1.0] * 4,
        [[1.0]] * 4,
        [3.0],
        must=np.array([1, 0, 0, 0], bool),
        must_not=np.array([0, 0, 0, 1], bool),
        groups=(np.array([1, 2]),),
        requires=np.array([[2, 0]]),
    )
    X = np.array([[1, 1, 0, 0], [0, 1, 0, 0], [1, 1, 1, 0], [1, 0, 0, 1], [1, 0, 1, 0]], bool)
    np.testing.assert_array_equal(problem.feasible(X), [True, False, False, False, True])
    with pytest.raises(ValueError, match="boolean matrix"):
        problem.feasible(np.ones((2, 3), bool))


def test_forced_and_blocked_follow_requirement_chains():
    problem = PortfolioProblem(
        [1.0] * 5,
        [[1.0]] * 5,
        [3.0],
        must=np.array([1, 0, 0, 0, 0], bool),
        must_not=np.array([0, 0, 0, 0, 1], bool),
        requires=np.array([[0, 1], [1, 2], [3, 4]]),
    )
    np.testing.assert_array_equal(forced(problem), [True, True, True, False, False])
    np.testing.assert_array_equal(blocked(problem), [False, False, False, True, True])


def test_all_portfolios_enumerates_bits_and_refuses_too_many():
    np.testing.assert_array_equal(all_portfolios(2), [[0, 0], [1, 0], [0, 1], [1, 1]])
    with pytest.raises(ValueError, match="refused"):
        all_portfolios(30)


def test_funded_in_all_views():
    np.testing.assert_array_equal(funded_in_all(np.array([[1, 1, 0], [1, 0, 1]], bool)), [True, False, False])
    with pytest.raises(ValueError):
        funded_in_all(np.zeros((0, 3), bool))


def test_kernels_import_only_numpy_until_they_solve():
    code = (
        "import sys, assess.kernels.portfolio as p\n"
        "bad = [m for m in ('highspy', 'pydantic', 'yaml', 'textual', 'rich') if m in sys.modules]\n"
        "mine = [m for m in sys.modules if m.startswith('assess') and not m.startswith('assess.kernels')]\n"
        "print(bad, mine)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[] ['assess']"
