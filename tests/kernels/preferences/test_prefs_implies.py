"""`WeightPolytope.implies`: every weight vector of P satisfies a statement.

Known values: under a complete rank order w_0 >= w_1 >= ... >= w_{m-1} the
vertices are (1, 0, ..), (1/2, 1/2, 0, ..), .., (1/m, .., 1/m) (Barron &
Barrett 1996), so the least w_0 is 1/m and the greatest w_{m-1} is 1/m."""

from __future__ import annotations

import pytest

from assess.kernels.preferences import Exact, InfeasibleStatements, Interval, Order, Ratio, WeightPolytope

M = 4
RANKED = WeightPolytope(M, [Order([[0], [1], [2], [3]])])


@pytest.mark.parametrize(
    ("statement", "implied"),
    [
        (Interval(0, 1 / M, None), True),
        (Interval(0, 1 / M + 1e-4, None), False),
        (Interval(3, None, 1 / M), True),
        (Interval(3, None, 1 / M - 1e-4), False),
        (Order([[0], [2]]), True),
        (Order([[2], [0]]), False),
        (Ratio(0, 3, 1, None), True),
        (Ratio(0, 1, 1, 2), False),  # w_1 = 0 < w_0 is allowed: the ratio is unbounded
        (Exact(0, 1 / M), False),
    ],
)
def test_a_rank_order_implies_its_vertices_bounds(statement, implied: bool) -> None:
    assert RANKED.implies(statement) is implied


def test_equalities_need_both_ends() -> None:
    p = WeightPolytope(3, [Exact(0, 0.2), Order([[1, 2]])])
    assert p.implies(Exact(0, 0.2)) and p.implies(Exact(1, 0.4)) and p.implies(Order([[2, 1]]))
    assert not p.implies(Exact(0, 0.3)) and not p.implies(Interval(1, 0.41, None))


def test_the_simplex_implies_only_what_every_weighting_satisfies() -> None:
    p = WeightPolytope(3)
    assert p.implies(Interval(0, 0.0, 1.0)) and not p.implies(Interval(0, 0.01, None))


def test_an_empty_polytope_raises() -> None:
    p = WeightPolytope(2, [Interval(0, 0.8, None), Interval(1, 0.8, None)])
    with pytest.raises(InfeasibleStatements):
        p.implies(Interval(0, None, 0.5))
