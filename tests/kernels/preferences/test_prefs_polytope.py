"""Weight statements and their polytope: rows, bounds, ratios, hull, violations."""

from __future__ import annotations

import numpy as np
import pytest

from assess.kernels.preferences import (
    Exact,
    InfeasibleStatements,
    Interval,
    Order,
    Ratio,
    WeightPolytope,
)
from tests.kernels.preferences.prefs_oracles import (
    brute_vertices,
    in_polytope,
    random_statements,
    simplex_grid,
)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Interval(0, 0.5, 0.2), "above upper bound"),
        (lambda: Interval(0), "give a lower bound"),
        (lambda: Interval(0, 1.5), r"in \[0, 1\]"),
        (lambda: Interval(-1, 0.1), "criterion index"),
        (lambda: Interval(True, 0.1), "criterion index"),
        (lambda: Ratio(2, 2, 1.0), "with itself"),
        (lambda: Ratio(0, 1, 3.0, 1.5), "above upper bound"),
        (lambda: Ratio(0, 1, float("nan")), ">= 0 and finite"),
        (lambda: Exact(0, 1.2), r"in \[0, 1\]"),
        (lambda: Order([[0], [1, 0]]), "twice"),
        (lambda: Order([[0], []]), "non-empty"),
    ],
)
def test_bad_statements_say_what_is_wrong(make, message):
    with pytest.raises(ValueError, match=message):
        make()


def test_statements_are_frozen_and_hashable():
    o = Order([[2, 1], [0]])
    assert o.groups == ((2, 1), (0,)) and hash(o) == hash(Order(((2, 1), (0,))))
    with pytest.raises(AttributeError):
        o.groups = ()  # type: ignore[misc]


def test_index_out_of_range_names_the_statement():
    with pytest.raises(ValueError, match="statement 1: criterion index 3 out of range for 3"):
        WeightPolytope(3, [Interval(0, 0.1), Ratio(3, 0, 1.0)])


def test_rows_remember_their_statement():
    p = WeightPolytope(3, [Order([[0, 1], [2]]), Ratio(0, 2, 1.5, 3.0), Exact(2, 0.2)])
    np.testing.assert_array_equal(p.rows.source, [0, 1, 1])
    np.testing.assert_array_equal(p.rows.eq_source, [0, 2])
    np.testing.assert_allclose(p.rows.A, [[-1, 0, 1], [-1, 0, 1.5], [1, 0, -3]])
    np.testing.assert_allclose(p.rows.E, [[-1, 1, 0], [0, 0, 1]])


def test_no_statements_is_the_simplex():
    p = WeightPolytope(4)
    np.testing.assert_allclose(p.vertices(), np.eye(4)[::-1])
    np.testing.assert_allclose(p.bounds(), [[0, 1]] * 4, atol=1e-12)
    np.testing.assert_allclose(p.interior_point(), 0.25)
    assert p.dimension == 3 and p.is_feasible
    assert p.ratio_bounds(0, 1) == (0.0, np.inf)


def test_one_criterion():
    p = WeightPolytope(1)
    assert p.dimension == 0
    np.testing.assert_allclose(p.vertices(), [[1.0]])
    np.testing.assert_allclose(p.interior_point(), [1.0])


def test_rank_order_vertices_are_the_published_ones():
    """w1 >= w2 >= ... >= wm has vertices (1/k)(1, .., 1, 0, .., 0), k = 1..m
    (Kirkwood & Sarin 1985, Operations Research 33(1):38-48; Liesio, Mild &
    Salo 2007, EJOR 181(3):1488-1505)."""
    m = 5
    p = WeightPolytope(m, [Order([[i] for i in range(m)])])
    expected = np.array([[1.0 / k if j < k else 0.0 for j in range(m)] for k in range(1, m + 1)])
    got = p.vertices()
    assert got.shape == expected.shape
    for row in expected:
        assert np.abs(got - row).max(axis=1).min() < 1e-12


def test_hitandrun_degenerate_cases_are_single_points():
    """The two degenerate spaces of hitandrun's tests/degenerate.R (cran/hitandrun):
    explicit w1 = w2 = w3 -> (1/3, 1/3, 1/3); implicit -w1 + w2 + w3 <= 0 and
    w1 <= w3 -> (0.5, 0, 0.5)."""
    explicit = WeightPolytope(3, [Order([[0, 1, 2]])])
    assert explicit.dimension == 0
    np.testing.assert_allclose(explicit.interior_point(), [1 / 3] * 3)
    # -w1 + w2 + w3 <= 0  is  w2 + w3 <= w1: with sum 1, w1 >= 1/2; and w1 <= w3
    implicit = WeightPolytope(3, [Interval(0, lo=0.5), Ratio(2, 0, lo=1.0)])
    assert implicit.dimension == 0
    np.testing.assert_allclose(implicit.interior_point(), [0.5, 0, 0.5], atol=1e-9)
    np.testing.assert_allclose(implicit.vertices(), [[0.5, 0, 0.5]], atol=1e-9)


def test_ties_and_exact_weights_lower_the_dimension():
    p = WeightPolytope(5, [Order([[0, 1], [2]]), Exact(4, 0.1)])
    assert p.dimension == 2
    w = p.interior_point()
    assert abs(w[0] - w[1]) < 1e-12 and abs(w[4] - 0.1) < 1e-12 and w[0] > w[2] > 0


