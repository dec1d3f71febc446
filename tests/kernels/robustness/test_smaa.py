"""SMAA-2: invariants, analytic cases, reproducibility, cancellation."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.random import PCG64, Generator

from assess.kernels.robustness import holistic_acceptability, smaa
from assess.kernels.robustness.smaa import _Weights


@st.composite
def problems(draw):
    n, m = draw(st.integers(1, 5)), draw(st.integers(1, 4))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    low = np.round(rng.random((n, m)), 1)
    if draw(st.booleans()):
        low[-1] = low[0]  # identical options: exact ties
    width = rng.random((n, m)) * draw(st.sampled_from([0.0, 0.3]))
    return low, low + width


@settings(max_examples=60, deadline=None)
@given(problems(), st.sampled_from([None, 0.0, 0.5]), st.integers(0, 10))
def test_acceptability_rows_and_columns_sum_to_one(problem, spread, seed):
    low, high = problem
    weights = None if spread is None else np.arange(1.0, low.shape[1] + 1)
    r = smaa(low, high, weights=weights, spread=spread, samples=900, chunk_size=400, seed=seed)
    np.testing.assert_allclose(r.acceptability.sum(axis=1), 1.0)
    np.testing.assert_allclose(r.acceptability.sum(axis=0), 1.0)
    first = r.acceptability[:, 0] > 0
    assert np.all(np.isnan(r.central_weights[~first]))
    np.testing.assert_allclose(r.central_weights[first].sum(axis=1), 1.0)
    assert np.all((r.confidence[first] >= 0) & (r.confidence[first] <= 1))


def test_dominating_option_always_first():
    rng = np.random.default_rng(3)
    low = rng.random((4, 5)) * 0.4
    low[2] = 0.6
    r = smaa(low, low + 0.3, samples=20_000, seed=1)
    assert r.acceptability[2, 0] == 1.0
    assert r.confidence[2] == 1.0
    assert np.all(np.isnan(np.delete(r.central_weights, 2, axis=0)))
    assert np.all(np.isnan(np.delete(r.confidence, 2)))


def test_dominated_option_has_nan_central_weights():
    values = np.array([[1.0, 0.2], [0.2, 1.0], [0.1, 0.1]])
    r = smaa(values, samples=5_000)
    assert r.acceptability[2, 0] == 0.0 and r.acceptability[2, 2] == 1.0
    assert np.all(np.isnan(r.central_weights[2])) and np.isnan(r.confidence[2])


def test_two_options_analytic():
    # Option 0 wins iff w1 > w2: half the simplex; E[w | w1 > w2] = (3/4, 1/4).
    r = smaa(np.array([[1.0, 0.0], [0.0, 1.0]]), samples=200_000, seed=5, chunk_size=30_000)
    assert r.acceptability[0, 0] == pytest.approx(0.5, abs=0.005)
    np.testing.assert_allclose(r.central_weights, [[0.75, 0.25], [0.25, 0.75]], atol=0.005)
    np.testing.assert_array_equal(r.confidence, [1.0, 1.0])  # exact: no score ranges
    assert r.confidence_samples == 0


def test_score_uncertainty_analytic():
    # Three i.i.d. uniform scores on one criterion: every rank equally likely.
    r = smaa(np.zeros((3, 1)), np.ones((3, 1)), samples=90_000, seed=2)
    np.testing.assert_allclose(r.acceptability, 1 / 3, atol=0.01)
    np.testing.assert_allclose(r.confidence, 1 / 3, atol=0.01)


def test_identical_options_split_ties_evenly():
    r = smaa(np.ones((2, 3)) * 0.5, samples=20_000, seed=0)
    np.testing.assert_allclose(r.acceptability, 0.5, atol=0.02)
    np.testing.assert_allclose(r.confidence, 0.5)


def test_ties_with_sampled_scores_are_split():
    # Options 0 and 1 are identical and certain; option 2 is uncertain.
    low = np.array([[0.5, 0.5], [0.5, 0.5], [0.0, 0.0]])
    r = smaa(low, low + [[0, 0], [0, 0], [1, 1]], samples=40_000, seed=3)
    np.testing.assert_allclose(r.acceptability.sum(axis=1), 1.0)
    assert r.acceptability[0, 0] == pytest.approx(r.acceptability[1, 0], abs=0.02)
    assert r.confidence[0] == pytest.approx(r.confidence[1], abs=0.01)
    assert 0.2 < r.confidence[0] < 0.5


def test_reproducible_for_seed_and_chunk():
    low = np.random.default_rng(0).random((5, 4))
    run = lambda seed: smaa(low, low + 0.2, samples=10_000, chunk_size=3_000, seed=seed)  # noqa: E731
    a, b, c = run(11), run(11), run(12)
    np.testing.assert_array_equal(a.acceptability, b.acceptability)
    np.testing.assert_array_equal(a.central_weights, b.central_weights)
    np.testing.assert_array_equal(a.confidence, b.confidence)
    assert not np.array_equal(a.acceptability, c.acceptability)


def test_matches_plain_numpy_with_documented_stream():
    low = np.random.default_rng(4).random((4, 3))
    high = low + 0.25
    r = smaa(low, high, samples=5_000, chunk_size=2_000, confidence_samples=0, seed=9)
    rng, counts = Generator(PCG64(9)), np.zeros((4, 4))
    for k in (2_000, 2_000, 1_000):
        w = rng.standard_exponential((k, 3))
        w /= w.sum(axis=1, keepdims=True)
        x = low + (high - low) * rng.random((k, 4, 3))
        order = np.argsort(-np.einsum("knm,km->kn", x, w), axis=1)
        np.add.at(counts, (order, np.arange(4)), 1)
    np.testing.assert_allclose(r.acceptability, counts / 5_000)
    assert np.all(np.isnan(r.confidence))


def test_fixed_weights_and_spread():
    w = np.array([0.4, 0.3, 0.2, 0.1])
    draws = _Weights(4, w, 0.5, fixed=[0]).draw(Generator(PCG64(0)), 50_000)
    np.testing.assert_allclose(draws.sum(axis=1), 1.0)
    np.testing.assert_allclose(draws[:, 0], 0.4)
    ratio = draws[:, 1] / draws[:, 3]  # w1 (1 +- s) / w3 (1 +- s)
    assert ratio.min() >= 3 * 0.5 / 1.5 - 1e-9 and ratio.max() <= 3 * 1.5 / 0.5 + 1e-9
    values = np.random.default_rng(1).random((3, 4))
    r = smaa(values, weights=w, fixed=[0, 2], samples=4_000)
    first = ~np.isnan(r.central_weights[:, 0])
    np.testing.assert_allclose(r.central_weights[first][:, [0, 2]], [[0.4, 0.2]] * first.sum())
    exact = smaa(values, weights=w, spread=0.0, samples=1_000)
    assert exact.acceptability[np.argmax(values @ w), 0] == 1.0


def test_progress_and_cancel():
    low = np.zeros((3, 2))
    calls: list[tuple[int, int]] = []
    smaa(low, low + 1, samples=1_000, chunk_size=300, progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (2_000, 2_000) and [d for d, _ in calls] == sorted(d for d, _ in calls)
    calls.clear()
    r = smaa(
        low,
        low + 1,
        samples=1_000,
        chunk_size=300,
        should_stop=lambda: len(calls) >= 2,
        progress=lambda d, t: calls.append((d, t)),
    )
    assert r.stopped and r.samples == 600 and np.all(np.isnan(r.confidence))
    np.testing.assert_allclose(r.acceptability.sum(axis=1), 1.0)


def test_holistic_acceptability_linear_meta_weights():
    b = np.array([[0.5, 0.5, 0.0], [0.5, 0.0, 0.5], [0.0, 0.5, 0.5]])
    np.testing.assert_allclose(holistic_acceptability(b), [0.75, 0.5, 0.25])


def test_bad_input():
    with pytest.raises(ValueError):
        smaa(np.zeros((2, 2)), spread=0.5)
    with pytest.raises(ValueError):
        smaa(np.zeros((2, 2)), weights=np.ones(2), spread=1.5)
    with pytest.raises(ValueError):
        smaa(np.zeros((2, 2)), weights=np.ones(2), fixed=[3])
