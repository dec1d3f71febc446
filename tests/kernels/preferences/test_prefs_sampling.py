"""Uniform weight samplers: exact cases, hit-and-run against rejection sampling.

Tolerances: a statistic passes when within Z = 5 standard errors of its
reference, the errors of both estimates combined. Hit-and-run is checked on
independent chains (one sample per chain after the burn-in, so the standard
errors are those of independent draws) and, for the continuing chain, with
batch means.
"""

from __future__ import annotations

import numpy as np
import pytest

from assess.kernels.preferences import (
    Exact,
    HitAndRun,
    Interval,
    Order,
    Ratio,
    WeightPolytope,
    rejection_sample,
    weight_sampler,
)
from assess.kernels.preferences.sampling import default_burn_in
from assess.kernels.weighting.rank_order import roc_position_weights

Z = 5.0

CASES = {
    "simplex": (3, []),
    "ratio and cap": (3, [Ratio(0, 1, 1.5, 3.0), Interval(2, hi=0.4)]),
    "thin sliver": (3, [Ratio(0, 1, 2.8, 3.0)]),
    "corner": (4, [Interval(0, lo=0.7)]),
    "mixed": (4, [Interval(0, 0.2, 0.4), Ratio(1, 2, lo=1.0), Interval(3, hi=0.15)]),
    "five": (5, [Order([[0], [1]]), Ratio(2, 3, 0.5, 2.0), Interval(4, 0.05, 0.3)]),
}


def moments_agree(x: np.ndarray, y: np.ndarray) -> None:
    """Means and variances of each coordinate within Z combined standard errors."""
    for a in (x, y):
        assert np.all(np.isfinite(a))
    se_mean = np.sqrt(x.var(0) / len(x) + y.var(0) / len(y))
    assert np.all(np.abs(x.mean(0) - y.mean(0)) <= Z * se_mean + 1e-12)

    def var_se(a):
        c2 = (a - a.mean(0)) ** 2
        return np.sqrt(c2.var(0) / len(a))

    assert np.all(np.abs(x.var(0) - y.var(0)) <= Z * np.sqrt(var_se(x) ** 2 + var_se(y) ** 2) + 1e-12)


def histograms_agree(x: np.ndarray, y: np.ndarray, bins: int = 10) -> None:
    """Each coordinate's histogram (bins on the pooled range): every bin's share within Z SE."""
    for j in range(x.shape[1]):
        edges = np.linspace(min(x[:, j].min(), y[:, j].min()), max(x[:, j].max(), y[:, j].max()), bins + 1)
        px = np.histogram(x[:, j], edges)[0] / len(x)
        py = np.histogram(y[:, j], edges)[0] / len(y)
        pooled = (px * len(x) + py * len(y)) / (len(x) + len(y))
        se = np.sqrt(pooled * (1 - pooled) * (1 / len(x) + 1 / len(y)))
        assert np.all(np.abs(px - py) <= Z * se + 1e-12), (j, px, py)


@pytest.mark.parametrize("name", sorted(CASES))
def test_hit_and_run_matches_rejection_sampling(name):
    m, statements = CASES[name]
    p = WeightPolytope(m, statements)
    k = 20_000
    har = HitAndRun(p, chains=k)(np.random.default_rng(1), k)  # one sample per chain
    ref = rejection_sample(p, k, np.random.default_rng(2))
    moments_agree(har, ref)
    histograms_agree(har, ref)


def test_continuing_chains_stay_uniform():
    """Many rounds of a few chains (thin 1): means by batch means of 40 batches."""
    m, statements = CASES["mixed"]
    p = WeightPolytope(m, statements)
    rng = np.random.default_rng(3)
    har = HitAndRun(p, chains=50)(rng, 200_000)
    ref = rejection_sample(p, 50_000, np.random.default_rng(4))
    batches = har.reshape(40, -1, m).mean(axis=1)
    se = np.sqrt(batches.var(0, ddof=1) / 40 + ref.var(0) / len(ref))
    assert np.all(np.abs(har.mean(0) - ref.mean(0)) <= Z * se)


def test_rank_order_mean_is_the_rank_order_centroid():
    """The uniform distribution on w1 >= ... >= wm has mean w_k = (1/m) sum_{i>=k} 1/i,
    the ROC weights (Barron & Barrett 1996, Management Science 42(11):1515-1523)."""
    m, k = 6, 20_000
    p = WeightPolytope(m, [Order([[i] for i in range(m)])])
    roc = np.array(roc_position_weights(m))
    exact = weight_sampler(p)
    assert exact.method == "exact"
    for sampler in (exact, HitAndRun(p, chains=k)):
        w = sampler(np.random.default_rng(5), k)
        assert np.all(np.diff(w, axis=1) <= 1e-12)
        assert np.all(np.abs(w.mean(0) - roc) <= Z * w.std(0) / np.sqrt(k))


