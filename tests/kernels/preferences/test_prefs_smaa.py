"""SMAA-2 with a weight sampler: unchanged without one, the same with the simplex's,
and right under statements (against SMAA on rejection-sampled weights)."""

from __future__ import annotations

import numpy as np
import pytest

from assess.kernels.preferences import (
    Interval,
    Order,
    Ratio,
    WeightPolytope,
    rejection_sample,
    weight_sampler,
)
from assess.kernels.robustness import smaa

LOW = np.array([[0.13, 0.5, 0.6], [0.03, 0.15, 0.93], [0.07, 0.13, 0.95], [0.62, 0.37, 0.51]])
HIGH = np.array([[0.33, 0.58, 0.64], [0.27, 0.35, 1.08], [0.32, 0.29, 1.24], [0.68, 0.54, 0.66]])

# Recorded with smaa(LOW, HIGH, samples=3000, chunk_size=700, seed=7, **kwargs) before
# `weight_sampler` existed (commit 333debb): rank counts, central weights, confidence.
RECORDED = {
    "uniform": (
        {},
        [[313, 997, 662, 1028], [218, 820, 1006, 956], [822, 755, 761, 662], [1647, 428, 571, 354]],
        [
            [0.09051894886803569, 0.7346301990779781, 0.1748508520539862],
            [0.14949417091772427, 0.26942834725795617, 0.5810774818243195],
            [0.1902823710475791, 0.20795427996071045, 0.6017633489917104],
            [0.4850163672214981, 0.3267640952925261, 0.18821953748597578],
        ],
        [0.737, 0.241, 0.7816666666666666, 1.0],
    ),
    "spread": (
        {"weights": [3.0, 2.0, 1.0], "spread": 0.4},
        [[0, 2186, 643, 171], [0, 221, 953, 1826], [0, 593, 1404, 1003], [3000, 0, 0, 0]],
        [
            [np.nan] * 3,
            [np.nan] * 3,
            [np.nan] * 3,
            [0.49782907910268326, 0.3334779049907202, 0.16869301590659674],
        ],
        [np.nan, np.nan, np.nan, 1.0],
    ),
    "fixed": (
        {"weights": [3.0, 2.0, 1.0], "fixed": [1]},
        [[0, 1014, 967, 1019], [307, 958, 739, 996], [957, 785, 785, 473], [1736, 243, 509, 512]],
        [
            [np.nan] * 3,
            [0.1304708218503147, 0.3333333333333331, 0.536195844816352],
            [0.14780516602515129, 0.33333333333333337, 0.5188615006415154],
            [0.4713398404722866, 0.3333333333333321, 0.19532682619438008],
        ],
        [np.nan, 0.267, 0.7343333333333333, 1.0],
    ),
}


@pytest.mark.parametrize("name", sorted(RECORDED))
def test_results_without_a_sampler_are_the_recorded_ones(name):
    kwargs, counts, central, confidence = RECORDED[name]
    r = smaa(LOW, HIGH, samples=3000, chunk_size=700, seed=7, **kwargs)
    np.testing.assert_array_equal(np.rint(r.acceptability * 3000).astype(int), counts)
    np.testing.assert_allclose(r.central_weights, central, rtol=1e-12)
    np.testing.assert_allclose(r.confidence, confidence, rtol=1e-12)


@pytest.mark.parametrize("high", [None, HIGH])
def test_the_simplex_sampler_is_bit_identical_to_no_sampler(high):
    sampler = weight_sampler(WeightPolytope(3))
    ours = smaa(LOW, high, samples=5000, chunk_size=1200, seed=3, weight_sampler=sampler)
    base = smaa(LOW, high, samples=5000, chunk_size=1200, seed=3)
    for a, b in [
        (ours.acceptability, base.acceptability),
        (ours.central_weights, base.central_weights),
        (ours.confidence, base.confidence),
    ]:
        np.testing.assert_array_equal(a, b)


def test_sampler_output_is_checked_and_exclusive():
    with pytest.raises(ValueError, match="3 finite non-negative"):
        smaa(LOW, samples=10, weight_sampler=lambda rng, k: np.ones((k, 2)))
    with pytest.raises(ValueError, match="replaces"):
        smaa(
            LOW, samples=10, spread=0.1, weights=[1, 1, 1], weight_sampler=lambda rng, k: np.ones((k, 3)) / 3
        )


