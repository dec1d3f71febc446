"""The optimal portfolio against brute force, the tie rule, rules and infeasibility."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from portfolio_brute import brute_optimal, feasible_portfolios, random_problem

from assess.kernels.portfolio.optimal import optimal
from assess.kernels.portfolio.problem import PortfolioInfeasible, PortfolioProblem
from assess.kernels.portfolio.rules import diagnose


@settings(max_examples=80, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 11), st.integers(1, 3), st.booleans())
def test_agrees_with_brute_force(seed, n, r, integer):
    problem = random_problem(np.random.default_rng(seed), n, r, integer=integer)
    expected = brute_optimal(problem)
    if expected is None:
        with pytest.raises(PortfolioInfeasible):
            optimal(problem)
        return
    got = optimal(problem)
    np.testing.assert_array_equal(got.selected, expected)
    assert got.benefit == pytest.approx(problem.benefit[expected].sum())
    np.testing.assert_allclose(got.cost, problem.costs[expected].sum(axis=0))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_agrees_with_brute_force_at_20_options(seed):
    problem = random_problem(np.random.default_rng(seed), 20, 2, integer=seed == 3)
    expected = brute_optimal(problem)
    assert expected is not None
    np.testing.assert_array_equal(optimal(problem).selected, expected)


def test_three_modest_options_beat_the_single_best():
    problem = PortfolioProblem([10.0, 4.0, 4.0, 4.0], [[10.0], [3.0], [3.0], [3.0]], [10.0])
    np.testing.assert_array_equal(optimal(problem).selected, [False, True, True, True])


def test_ties_go_to_the_cheapest_then_fewest_then_lowest_indices():
    cheapest = PortfolioProblem([2.0, 1.0, 1.0], [[2.0], [0.5], [0.5]], [2.0])
    np.testing.assert_array_equal(optimal(cheapest).selected, [False, True, True])
    fewest = PortfolioProblem([2.0, 1.0, 1.0, 0.0], [[1.0], [0.5], [0.5], [0.0]], [1.0])
    np.testing.assert_array_equal(optimal(fewest).selected, [True, False, False, False])
    lowest = PortfolioProblem([1.0, 1.0, 1.0, 1.0], [[1.0]] * 4, [2.0])
    np.testing.assert_array_equal(optimal(lowest).selected, [True, True, False, False])


def test_nonpositive_benefits_are_left_out_unless_forced():
    free = PortfolioProblem([-1.0, 0.0, 3.0], [[0.0], [0.0], [1.0]], [5.0])
    np.testing.assert_array_equal(optimal(free).selected, [False, False, True])
    forced = PortfolioProblem([-1.0, 0.0, 3.0], [[0.0], [0.0], [1.0]], [5.0], requires=np.array([[2, 0]]))
    np.testing.assert_array_equal(optimal(forced).selected, [True, False, True])
    must = PortfolioProblem(
        [-1.0, 0.0, 3.0], [[0.0], [0.0], [1.0]], [5.0], must=np.array([False, True, False])
    )
    np.testing.assert_array_equal(optimal(must).selected, [False, True, True])


def test_zero_cost_options_are_all_funded():
    problem = PortfolioProblem([1.0, 2.0, 5.0], [[0.0], [0.0], [9.0]], [1.0])
    np.testing.assert_array_equal(optimal(problem).selected, [True, True, False])


def test_groups_and_requirement_cycles():
    problem = PortfolioProblem(
        [5.0, 4.0, 1.0, 1.0],
        [[1.0]] * 4,
        [4.0],
        groups=(np.array([0, 1]),),
        requires=np.array([[2, 3], [3, 2]]),
    )
    np.testing.assert_array_equal(optimal(problem).selected, [True, False, True, True])


@pytest.mark.parametrize(
    ("problem", "message"),
    [
        (PortfolioProblem([1.0, 1.0], [[3.0], [3.0]], [5.0], must=np.array([True, True])), "over its budget"),
        (
            PortfolioProblem(
                [1.0, 1.0], [[1.0], [1.0]], [5.0], must=np.array([True, True]), groups=(np.array([0, 1]),)
            ),
            "group 0",
        ),
        (
            PortfolioProblem(
                [1.0, 1.0, 1.0],
                [[1.0]] * 3,
                [5.0],
                must=np.array([True, False, False]),
                must_not=np.array([False, False, True]),
                requires=np.array([[0, 1], [1, 2]]),
            ),
            "0 requires 1 requires 2",
        ),
        (
            PortfolioProblem([1.0], [[1.0]], [5.0], must=np.array([True]), must_not=np.array([True])),
            "both a must and a must-not",
        ),
    ],
)
def test_infeasible_rules_are_named(problem, message):
    with pytest.raises(PortfolioInfeasible, match=message):
        optimal(problem)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 8))
def test_diagnosis_is_exact(seed, n):
    # The forced options form a feasible portfolio unless they break a rule themselves.
    rng = np.random.default_rng(seed)
    problem = random_problem(rng, n, 2, integer=True)
    if rng.random() < 0.5:
        must = rng.random(n) < 0.4
        problem = PortfolioProblem(
            problem.benefit,
            problem.costs,
            problem.budget,
            must,
            problem.must_not,
            problem.groups,
            problem.requires,
        )
    assert (diagnose(problem) is None) == (len(feasible_portfolios(problem)) > 0)
