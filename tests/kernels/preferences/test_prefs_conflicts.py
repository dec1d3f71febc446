"""Conflicting statements: the deletion filter's IIS and the smallest conflict."""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pytest

from assess.kernels.preferences import Exact, Interval, Order, Ratio, WeightPolytope
from assess.kernels.preferences.conflicts import minimal_conflict
from tests.kernels.preferences.prefs_oracles import random_statements


def feasible(m, statements) -> bool:
    return WeightPolytope(m, statements).is_feasible


def test_feasible_statements_have_no_conflict():
    assert WeightPolytope(3, [Interval(0, 0.2, 0.5)]).minimal_conflict() is None


def test_exact_search_beats_the_deletion_filter():
    """s1, s2, s3 conflict (0.5 + 0.5 + 0.1 > 1), and so do s0, s3 (w0 <= 0.4 < 0.5);
    the filter, dropping s0 first, keeps {1, 2, 3}; the exact search finds {0, 3}."""
    statements = [Interval(0, hi=0.4), Interval(1, lo=0.5), Interval(2, lo=0.1), Interval(0, lo=0.5)]
    exact = minimal_conflict(3, statements)
    assert exact is not None and exact.statements == (0, 3) and exact.smallest
    filtered = minimal_conflict(3, statements, exact_limit=0)
    assert filtered is not None and filtered.statements == (1, 2, 3) and not filtered.smallest


def test_three_statements_that_conflict_only_together():
    """w0 >= w1 >= 0.3 and w2 >= 0.45 need 1.05 > 1; any two of them are fine."""
    c = WeightPolytope(3, [Ratio(0, 1, 1.0), Interval(1, lo=0.3), Interval(2, lo=0.45)]).minimal_conflict()
    assert c is not None and c.statements == (0, 1, 2) and c.smallest
    one = WeightPolytope(2, [Order([[0], [1]]), Exact(1, 0.6)]).minimal_conflict()
    assert one is not None and one.statements == (0, 1)


@pytest.mark.parametrize("seed", range(30))
def test_conflicts_are_irreducible_and_smallest_by_brute_force(seed):
    rng = np.random.default_rng(500 + seed)
    m = int(rng.integers(2, 5))
    statements = random_statements(rng, m, int(rng.integers(2, 7)), ties=True)
    conflict = minimal_conflict(m, statements)
    if feasible(m, statements):
        assert conflict is None
        return
    assert conflict is not None
    chosen = [statements[i] for i in conflict.statements]
    assert not feasible(m, chosen)
    for drop in range(len(chosen)):
        assert feasible(m, chosen[:drop] + chosen[drop + 1 :])
    smaller = [
        c for k in range(1, len(chosen)) for c in combinations(statements, k) if not feasible(m, list(c))
    ]
    assert smaller == []
    iis = minimal_conflict(m, statements, exact_limit=0)
    assert iis is not None and not feasible(m, [statements[i] for i in iis.statements])
