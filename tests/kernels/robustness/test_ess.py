"""The effective sample size against series whose answer is known.

* independent draws: ESS about M N;
* AR(1), x_t = rho x_{t-1} + e_t, stationary start: tau = (1 + rho) / (1 - rho), so
  ESS = M N (1 - rho) / (1 + rho) (e.g. Geyer 1992, Statistical Science 7(4), section 1);
* chains stuck in different places: ESS about the number of chains, however long they are.

Tolerances: the estimator's own sampling error, about sqrt(2 tau / N_total)-relative
per Geyer's approximation of the spectral variance at zero; we allow 15 % at these sizes.
"""

from __future__ import annotations

import numpy as np
import pytest

from assess.kernels.robustness.ess import BatchMeans, autocovariance, effective_sample_size


def ar1(rng: np.random.Generator, chains: int, n: int, rho: float) -> np.ndarray:
    e = rng.standard_normal((chains, n))
    x = np.empty((chains, n))
    x[:, 0] = e[:, 0] / np.sqrt(1 - rho**2)  # stationary start
    for t in range(1, n):
        x[:, t] = rho * x[:, t - 1] + e[:, t]
    return x


def test_autocovariance_is_the_direct_sum():
    x = np.random.default_rng(0).random((3, 50))
    c = x - x.mean(axis=1, keepdims=True)
    direct = np.array([[(row[: 50 - t] * row[t:]).sum() / 50 for t in range(50)] for row in c])
    assert np.allclose(autocovariance(x), direct)


@pytest.mark.parametrize("chains", [1, 4, 100])
def test_independent_draws_are_worth_their_number(chains):
    rng = np.random.default_rng(chains)
    n = 40_000 // chains
    assert effective_sample_size(rng.standard_normal((chains, n))) == pytest.approx(chains * n, rel=0.15)
    coins = (rng.random((chains, n)) < 0.1).astype(float)  # an indicator, as SMAA's rank-1 shares
    assert effective_sample_size(coins) == pytest.approx(chains * n, rel=0.15)


@pytest.mark.parametrize("batches", [None, 512, 64])
@pytest.mark.parametrize(("rho", "chains"), [(0.5, 1), (0.9, 4), (0.99, 20), (-0.5, 4)])
def test_ar1_has_the_known_effective_sample_size(rho, chains, batches):
    """With and without batch means (None: Geyer's estimator on the draws themselves)."""
    rng = np.random.default_rng(int(100 * abs(rho)) + chains)
    n = 200_000 // chains
    want = chains * n * (1 - rho) / (1 + rho)
    got = float(effective_sample_size(ar1(rng, chains, n, rho), max_batches=batches))
    assert got == pytest.approx(want, rel=0.15)


def test_draws_fed_in_pieces_are_the_draws_fed_at_once():
    rng = np.random.default_rng(11)
    x = np.stack([ar1(rng, 7, 3_001, 0.8), rng.random((7, 3_001))], axis=2)
    whole = effective_sample_size(x, max_batches=100)
    acc = BatchMeans(7, 3_001, 2, max_batches=100)
    flat = x.transpose(1, 0, 2).reshape(-1, 2)
    for piece in np.array_split(flat, [5, 6, 700, 701, 9_000]):
        acc.add(piece)
    assert np.allclose(acc.effective(), whole)


def test_chains_that_never_meet_count_about_once_each():
    """Each chain an AR(1) around its own level: within-chain variance hides nothing,
    the between-chain variance B shows it (Vehtari et al. 2021)."""
    rng = np.random.default_rng(7)
    x = ar1(rng, 10, 2_000, 0.5) * 0.01 + rng.standard_normal((10, 1))
    assert float(effective_sample_size(x)) < 30


def test_quantities_are_separate_and_constants_are_nan():
    rng = np.random.default_rng(3)
    x = np.stack([rng.standard_normal((4, 5_000)), ar1(rng, 4, 5_000, 0.9), np.ones((4, 5_000))], axis=2)
    ess = effective_sample_size(x)
    assert ess.shape == (3,) and np.isnan(ess[2])
    assert ess[0] == pytest.approx(20_000, rel=0.15) and ess[1] == pytest.approx(20_000 / 19, rel=0.15)


def test_too_short_chains_count_once_each():
    assert float(effective_sample_size(np.random.default_rng(0).random((50, 3)))) == 50
    with pytest.raises(ValueError):
        effective_sample_size(np.zeros((0, 4)))
