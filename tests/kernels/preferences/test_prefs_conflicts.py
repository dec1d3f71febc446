"""Conflicting statements: the deletion filter's IIS and the smallest conflict."""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pytest

from assess.kernels.preferences import Exact, InfeasibleStatements, Interval, Order, Ratio, WeightPolytope
from assess.kernels.preferences.conflicts import (
    EXACT_BUDGET,
    _Switchboard,
    deletion_filter,
    minimal_conflict,
    smallest_conflict,
)
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
    filtered = minimal_conflict(3, statements, budget=0)
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
    iis = minimal_conflict(m, statements, budget=0)
    assert iis is not None and not feasible(m, [statements[i] for i in iis.statements])


def brute_smallest_size(m, statements) -> int:
    """The size of a smallest infeasible subset, by every subset of each size in turn."""
    for k in range(1, len(statements) + 1):
        if any(not feasible(m, list(c)) for c in combinations(statements, k)):
            return k
    raise AssertionError("the statements are feasible")


@pytest.mark.parametrize("seed", range(12))
def test_smallest_conflict_of_medium_sets_agrees_with_brute_force(seed):
    """10-16 statements on 3-6 criteria (beyond the old exact limit of 15): the
    hitting-set search proves a conflict of the brute-force size."""
    rng = np.random.default_rng(900 + seed)
    while True:
        m = int(rng.integers(3, 7))
        statements = random_statements(rng, m, int(rng.integers(10, 17)), ties=True)
        if not feasible(m, statements):
            break
    conflict = minimal_conflict(m, statements)
    assert conflict is not None and conflict.smallest
    assert not feasible(m, [statements[i] for i in conflict.statements])
    assert len(conflict.statements) == brute_smallest_size(m, statements)


def planted(count: int, seed: int) -> tuple[int, list, list[int]]:
    """`count` statements on 12 criteria and where three of them clash (w0 >= w1 >= 0.3
    and w2 >= 0.45: 1.05 > 1). The others all hold at three witnesses, one for each pair
    of the three, so no set without all three conflicts: they are the one smallest."""
    rng = np.random.default_rng(seed)
    m = 12
    rest = rng.dirichlet(np.ones(m - 3))
    witnesses = [
        np.concatenate([[0.35, 0.3, 0.05], 0.3 * rest]),
        np.concatenate([[0.1, 0.1, 0.5], 0.3 * rest]),
        np.concatenate([[0.05, 0.3, 0.45], 0.2 * rest]),
    ]
    held: list = []
    while len(held) < count - 3:
        (s,) = random_statements(rng, m, 1)
        if all(WeightPolytope(m, [s]).violated_by(w) == () for w in witnesses):
            held.append(s)
    clash = [Ratio(0, 1, 1.0), Interval(1, lo=0.3), Interval(2, lo=0.45)]
    places = sorted(rng.choice(count, 3, replace=False).tolist())
    for p, s in zip(places, clash, strict=True):
        held.insert(p, s)
    return m, held, places


@pytest.mark.parametrize("seed", range(3))
def test_a_planted_conflict_of_three_among_forty_statements(seed):
    m, statements, places = planted(40, seed)
    conflict = minimal_conflict(m, statements)
    assert conflict is not None and conflict.smallest
    assert list(conflict.statements) == places


def test_out_of_budget_the_conflict_is_irreducible_not_smallest():
    """With no budget the filter's IIS comes back, here the planted three, but unproven,
    and the message says so."""
    m, statements, places = planted(40, 0)
    conflict = minimal_conflict(m, statements, budget=0)
    assert conflict is not None and not conflict.smallest
    assert list(conflict.statements) == places
    said = str(InfeasibleStatements(conflict))
    assert "an irreducible (not proven smallest) conflicting set: statements" in said
    assert "; smallest conflicting set" in str(InfeasibleStatements(minimal_conflict(m, statements)))


def test_forty_statements_with_a_planted_conflict_take_few_lps():
    """The search is among the statements in some conflict: a few dozen LPs, not C(40, 3)."""
    m, statements, places = planted(40, 1)
    board = _Switchboard(m, statements)
    iis = deletion_filter(board, range(40))
    before = board.solved
    found, proven = smallest_conflict(board, iis, EXACT_BUDGET)
    assert proven and list(found) == places
    assert board.solved - before < 200