def test_sorted_uniform_weights_are_the_same_distribution():
    """SMAA's ordinal weights: uniform simplex draws sorted in decreasing order
    (Lahdelma & Salminen 2001, Operations Research 49(3):444-454)."""
    m, k = 4, 30_000
    p = WeightPolytope(m, [Order([[i] for i in range(m)])])
    ours = weight_sampler(p)(np.random.default_rng(6), k)
    ref = -np.sort(-np.random.default_rng(7).dirichlet(np.ones(m), k), axis=1)
    moments_agree(ours, ref)
    histograms_agree(ours, ref)


def test_tie_is_uniform_on_its_segment():
    """w0 = w1 >= w2: w0 = x, w2 = 1 - 2x with x uniform on [1/3, 1/2]."""
    p = WeightPolytope(3, [Order([[0, 1], [2]])])
    assert p.dimension == 1
    for sampler in (weight_sampler(p), HitAndRun(p, chains=20_000)):
        w = sampler(np.random.default_rng(8), 20_000)
        assert np.abs(w[:, 0] - w[:, 1]).max() < 1e-12
        x = w[:, 0]
        assert abs(x.mean() - 5 / 12) <= Z * (1 / 6) / np.sqrt(12 * len(x))
        assert x.min() >= 1 / 3 - 1e-12 and x.max() <= 0.5 + 1e-12


def test_exact_ratio_like_the_hitandrun_example():
    """hitandrun's example: w1 / w2 = 2 on three criteria; w2 = t uniform on [0, 1/3]."""
    p = WeightPolytope(3, [Ratio(0, 1, 2.0, 2.0), Exact(2, 0.1)])
    w = HitAndRun(p, chains=1000)(np.random.default_rng(9), 1000)
    np.testing.assert_allclose(w[:, 0], 2 * w[:, 1], atol=1e-12)
    np.testing.assert_allclose(w.sum(axis=1), 1.0)
    np.testing.assert_allclose(w[:, 1], 0.3, atol=1e-12)  # Exact(2, 0.1) pins w1 = 0.9 / 3
    q = WeightPolytope(3, [Ratio(0, 1, 2.0, 2.0)])
    t = HitAndRun(q, chains=20_000)(np.random.default_rng(10), 20_000)[:, 1]
    assert abs(t.mean() - 1 / 6) <= Z * (1 / 3) / np.sqrt(12 * len(t))


def test_single_point_polytope_repeats_it():
    """hitandrun's tests/degenerate.R: the sample is the only point."""
    p = WeightPolytope(3, [Interval(0, lo=0.5), Ratio(2, 0, lo=1.0)])
    w = weight_sampler(p)(np.random.default_rng(0), 10)
    np.testing.assert_allclose(w, np.tile([0.5, 0.0, 0.5], (10, 1)), atol=1e-9)


@pytest.mark.parametrize("name", sorted(CASES))
def test_samples_lie_in_the_polytope(name):
    m, statements = CASES[name]
    p = WeightPolytope(m, statements)
    w = HitAndRun(p, chains=64)(np.random.default_rng(11), 5_000)
    assert w.shape == (5_000, m) and np.all(w >= 0)
    np.testing.assert_allclose(w.sum(axis=1), 1.0, atol=1e-12)
    assert np.all(w @ p.rows.A.T <= p.rows.b + 1e-9)


def test_reproducible_and_independent_of_how_the_samples_are_asked_for():
    p = WeightPolytope(4, CASES["mixed"][1])
    whole = HitAndRun(p, chains=30)(np.random.default_rng(12), 1000)
    sampler = HitAndRun(p, chains=30)
    rng = np.random.default_rng(12)
    parts = np.concatenate([sampler(rng, k) for k in (7, 300, 93, 600)])
    np.testing.assert_array_equal(parts, whole)
    again = sampler(np.random.default_rng(12), 1000)  # a new Generator restarts the chains
    np.testing.assert_array_equal(again, whole)


def test_auto_picks_exact_for_simplices_and_hit_and_run_otherwise():
    assert weight_sampler(WeightPolytope(5)).method == "exact"
    assert weight_sampler(WeightPolytope(5, [Order([[0, 1], [2], [3, 4]])])).method == "exact"
    assert weight_sampler(WeightPolytope(4, CASES["mixed"][1])).method == "hit-and-run"
    with pytest.raises(ValueError, match="simplex"):
        weight_sampler(WeightPolytope(4, CASES["mixed"][1]), method="exact")


def test_burn_in_follows_the_documented_rule():
    assert default_burn_in(0) == 0
    assert default_burn_in(2) == 100  # the floor
    assert default_burn_in(19) == 5137  # ceil(ln(20) / 4 * 19^3)
