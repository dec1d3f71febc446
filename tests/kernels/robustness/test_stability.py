"""Weight-stability intervals: hand-worked example and brute-force grid scans."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assess.kernels.robustness import weight_paths, weight_stability

GRID = np.linspace(0.0, 1.0, 4001)
STEP = GRID[1]
TOL = 1e-9


def totals_at(v: np.ndarray, w: np.ndarray, j: int, t: float) -> np.ndarray:
    """Totals with w_j = t and the other weights rescaled, straight from the definition."""
    w = w / w.sum()
    m = len(w)
    if m == 1:
        return v[:, 0] * t
    wt = w * (1 - t) / (1 - w[j]) if 1 - w[j] > 1e-12 else np.full(m, (1 - t) / (m - 1))
    wt[j] = t
    return v @ wt


@st.composite
def problems(draw):
    n = draw(st.integers(1, 6))
    m = draw(st.integers(1, 5))
    if draw(st.booleans()):  # continuous values and weights
        rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
        return rng.random((n, m)), rng.random(m) + 1e-3
    cells = draw(st.lists(st.integers(0, 20), min_size=n * m, max_size=n * m))
    w = draw(st.lists(st.integers(0, 10), min_size=m, max_size=m).filter(any))
    return np.array(cells, dtype=float).reshape(n, m) / 20, np.array(w, dtype=float)


def hand_example():
    v = np.array([[1.0, 0.0, 0.5], [0.0, 1.0, 0.5], [0.4, 0.6, 0.8]])
    return v, np.array([0.5, 0.3, 0.2])


def test_hand_worked_example():
    # V_A = 0.2 + 0.8t, V_B = 0.8 - 0.8t, V_C = 0.68 - 0.28t when w_0 = t, etc.
    r = weight_stability(*hand_example())
    assert r.first == 0 and r.order == (0, 2, 1)
    c0, c1, c2 = r.criteria
    assert (c0.first_lo, c0.first_hi) == pytest.approx((4 / 9, 1.0))
    assert (c0.first_taker_lo, c0.first_taker_hi) == (2, None)
    assert (c0.rank_lo, c0.rank_hi) == pytest.approx((4 / 9, 1.0))
    assert (c0.swap_lo, c0.swap_hi) == ((0, 2), None)
    assert (c1.first_lo, c1.first_hi, c1.first_taker_hi) == pytest.approx((0.0, 4 / 11, 2))
    assert c1.first_taker_lo is None and c1.swap_hi == (0, 2)
    assert (c2.first_lo, c2.first_hi, c2.first_taker_hi) == pytest.approx((0.0, 1 / 3, 2))
    change = r.smallest_change
    assert change is not None
    assert (change.criterion, change.direction, change.new_first) == (0, -1, 2)
    assert (change.weight_from, change.weight_to, change.change) == pytest.approx((0.5, 4 / 9, 1 / 18))


def test_tie_at_current_weight_gives_one_sided_interval():
    # A and B tie at w = (0.5, 0.5); A (lower index) is first and stays first only for w_0 >= 0.5.
    r = weight_stability(np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([1.0, 1.0]))
    c0 = r.criteria[0]
    assert r.first == 0
    assert (c0.first_lo, c0.first_hi, c0.first_taker_lo) == (0.5, 1.0, 1)


def test_weight_one_shares_the_rest_equally():
    v = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 1.0]])
    c0 = weight_stability(v, np.array([1.0, 0.0, 0.0])).criteria[0]
    # V_A = t, V_B = 1 - t: A stays first down to 1/2.
    assert (c0.first_lo, c0.first_hi, c0.first_taker_lo) == pytest.approx((0.5, 1.0, 1))


def test_single_option_and_single_criterion_never_change():
    r = weight_stability(np.array([[0.3, 0.9]]), np.array([1.0, 2.0]))
    assert r.smallest_change is None and r.criteria[0].first_lo == 0.0
    r = weight_stability(np.array([[0.3], [0.9]]), np.array([1.0]))
    assert r.first == 1 and r.smallest_change is None


def test_weight_paths_reproduce_current_totals():
    v, w = hand_example()
    a, b = weight_paths(v, w)
    np.testing.assert_allclose(a + w * b, np.repeat((v @ w)[:, None], 3, axis=1))


def _check_interval(gap, lo, hi, w_j):
    """gap(t) <= 0 means the property holds at t; compare with [lo, hi]."""
    assert lo <= w_j <= hi
    ok = np.array([gap(t) <= TOL for t in GRID])
    assert ok[np.isclose(GRID, w_j, atol=STEP / 2)].any() or gap(w_j) <= TOL
    inside = GRID[ok]
    assert inside.min() == pytest.approx(lo, abs=STEP)
    assert inside.max() == pytest.approx(hi, abs=STEP)


@settings(max_examples=150, deadline=None)
@given(problems())
def test_first_place_interval_matches_grid_scan(problem):
    v, w = problem
    r = weight_stability(v, w)
    for c in r.criteria:
        j, a = c.criterion, r.first

        def gap(t, j=j, a=a):
            tot = totals_at(v, w, j, t)
            return tot.max() - tot[a]

        _check_interval(gap, c.first_lo, c.first_hi, c.weight)
        for end, taker, side in ((c.first_lo, c.first_taker_lo, -1), (c.first_hi, c.first_taker_hi, 1)):
            assert (taker is None) == (end == (0.0 if side < 0 else 1.0))
            if taker is not None:
                tot = totals_at(v, w, j, end + side * 1e-7)
                assert tot[taker] > tot[a] and tot[taker] >= tot.max() - TOL


@settings(max_examples=150, deadline=None)
@given(problems())
def test_ranking_interval_matches_grid_scan(problem):
    v, w = problem
    r = weight_stability(v, w)
    order = np.array(r.order)
    for c in r.criteria:

        def gap(t, j=c.criterion):
            tot = totals_at(v, w, j, t)[order]
            return np.max(tot[1:] - tot[:-1], initial=0.0)

        _check_interval(gap, c.rank_lo, c.rank_hi, c.weight)
        for end, pair, side in ((c.rank_lo, c.swap_lo, -1), (c.rank_hi, c.swap_hi, 1)):
            if pair is not None:
                tot = totals_at(v, w, c.criterion, end + side * 1e-7)
                assert tot[pair[1]] > tot[pair[0]]


@settings(max_examples=100, deadline=None)
@given(problems())
def test_smallest_change_is_nearest_over_all_criteria(problem):
    v, w = problem
    r = weight_stability(v, w)
    nearest = np.inf
    for c in r.criteria:
        for t in GRID:
            tot = totals_at(v, w, c.criterion, t)
            if tot.max() - tot[r.first] > TOL:
                nearest = min(nearest, abs(t - c.weight))
    s = r.smallest_change
    if s is None:
        assert nearest == np.inf
    else:
        assert s.change == pytest.approx(nearest, abs=1.01 * STEP)
        tot = totals_at(v, w, s.criterion, s.weight_to + s.direction * 1e-7)
        assert tot[s.new_first] > tot[r.first]
