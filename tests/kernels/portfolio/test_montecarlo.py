"""Monte Carlo funding probabilities: exact per sample, reproducible, chunked, cancellable."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.random import PCG64, Generator
from portfolio_brute import brute_optimal, random_problem

from assess.kernels.portfolio.montecarlo import Draws, funding_probability
from assess.kernels.portfolio.optimal import optimal
from assess.kernels.portfolio.problem import PortfolioInfeasible, PortfolioProblem
from assess.kernels.portfolio.rpm import rank_order_vertices


def dirichlet(rng, k):
    return rng.standard_exponential((k, 3))


def rank_sampler(rng, k):
    """w1 >= w2 >= w3: sorted Dirichlet draws (inside rank_order_vertices([[0], [1], [2]]))."""
    return -np.sort(-rng.standard_exponential((k, 3)), axis=1)


@st.composite
def mc_cases(draw):
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    n, r = draw(st.integers(1, 8)), draw(st.integers(1, 2))
    problem = random_problem(rng, n, r, integer=draw(st.booleans()))
    low = rng.random((n, 3))
    high = low + rng.random((n, 3)) * draw(st.sampled_from([0.0, 0.2, 1.0]))
    ref = rng.random(3) * 0.5
    ref_high = ref + draw(st.sampled_from([0.0, 0.1]))
    spread = draw(st.sampled_from([0.0, 0.3]))
    costs = (problem.costs * (1 - spread), problem.costs * (1 + spread))
    ranked = draw(st.booleans())
    return problem, low, high, ref, ref_high, costs, ranked


def per_sample(problem, low, high, ref, ref_high, costs, sampler, samples, seed, chunk):
    """The same draws, each sample solved on its own by `optimal` (None: no feasible portfolio)."""
    draws = Draws(problem, low, high, sampler, ref, ref_high, *costs)
    rng = Generator(PCG64(seed))
    funded = []
    for start in range(0, samples, chunk):
        k = min(chunk, samples - start)
        benefit, shares = draws.draw(rng, k)
        for s in range(k):
            c = problem.costs if shares is None else shares[s] * problem.budget
            sample = PortfolioProblem(
                benefit[s],
                c,
                problem.budget,
                problem.must,
                problem.must_not,
                problem.groups,
                problem.requires,
            )
            try:
                funded.append(optimal(sample).selected)
            except PortfolioInfeasible:
                funded.append(None)
    return funded


@settings(max_examples=40, deadline=None)
@given(mc_cases(), st.integers(0, 5))
def test_each_sample_is_solved_exactly(case, seed):
    problem, low, high, ref, ref_high, costs, ranked = case
    if brute_optimal(problem.with_benefit(np.zeros(problem.n))) is None:
        return
    if (
        brute_optimal(
            PortfolioProblem(
                np.zeros(problem.n),
                costs[0],
                problem.budget,
                problem.must,
                problem.must_not,
                problem.groups,
                problem.requires,
            )
        )
        is None
    ):
        return
    sampler = rank_sampler if ranked else dirichlet
    vertices = rank_order_vertices([[0], [1], [2]]) if ranked else None
    res = funding_probability(
        problem,
        low,
        high,
        sampler,
        reference_low=ref,
        reference_high=ref_high,
        cost_low=costs[0],
        cost_high=costs[1],
        weight_vertices=vertices,
        samples=60,
        seed=seed,
        chunk_size=25,
    )
    funded = per_sample(problem, low, high, ref, ref_high, costs, sampler, 60, seed, 25)
    assert res.infeasible == sum(x is None for x in funded)
    X = np.array([x for x in funded if x is not None]).reshape(-1, problem.n)
    np.testing.assert_allclose(res.probability, X.sum(axis=0) / 60)
    distinct, counts = np.unique(X, axis=0, return_counts=True)
    assert {(row.tobytes(), c) for row, c in zip(distinct, counts, strict=True)} == {
        (row.tobytes(), round(s * 60)) for row, s in zip(res.portfolios, res.shares, strict=True)
    }


def test_reproducible_and_chunked_and_cancellable():
    rng = np.random.default_rng(4)
    problem = random_problem(rng, 8, 2, rules=False)
    low = rng.random((8, 3))
    args = (problem, low, low + 0.3, dirichlet)
    a = funding_probability(*args, samples=3000, seed=7, chunk_size=1000)
    b = funding_probability(*args, samples=3000, seed=7, chunk_size=1000)
    np.testing.assert_array_equal(a.probability, b.probability)
    seen = []
    c = funding_probability(
        *args,
        samples=3000,
        seed=7,
        chunk_size=1000,
        progress=lambda done, total: seen.append((done, total)),
        should_stop=lambda: len(seen) >= 2,
    )
    assert seen == [(1000, 3000), (2000, 3000)]
    assert c.stopped and c.samples == 2000
    assert a.samples == 3000 and not a.stopped


def test_a_sure_winner_is_always_funded_and_a_sure_loser_never():
    low = np.array([[0.9, 0.9], [0.1, 0.2], [0.5, 0.5]])
    problem = PortfolioProblem(np.zeros(3), [[1.0], [1.0], [1.0]], [2.0])
    res = funding_probability(
        problem,
        low,
        low + 0.05,
        lambda rng, k: rng.random((k, 2)),
        reference_low=np.array([0.3, 0.3]),
        samples=2000,
    )
    np.testing.assert_array_equal(res.probability, [1.0, 0.0, 1.0])
    assert len(res.portfolios) == 1 and res.infeasible == 0


def test_two_options_for_one_slot_split_by_the_weights():
    # Option 0 wins when w1 > w2: half the samples under uniform weights on the simplex.
    low = np.array([[1.0, 0.0], [0.0, 1.0]])
    problem = PortfolioProblem(np.zeros(2), [[1.0], [1.0]], [1.0])
    res = funding_probability(
        problem, low, None, lambda rng, k: rng.standard_exponential((k, 2)), samples=40_000, seed=3
    )
    assert res.probability[0] == pytest.approx(0.5, abs=0.01)
    assert res.probability.sum() == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"sampler": lambda rng, k: -np.ones((k, 2))}, "non-negative"),
        ({"sampler": lambda rng, k: np.ones((k, 3))}, r"\(5, 2\)"),
        ({"values_high": np.zeros((2, 2))}, "low <= high"),
        ({"cost_low": -np.ones((2, 1))}, ">= 0"),
        ({"weight_vertices": np.ones((1, 3))}, "shape"),
    ],
)
def test_rejects_bad_inputs(kwargs, message):
    problem = PortfolioProblem(np.zeros(2), [[1.0], [1.0]], [1.0])
    args = {
        "values_low": np.ones((2, 2)),
        "values_high": None,
        "sampler": lambda rng, k: np.ones((k, 2)),
    } | kwargs
    with pytest.raises(ValueError, match=message):
        funding_probability(
            problem,
            args.pop("values_low"),
            args.pop("values_high"),
            args.pop("sampler"),
            samples=5,
            chunk_size=5,
            **args,
        )
