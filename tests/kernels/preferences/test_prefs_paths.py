"""The allowed part of each one-weight stability path, against a fine grid of t."""

from __future__ import annotations

import numpy as np
import pytest

from assess.kernels.preferences import Exact, Interval, Order, WeightPolytope
from assess.kernels.preferences.paths import path_ranges
from assess.kernels.robustness.stability import weight_paths
from tests.kernels.preferences.prefs_oracles import random_statements


def path(w: np.ndarray, j: int, t: np.ndarray) -> np.ndarray:
    """w(t) rows for t (k,): w_j = t, the others rescaled in proportion."""
    others = np.delete(np.arange(len(w)), j)
    share = w[others] / w[others].sum() if w[others].sum() > 0 else np.full(len(others), 1 / len(others))
    out = np.zeros((len(t), len(w)))
    out[:, j] = t
    out[:, others] = (1 - t)[:, None] * share
    return out


def test_the_path_is_the_stability_modules_path():
    rng = np.random.default_rng(0)
    v, w = rng.random((4, 3)), rng.dirichlet(np.ones(3))
    a, b = weight_paths(v, w)
    t = np.array([0.0, 0.3, 1.0])
    for j in range(3):
        np.testing.assert_allclose(path(w, j, t) @ v.T, a[:, j][None] + t[:, None] * b[:, j][None])


@pytest.mark.parametrize("seed", range(30))
def test_ranges_match_a_grid_of_t(seed):
    rng = np.random.default_rng(seed)
    m = int(rng.integers(2, 6))
    p = WeightPolytope(m, random_statements(rng, m, int(rng.integers(1, 4))))
    if not p.is_feasible:
        return
    w = p.interior_point() if seed % 3 else rng.dirichlet(np.ones(m))
    ranges = path_ranges(p, w)
    t = np.linspace(0, 1, 2001)
    for j in range(m):
        ok = np.array([p.violated_by(x, tol=1e-9) == () for x in path(w, j, t)])
        lo, hi = ranges[j]
        if not ok.any():
            assert np.isnan(lo) or hi - lo < 1 / 2000
            continue
        assert lo <= t[ok].min() + 1e-9 and t[ok].max() <= hi + 1e-9
        assert t[ok].min() - lo <= 1 / 2000 and hi - t[ok].max() <= 1 / 2000
        assert np.all(ok[(t >= lo + 1e-9) & (t <= hi - 1e-9)])


def test_exact_weights_pin_the_path():
    p = WeightPolytope(3, [Exact(0, 0.5), Order([[1], [2]])])
    r = path_ranges(p, [0.5, 0.3, 0.2])
    np.testing.assert_allclose(r[0], [0.5, 0.5])  # moving w0 breaks Exact(0, 0.5) anywhere else
    np.testing.assert_allclose(r[1], [0.3, 0.3])  # moving w1 moves w0 with it
    assert np.isnan(path_ranges(p, [0.4, 0.3, 0.3])[1]).all()


def test_no_statements_allow_the_whole_path():
    np.testing.assert_allclose(path_ranges(WeightPolytope(3), [1, 2, 3]), [[0, 1]] * 3)
    np.testing.assert_allclose(path_ranges(WeightPolytope(3, [Interval(0, hi=0.4)]), [1, 1, 1])[0], [0, 0.4])