@pytest.mark.parametrize("seed", range(40))
def test_vertices_bounds_and_ratios_agree_with_brute_force(seed):
    rng = np.random.default_rng(seed)
    m = int(rng.integers(2, 6))
    p = WeightPolytope(m, random_statements(rng, m, int(rng.integers(1, 4)), ties=True))
    brute = brute_vertices(p)
    assert p.is_feasible == (brute.shape[0] > 0)
    if not p.is_feasible:
        return
    got = p.vertices()
    assert got.shape == brute.shape
    assert np.abs(got - brute).max() < 1e-8
    np.testing.assert_allclose(p.bounds(), np.c_[brute.min(axis=0), brute.max(axis=0)], atol=1e-8)
    i, j = rng.choice(m, 2, replace=False)
    lo, hi = p.ratio_bounds(int(i), int(j))
    positive = brute[:, j] > 1e-12
    if not positive.any():
        assert np.isnan(lo) and np.isnan(hi)
        return
    ratios = brute[positive, i] / brute[positive, j]
    assert lo == pytest.approx(ratios.min(), abs=1e-7)
    unbounded = np.any((brute[:, j] <= 1e-12) & (brute[:, i] > 1e-12))
    assert hi == (np.inf if unbounded else pytest.approx(ratios.max(), rel=1e-7))


@pytest.mark.parametrize("seed", range(10))
def test_bounds_agree_with_a_fine_simplex_grid(seed):
    """Three criteria, full-dimensional statements: grid min/max within one grid step."""
    rng = np.random.default_rng(100 + seed)
    p = WeightPolytope(3, random_statements(rng, 3, 2))
    grid = simplex_grid(3, 300)
    inside = grid[in_polytope(p, grid)]
    if not p.is_feasible or inside.shape[0] < 3:
        return
    b = p.bounds()
    assert np.all(b[:, 0] <= inside.min(axis=0) + 1e-9) and np.all(b[:, 1] >= inside.max(axis=0) - 1e-9)
    assert np.all(inside.min(axis=0) - b[:, 0] <= 2 / 300) and np.all(b[:, 1] - inside.max(axis=0) <= 2 / 300)


def test_interior_point_is_strictly_inside():
    p = WeightPolytope(4, [Ratio(0, 1, 1.5, 3.0), Interval(2, 0.1, 0.3), Order([[3], [1]])])
    w = p.interior_point()
    assert np.all(p.rows.A @ w < p.rows.b - 1e-3) and np.all(w > 1e-3)
    assert w.sum() == pytest.approx(1.0)


def test_violated_by_names_the_broken_statements():
    p = WeightPolytope(4, [Order([[0], [1]]), Interval(2, hi=0.2), Ratio(3, 1, 1.5, 3.0), Exact(0, 0.4)])
    assert p.violated_by([40, 20, 10, 30]) == ()  # the ratio 1.5 on its bound holds
    assert p.violated_by([30, 20, 10, 40]) == (3,)
    assert p.violated_by([2, 3, 3, 2]) == (0, 1, 2, 3)
    with pytest.raises(ValueError, match="non-negative"):
        p.violated_by([1, -1, 0, 0])
    with pytest.raises(ValueError, match="4 finite"):
        p.violated_by([1, 1, 1])


def test_infeasible_statements_raise_naming_the_conflict():
    p = WeightPolytope(3, [Interval(0, lo=0.6), Ratio(1, 0, lo=1.0)])
    assert not p.is_feasible
    with pytest.raises(InfeasibleStatements, match="smallest conflicting set: statements 0, 1") as e:
        p.bounds()
    assert e.value.conflict.statements == (0, 1)
    assert p.violated_by([1, 1, 1]) == (0,)  # still answers for point weights


def test_tied_rank_order_vertices():
    """Groups {0, 1} > {2} > {3, 4}: vertices (1/k)(1, .., 1, 0, ..) with whole groups."""
    got = WeightPolytope(5, [Order([[0, 1], [2], [3, 4]])]).vertices()
    expected = np.array([[0.5, 0.5, 0, 0, 0], [1 / 3, 1 / 3, 1 / 3, 0, 0], [0.2] * 5])
    np.testing.assert_allclose(got, expected[np.lexsort(np.round(expected, 9).T[::-1])], atol=1e-12)


def test_vertices_of_a_twenty_criterion_polytope_agree_with_lps():
    """Too big for brute force: every vertex lies in P, and for random objectives
    the LP optimum over P equals the best vertex (so none is missing)."""
    rng = np.random.default_rng(8)
    statements = [
        Order([[0], [1], [2]]),
        Interval(0, 0.05, 0.4),
        Ratio(1, 2, 1.5, 3.0),
        Interval(6, lo=0.02),
        Ratio(7, 8, lo=1.0),
        Interval(9, hi=0.1),
        Ratio(10, 11, 0.5, 2.0),
        Order([[12], [13, 14]]),
        Interval(15, 0.01, 0.2),
        Ratio(16, 17, hi=2.0),
    ]
    p = WeightPolytope(20, statements)
    v = p.vertices()
    assert len(v) > 20 and np.all(in_polytope(p, v)) and np.all(v >= 0)
    np.testing.assert_allclose(v.sum(axis=1), 1.0)
    for c in rng.normal(size=(60, 20)):
        assert p.minimize(c)[0] == pytest.approx((v @ c).min(), abs=1e-9)
        assert p.maximize(c)[0] == pytest.approx((v @ c).max(), abs=1e-9)


def test_vertex_enumeration_stops_at_its_cap():
    p = WeightPolytope(8, [Interval(i, 0.05, 0.2) for i in range(8)])
    with pytest.raises(ValueError, match="more than 10 extreme points"):
        p.vertices(max_vertices=10)
    assert len(p.vertices()) > 10
