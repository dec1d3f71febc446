"""Robust Portfolio Modeling: the rrpm example, brute-force dominance, core indices, vertices."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from portfolio_brute import feasible_portfolios, random_problem

from assess.kernels.portfolio.problem import PortfolioProblem
from assess.kernels.portfolio.rpm import (
    no_information_vertices,
    rank_order_vertices,
    robust_portfolios,
)

# R package `rpm` by Tommi Tervonen (github.com/tommite/rrpm, GPL-3), R-pkg/rpm/tests/data/data.csv:
# 15 projects, scores on three criteria and one cost; the tests use a budget of 300.
RRPM_DATA = np.array([
    [46, 55, 31, 79], [61, 49, 49, 32], [22, 65, 57, 31], [43, 88, 42, 73], [8, 82, 51, 19],
    [60, 92, 71, 32], [72, 62, 38, 94], [92, 78, 100, 22], [81, 75, 37, 44], [85, 23, 22, 10],
    [50, 17, 53, 27], [9, 37, 83, 100], [64, 32, 51, 51], [98, 57, 17, 98], [9, 16, 13, 2],
], dtype=float)  # fmt: skip

# R-pkg/rpm/tests/data/results.csv: the 9 non-dominated portfolios without weight information.
RRPM_NO_INFORMATION = [
    "011011011110101",
    "010011011110011",
    "011011011100011",
    "011111011110001",
    "010101011110101",
    "111011011110001",
    "011001011110011",
    "011111010110101",
    "110001011110101",
]
# R-pkg/rpm/tests/data/results-constr.csv: the 6 with the extreme points (1, 0, 0), (0.5, 0.5, 0),
# (0.333, 0.333, 0.333), i.e. w1 >= w2 >= w3.
RRPM_RANK_ORDER = [
    "011011011110101",
    "010011011110011",
    "011111011110001",
    "010101011110101",
    "111011011110001",
    "011001011110011",
]


def _rows(X) -> set[str]:
    return {"".join("1" if v else "0" for v in row) for row in np.asarray(X)}


@pytest.mark.parametrize(
    ("vertices", "expected"),
    [
        (no_information_vertices(3), RRPM_NO_INFORMATION),
        (rank_order_vertices([[0], [1], [2]]), RRPM_RANK_ORDER),
        (np.array([[1, 0, 0], [0.5, 0.5, 0], [0.333, 0.333, 0.333]]), RRPM_RANK_ORDER),
    ],
)
def test_reproduces_the_rrpm_example(vertices, expected):
    """Tervonen's R package rpm, tests test.rpm.nondom.R and test.rpm.nondom.constr.R."""
    problem = PortfolioProblem(np.zeros(15), RRPM_DATA[:, 3:], [300.0])
    scores = RRPM_DATA[:, :3]
    result = robust_portfolios(scores, scores, vertices, problem)
    assert _rows(result.portfolios) == set(expected)
    assert len(result.portfolios) == len(expected)
    X = np.array([[c == "1" for c in row] for row in expected])
    np.testing.assert_allclose(result.core_index, X.mean(axis=0))


def brute_non_dominated(problem, v_low, v_high, W):
    """From the definition: set differences at every vertex, every feasible pair."""
    X = feasible_portfolios(problem)
    lo, hi = v_low @ W.T, v_high @ W.T
    tol = 1e-9 * max(1.0, np.abs(hi).sum(axis=0).max(), np.abs(lo).sum(axis=0).max())
    keep = np.ones(len(X), dtype=bool)
    for i, q in enumerate(X):
        only_p, only_q = (X & ~q).astype(float), (~X & q).astype(float)
        dlow = only_p @ lo - only_q @ hi
        dhigh = only_p @ hi - only_q @ lo
        keep[i] = not np.any((dlow.min(axis=1) >= -tol) & (dhigh.max(axis=1) > tol))
    return X[keep]


