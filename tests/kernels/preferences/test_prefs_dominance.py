"""Dominance, possibly / necessarily best and the Hasse reduction, against brute force."""

from __future__ import annotations

import numpy as np
import pytest

from assess.kernels.preferences import (
    Interval,
    Order,
    Ratio,
    WeightPolytope,
    dominance,
    hasse,
    necessarily_best,
    possibly_best,
)
from tests.kernels.preferences.prefs_oracles import (
    brute_vertices,
    in_polytope,
    random_statements,
    simplex_grid,
)

TOL = 1e-9


def brute_dominance(lo, hi, vertices):
    """Min and max of a linear function over P are at its vertices."""
    worst = np.einsum("am,km->ak", lo, vertices)[:, None, :] - np.einsum("bm,km->bk", hi, vertices)[None]
    best = np.einsum("am,km->ak", hi, vertices)[:, None, :] - np.einsum("bm,km->bk", lo, vertices)[None]
    d = (worst.min(axis=2) >= -TOL) & (best.max(axis=2) > TOL)
    np.fill_diagonal(d, False)
    return d, worst.min(axis=2)


def random_case(seed, ranges):
    rng = np.random.default_rng(seed)
    m, n = int(rng.integers(2, 5)), int(rng.integers(2, 7))
    p = WeightPolytope(m, random_statements(rng, m, int(rng.integers(0, 3)), ties=True))
    lo = np.round(rng.random((n, m)), 1)
    if rng.random() < 0.3:
        lo[-1] = lo[0]  # identical options
    hi = lo + (np.round(rng.random((n, m)) * 0.2, 2) if ranges else 0.0)
    return p, lo, hi


@pytest.mark.parametrize("ranges", [False, True])
@pytest.mark.parametrize("seed", range(25))
def test_dominance_and_necessarily_best_match_vertex_brute_force(seed, ranges):
    p, lo, hi = random_case(seed, ranges)
    if not p.is_feasible:
        return
    expected, worst = brute_dominance(lo, hi, brute_vertices(p))
    np.testing.assert_array_equal(dominance(lo, hi, p), expected)
    np.fill_diagonal(worst, 0.0)
    np.testing.assert_array_equal(necessarily_best(lo, hi, p), np.all(worst >= -TOL, axis=1))


def test_value_ranges_given_reversed_are_the_same_ranges():
    p, lo, hi = random_case(7, ranges=True)
    np.testing.assert_array_equal(dominance(hi, lo, p), dominance(lo, hi, p))


def test_rank_order_dominance_is_kirkwood_sarin():
    """Under w1 >= w2 >= ... >= wm, a dominates b iff every cumulative sum of
    v_a - v_b is >= 0 and one is > 0 (Kirkwood & Sarin 1985, "Ranking with
    partial information", Operations Research 33(1):38-48, Theorem 1)."""
    rng = np.random.default_rng(42)
    m, n = 6, 12
    p = WeightPolytope(m, [Order([[i] for i in range(m)])])
    values = np.round(rng.random((n, m)), 1)
    cum = np.cumsum(values[:, None, :] - values[None, :, :], axis=2)
    expected = np.all(cum >= -TOL, axis=2) & np.any(cum > TOL, axis=2)
    got = dominance(values, None, p)
    np.testing.assert_array_equal(got, expected)
    assert got.any()  # the example is not vacuous


def test_no_statements_is_dominance_by_every_criterion():
    """On the whole simplex the vertices are the criteria: a dominates b iff
    a is at least as good on each criterion and better on one (Pareto)."""
    v = np.array([[0.5, 0.5, 0.2], [0.4, 0.5, 0.2], [0.9, 0.1, 0.0], [0.5, 0.5, 0.2]])
    d = dominance(v, None, WeightPolytope(3))
    expected = np.zeros((4, 4), bool)
    expected[0, 1] = expected[3, 1] = True
    np.testing.assert_array_equal(d, expected)


@pytest.mark.parametrize("seed", range(30))
def test_possibly_best_agrees_with_a_fine_grid(seed):
    """m = 3: the max over P of min_b (hi_a - lo_b) . w, on a grid of step 1/400.
    Neighbouring grid points differ by at most 2/400 in that margin."""
    rng = np.random.default_rng(900 + seed)
    p = WeightPolytope(3, random_statements(rng, 3, int(rng.integers(0, 3))))
    n = int(rng.integers(2, 7))
    lo = rng.random((n, 3))
    hi = lo + rng.random((n, 3)) * (0.2 if seed % 2 else 0.0)
    grid = simplex_grid(3, 400)
    grid = grid[in_polytope(p, grid)]
    if not p.is_feasible or grid.shape[0] < 10:
        return
    got = possibly_best(lo, hi, p)
    for a in range(n):
        margin = ((hi[a] @ grid.T)[None] - np.delete(lo, a, axis=0) @ grid.T).min(axis=0).max()
        if margin >= 0:
            assert got[a]
        elif margin < -2 / 400 - TOL:
            assert not got[a]


def test_possibly_best_uses_the_best_case_and_necessarily_the_worst():
    p = WeightPolytope(2, [Ratio(0, 1, 1.0)])  # w0 >= w1
    lo = np.array([[0.5, 0.5], [0.45, 0.45]])
    hi = np.array([[0.5, 0.5], [0.6, 0.45]])
    assert possibly_best(lo, hi, p).tolist() == [True, True]
    assert necessarily_best(lo, hi, p).tolist() == [False, False]
    assert necessarily_best(lo, lo, p).tolist() == [True, False]


def test_one_option_is_best_either_way():
    p = WeightPolytope(2)
    assert possibly_best([[0.1, 0.2]], None, p).tolist() == [True]
    assert necessarily_best([[0.1, 0.2]], None, p).tolist() == [True]


def test_hasse_is_the_transitive_reduction():
    rng = np.random.default_rng(3)
    p = WeightPolytope(3, [Interval(0, 0.2, 0.6)])
    d = dominance(np.round(rng.random((15, 3)), 1), None, p)
    h = hasse(d)
    closure = h.copy()
    for k in range(len(h)):  # Warshall
        closure |= closure[:, [k]] & closure[[k], :]
    np.testing.assert_array_equal(closure, d)
    for a, b in zip(*np.nonzero(h), strict=True):
        assert not np.any(d[a] & d[:, b])  # no path a -> c -> b
    assert h.sum() < d.sum()  # something was reduced


def test_bad_values_are_refused():
    p = WeightPolytope(2)
    with pytest.raises(ValueError, match="criteria"):
        dominance(np.zeros((2, 3)), None, p)
    with pytest.raises(ValueError, match="finite"):
        possibly_best([[np.nan, 0.0]], None, p)
    with pytest.raises(ValueError, match="square"):
        hasse(np.zeros((2, 3), bool))
