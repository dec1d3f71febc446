"""The value-for-money order: its key, what it funds, its shortfall and the crowding out."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from portfolio_brute import brute_optimal, random_problem

from assess.kernels.portfolio.order import CrowdedOut, value_for_money
from assess.kernels.portfolio.problem import PortfolioProblem
from assess.kernels.portfolio.rules import closure


def greedy(problem: PortfolioProblem) -> np.ndarray:
    """The documented funding rule, one option at a time, written plainly."""
    u = problem.shares.sum(axis=1)
    b = problem.benefit

    def key(j):
        if b[j] <= 0:
            return (2, -b[j], j)
        return (0, -b[j], j) if u[j] == 0 else (1, -b[j] / u[j], j)

    funded = closure(problem, problem.must)
    for j in sorted(range(problem.n), key=key):
        if b[j] <= 0 or funded[j]:
            continue
        trial = funded | closure(problem, np.eye(problem.n, dtype=bool)[j])
        if problem.feasible(trial[None])[0]:
            funded = trial
    return funded


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 10), st.integers(1, 3))
def test_funds_the_documented_greedy_and_never_beats_the_optimum(seed, n, r):
    problem = random_problem(np.random.default_rng(seed), n, r)
    best = brute_optimal(problem)
    if best is None:
        return
    res = value_for_money(problem)
    np.testing.assert_array_equal(res.funded, greedy(problem))
    assert problem.feasible(res.funded[None])[0]
    assert res.shortfall == pytest.approx(problem.benefit[best].sum() - res.benefit, abs=1e-9)
    assert res.shortfall >= 0
    missed = {c.option for c in res.crowded_out}
    assert missed == set(np.flatnonzero(best & ~res.funded).tolist())
    for c in res.crowded_out:
        assert set(c.by) <= set(res.displacing)
        assert (c.reason == "required") == (problem.benefit[c.option] <= 0)
        assert c.by or c.reason == "required"
    np.testing.assert_allclose(res.cum_benefit, np.cumsum(problem.benefit[res.order]))


def test_order_key_free_first_nonpositive_last():
    problem = PortfolioProblem([1.0, 3.0, -1.0, 2.0, 0.5], [[1.0], [1.0], [0.0], [4.0], [0.0]], [4.0])
    res = value_for_money(problem)
    # free positive (4), ratios 12 (1), 4 (0), 2 (3), then the non-positive free one (2).
    np.testing.assert_array_equal(res.order, [4, 1, 0, 3, 2])
    np.testing.assert_allclose(res.unit_cost, [0.25, 0.25, 0.0, 1.0, 0.0])
    assert res.ratio[4] == np.inf and np.isnan(res.ratio[2])
    np.testing.assert_array_equal(res.funded, [True, True, False, False, True])


def test_shortfall_and_who_crowds_out_whom():
    # By ratio 0 comes first (6 for 5), then 1 and 2 (4.9 for 4.9 each). The order takes 0 and
    # then nothing fits; the optimum is {1, 2}.
    problem = PortfolioProblem([6.0, 4.9, 4.9], [[5.0], [4.9], [4.9]], [9.8])
    res = value_for_money(problem)
    np.testing.assert_array_equal(res.funded, [True, False, False])
    np.testing.assert_array_equal(res.optimum.selected, [False, True, True])
    assert res.shortfall == pytest.approx(3.8)
    assert res.displacing == (0,)
    assert res.crowded_out == (CrowdedOut(1, "budget", (0,)), CrowdedOut(2, "budget", (0,)))


def test_group_rival_is_named():
    problem = PortfolioProblem([3.0, 5.0], [[1.0], [4.0]], [10.0], groups=(np.array([0, 1]),))
    res = value_for_money(problem)
    np.testing.assert_array_equal(res.funded, [True, False])
    assert res.crowded_out == (CrowdedOut(1, "group", (0,)),)


def test_requirement_with_nonpositive_benefit_is_bundled():
    problem = PortfolioProblem([4.0, -1.0, 1.0], [[1.0], [1.0], [1.0]], [2.0], requires=np.array([[0, 1]]))
    res = value_for_money(problem)
    np.testing.assert_array_equal(res.funded, [True, True, False])