@st.composite
def rpm_cases(draw):
    seed = draw(st.integers(0, 2**32 - 1))
    n, m = draw(st.integers(1, 9)), draw(st.integers(1, 3))
    rng = np.random.default_rng(seed)
    problem = random_problem(rng, n, draw(st.integers(1, 2)), integer=draw(st.booleans()))
    v_low = np.round(rng.normal(0.5, 1.0, (n, m)), 1)
    v_high = v_low + np.round(rng.random((n, m)), 1) * draw(st.sampled_from([0.0, 0.5, 2.0]))
    kind = draw(st.sampled_from(["none", "rank", "random"]))
    if kind == "none":
        W = no_information_vertices(m)
    elif kind == "rank":
        W = rank_order_vertices([[int(i)] for i in rng.permutation(m)])
    else:
        W = rng.dirichlet(np.ones(m), draw(st.integers(1, 4)))
    return problem, v_low, v_high, W


@settings(max_examples=80, deadline=None)
@given(rpm_cases())
def test_agrees_with_brute_force_dominance(case):
    problem, v_low, v_high, W = case
    if len(feasible_portfolios(problem)) == 0:
        return
    result = robust_portfolios(v_low, v_high, W, problem)
    assert _rows(result.portfolios) == _rows(brute_non_dominated(problem, v_low, v_high, W))
    assert len(result.portfolios) == len(_rows(result.portfolios))
    np.testing.assert_allclose(result.core_index, result.portfolios.mean(axis=0))
    for c, cls in zip(result.core_index, result.classes, strict=True):
        assert cls == ("core" if c == 1 else "exterior" if c == 0 else "borderline")


@pytest.mark.parametrize("seed", [0, 1])
def test_agrees_with_brute_force_at_12_options_with_ranges(seed):
    rng = np.random.default_rng(seed)
    problem = random_problem(rng, 12, 1)
    v_low = rng.random((12, 3))
    v_high = v_low + 0.2 * rng.random((12, 3))
    W = rank_order_vertices([[1], [0, 2]])
    result = robust_portfolios(v_low, v_high, W, problem)
    assert _rows(result.portfolios) == _rows(brute_non_dominated(problem, v_low, v_high, W))


def test_core_and_exterior_options():
    # Option 0 is better than the others on every criterion and fits with any of them; option 3
    # is worthless and costs the whole budget.
    v = np.array([[5.0, 5.0], [1.0, 2.0], [2.0, 1.0], [0.0, 0.0]])
    problem = PortfolioProblem(np.zeros(4), [[1.0], [1.0], [1.0], [2.0]], [2.0])
    result = robust_portfolios(v, v, no_information_vertices(2), problem)
    assert _rows(result.portfolios) == {"1100", "1010"}
    assert result.classes == ("core", "borderline", "borderline", "exterior")


def test_rank_order_vertices_merge_ties():
    np.testing.assert_allclose(
        rank_order_vertices([[2], [0, 3], [1]]),
        [[0, 0, 1, 0], [1 / 3, 0, 1 / 3, 1 / 3], [0.25, 0.25, 0.25, 0.25]],
    )
    with pytest.raises(ValueError, match="partition"):
        rank_order_vertices([[0], [2]])


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"v_high": np.zeros((2, 2))}, "must not exceed"),
        ({"weights": -np.eye(2)}, "non-negative"),
        ({"weights": np.eye(3)}, "shape"),
        ({"v_low": np.ones((3, 2))}, "shape"),
    ],
)
def test_rejects_bad_inputs(kwargs, message):
    problem = PortfolioProblem([1.0, 1.0], [[1.0], [1.0]], [1.0])
    args = {"v_low": np.ones((2, 2)), "v_high": np.ones((2, 2)) * 2, "weights": np.eye(2)} | kwargs
    with pytest.raises(ValueError, match=message):
        robust_portfolios(args["v_low"], args["v_high"], args["weights"], problem)