def test_smaa_under_statements_matches_rejection_sampled_weights():
    """Rank acceptabilities with hit-and-run weights against those with independent
    rejection-sampled weights; standard errors from 8 replications of each, Z = 5."""
    p = WeightPolytope(3, [Ratio(0, 1, 1.5, 3.0), Interval(2, hi=0.4)])
    values = np.array([[0.9, 0.2, 0.4], [0.5, 0.6, 0.5], [0.3, 0.9, 0.8], [0.6, 0.4, 0.2]])

    def rejection(rng, k):
        return rejection_sample(p, k, rng)

    def runs(make):
        return np.array(
            [smaa(values, samples=20_000, seed=s, weight_sampler=make()).acceptability for s in range(8)]
        )

    har = runs(lambda: weight_sampler(p))
    ref = runs(lambda: rejection)
    se = np.sqrt(har.var(0, ddof=1) / 8 + ref.var(0, ddof=1) / 8)
    assert np.all(np.abs(har.mean(0) - ref.mean(0)) <= 5 * se)
    assert weight_sampler(p).method == "hit-and-run"


def test_rank_order_smaa_uses_exact_sampling_and_respects_the_order():
    p = WeightPolytope(3, [Order([[2], [1], [0]])])
    values = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    r = smaa(values, samples=4000, seed=1, weight_sampler=weight_sampler(p))
    assert r.acceptability[2, 0] == 1.0  # w2 >= w1 >= w0: option 2 is always first
    assert np.all(r.central_weights[2, 2] >= r.central_weights[2, 1] >= r.central_weights[2, 0])


def _ar1_sampler(chains: int, rho: float):
    """Weights (0.5 + 0.05 z, 0.5 - 0.05 z), z an AR(1) per chain with coefficient rho and a
    stationary start, drawn round by round as `HitAndRun` gives them (draw i from chain
    i % chains); the weight's ESS is samples (1 - rho) / (1 + rho)."""
    state: dict = {}

    def draw(rng: np.random.Generator, k: int) -> np.ndarray:
        if state.get("rng") is not rng:
            state.update(rng=rng, z=rng.standard_normal(chains), buffer=np.zeros(0))
        out = [state["buffer"]]
        while sum(len(x) for x in out) < k:
            state["z"] = rho * state["z"] + np.sqrt(1 - rho**2) * rng.standard_normal(chains)
            out.append(state["z"].copy())
        z = np.concatenate(out)
        state["buffer"] = z[k:]
        w0 = np.clip(0.5 + 0.05 * z[:k], 0.0, 1.0)
        return np.stack([w0, 1.0 - w0], axis=1)

    return draw


@pytest.mark.parametrize(("rho", "chains"), [(0.0, 10), (0.9, 10), (0.98, 50)])
def test_effective_samples_of_chains_with_a_known_answer(rho, chains):
    """Option 0 is first when w0 > 0.5: its rank-1 indicator is the sign of z, less
    correlated than z itself (arcsine law), so the least ESS is the weight's."""
    values = np.array([[1.0, 0.0], [0.0, 1.0]])
    samples = 200_000
    r = smaa(values, samples=samples, seed=3, weight_sampler=_ar1_sampler(chains, rho), chains=chains)
    assert r.effective_samples == pytest.approx(samples * (1 - rho) / (1 + rho), rel=0.15)


def test_independent_and_exact_draws_are_worth_their_number():
    p = WeightPolytope(3, [Order([[0], [1], [2]])])
    exact = weight_sampler(p)
    assert exact.method == "exact" and exact.chains is None
    assert smaa(LOW, HIGH, samples=3000, weight_sampler=exact).effective_samples == 3000
    assert smaa(LOW, HIGH, samples=3000).effective_samples == 3000
    har = weight_sampler(p, method="hit-and-run")
    assert har.chains is not None
    r = smaa(LOW, HIGH, samples=20_000, weight_sampler=har, chains=har.chains)
    assert 100 < r.effective_samples < 20_000
    with pytest.raises(ValueError, match="chains needs a weight_sampler"):
        smaa(LOW, HIGH, samples=100, chains=4)


def test_a_stopped_run_measures_the_samples_it_drew():
    """Stopped after two chunks: the ESS is of the samples drawn (batches sized for the
    40,000 asked), at most their number, near the AR(1) answer for 10,000."""
    values = np.array([[1.0, 0.0], [0.0, 1.0]])
    calls = iter(range(100))
    r = smaa(
        values,
        samples=40_000,
        chunk_size=5_000,
        seed=4,
        weight_sampler=_ar1_sampler(10, 0.9),
        chains=10,
        should_stop=lambda: next(calls) >= 2,
    )
    assert r.stopped and r.samples == 10_000
    assert 0 < r.effective_samples <= 10_000
    want = 10_000 * 0.1 / 1.9
    assert r.effective_samples == pytest.approx(want, rel=0.3)
