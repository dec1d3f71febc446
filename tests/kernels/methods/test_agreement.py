"""Kendall's tau-b between rankings."""

from __future__ import annotations

import math
import time

import numpy as np
import pytest

from assess.kernels.methods import MethodError, agreement, kendall_tau_b, tau_matrix


def test_identical_and_reversed() -> None:
    assert kendall_tau_b([1, 2, 3, 4], [1, 2, 3, 4]) == 1.0
    assert kendall_tau_b([1, 2, 3, 4], [4, 3, 2, 1]) == -1.0


def test_small_example_with_ties_by_hand() -> None:
    """x = (1, 2, 2, 3), y = (1, 3, 2, 3). Of the 6 pairs: concordant (0,1), (0,2),
    (0,3), (2,3) = 4; discordant none; (1,2) tied in x, (1,3) tied in y.
    n0 = 6, n1 = 1, n2 = 1, so tau_b = 4 / sqrt(5 * 5) = 0.8."""
    assert kendall_tau_b([1, 2, 2, 3], [1, 3, 2, 3]) == pytest.approx(0.8, abs=1e-15)


def test_one_discordant_pair() -> None:
    """Swapping two neighbours of 5: 9 concordant, 1 discordant, tau = 8 / 10."""
    assert kendall_tau_b([1, 2, 3, 4, 5], [1, 3, 2, 4, 5]) == pytest.approx(0.8)


def test_undefined_when_a_ranking_ties_everything() -> None:
    assert math.isnan(kendall_tau_b([1, 1, 1], [1, 2, 3]))
    assert math.isnan(kendall_tau_b([1], [1]))


def test_lengths_must_match_and_ranks_be_finite() -> None:
    with pytest.raises(MethodError, match="3 and 2 options"):
        kendall_tau_b([1, 2, 3], [1, 2])
    with pytest.raises(MethodError, match="finite"):
        kendall_tau_b([1, 2, np.nan], [1, 2, 3])


@pytest.mark.parametrize("seed", range(40))
def test_matches_scipy_tau_b(seed: int) -> None:
    stats = pytest.importorskip("scipy.stats")
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 300))
    levels = int(rng.integers(1, 12)) if seed % 2 else n
    x, y = rng.integers(0, levels, n), rng.integers(0, levels, n)
    if seed % 3 == 0:
        y = x + rng.integers(0, 3, n)  # correlated
    expected = stats.kendalltau(x, y, variant="b").statistic
    got = kendall_tau_b(x, y)
    assert (math.isnan(got) and math.isnan(expected)) or got == pytest.approx(expected, abs=1e-12)


def test_large_rankings_are_fast() -> None:
    rng = np.random.default_rng(1)
    x = rng.random(100_000)
    start = time.perf_counter()
    tau = kendall_tau_b(x, x + rng.random(100_000))
    assert time.perf_counter() - start < 2.0
    assert 0.4 < tau < 0.6


def test_matrix_and_named_table() -> None:
    ranks = {"wsm": [1, 2, 3, 4], "topsis": [2, 1, 3, 4], "vikor": [4, 3, 2, 1]}
    table = agreement(ranks)
    assert table.names == ("wsm", "topsis", "vikor")
    np.testing.assert_allclose(np.diag(table.tau), 1.0)
    np.testing.assert_allclose(table.tau, table.tau.T)
    assert table.tau[0, 1] == pytest.approx(4 / 6)
    assert table.tau[0, 2] == -1.0
    np.testing.assert_allclose(tau_matrix(list(ranks.values())), table.tau)
