"""The efficient frontier against brute force and its defining properties."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from portfolio_brute import brute_frontier, brute_optimal, needs, random_problem

from assess.kernels.portfolio.frontier import NEED_RTOL, best_benefit, frontier
from assess.kernels.portfolio.problem import PortfolioInfeasible, PortfolioProblem, all_portfolios


def _delta(problem):
    return NEED_RTOL * max(1.0, float(problem.shares.sum(axis=0).max()))


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 9), st.integers(1, 3), st.booleans())
def test_agrees_with_brute_force(seed, n, r, integer):
    problem = random_problem(np.random.default_rng(seed), n, r, integer=integer)
    X = all_portfolios(n)
    if not problem.respects_rules(X).any():
        with pytest.raises(PortfolioInfeasible):
            frontier(problem)
        return
    points = frontier(problem)
    expected = brute_frontier(problem, _delta(problem))
    assert len(points) == len(expected)
    for point, x in zip(points, expected, strict=True):
        np.testing.assert_array_equal(point.selected, x)
        assert point.benefit == pytest.approx(problem.benefit[x].sum())
        assert point.need == pytest.approx(needs(problem, x[None])[0])


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(2, 9))
def test_no_portfolio_beats_a_point_and_every_portfolio_is_matched(seed, n):
    problem = random_problem(np.random.default_rng(seed), n, 2)
    X = all_portfolios(n)
    X = X[problem.respects_rules(X)]
    if not len(X):
        return
    points = frontier(problem)
    need, b = needs(problem, X), X.astype(float) @ problem.benefit
    tol = problem.tie_tol()
    for p in points:
        assert not np.any((need <= p.need) & (b > p.benefit + tol))
        assert not np.any((need < p.need - _delta(problem)) & (b >= p.benefit - tol))
    np.testing.assert_array_less(b - tol, best_benefit(points, need) + 1e-12)
    assert np.all(np.diff([p.need for p in points]) > 0)
    assert np.all(np.diff([p.benefit for p in points]) > 0)


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 8), st.sampled_from([0.3, 0.7, 1.0, 1.6]))
def test_best_benefit_is_the_optimum_at_that_level(seed, n, level):
    problem = random_problem(np.random.default_rng(seed), n, 2)
    if not problem.respects_rules(all_portfolios(n)).any():
        return
    points = frontier(problem)
    x = brute_optimal(problem.with_budget(problem.budget * level))
    got = best_benefit(points, [level])[0]
    if x is None:
        assert np.isnan(got)
    else:
        assert got == pytest.approx(problem.benefit[x].sum())


def test_starts_at_the_free_options_and_ends_at_the_best_at_any_budget():
    problem = PortfolioProblem([1.0, 3.0, 2.0, -1.0], [[0.0], [2.0], [1.0], [1.0]], [2.0])
    points = frontier(problem)
    assert [p.need for p in points] == [0.0, 0.5, 1.0, 1.5]
    assert [p.benefit for p in points] == [1.0, 3.0, 4.0, 6.0]
    np.testing.assert_array_equal(points[-1].selected, [True, True, True, False])
    assert np.isnan(best_benefit(points, [-0.1])[0])
    np.testing.assert_array_equal(best_benefit(points, [0.0, 0.7, 5.0]), [1.0, 3.0, 6.0])


def test_must_options_set_the_first_point():
    problem = PortfolioProblem([-2.0, 1.0], [[1.0], [1.0]], [1.0], must=np.array([True, False]))
    points = frontier(problem)
    assert [(p.need, p.benefit) for p in points] == [(1.0, -2.0), (2.0, -1.0)]
