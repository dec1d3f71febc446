"""The suggestion for an inconsistent AHP judgement: what the other judgements imply."""

from __future__ import annotations

import math

import numpy as np
import pytest

from assess.kernels.weighting.ahp import SAATY_SCALE, ahp_weights, implied_without, perron
from assess.kernels.weighting.ahp_matrix import build_matrix, parse_judgements

REVERSED = [
    ("c1", "c2", 2),
    ("c1", "c3", 4),
    ("c1", "c4", "1/8"),
    ("c2", "c3", 2),
    ("c2", "c4", 4),
    ("c3", "c4", 2),
]


def test_a_reversed_judgement_is_suggested_back_at_its_consistent_value():
    """w = (8, 4, 2, 1) with c1 vs c4 reversed: the other five judgements are
    consistent and imply 8; the weights of all six (pulled by the reversed one)
    only give 0.66, whose nearest scale value 1/2 would leave CR at 0.40."""
    worst = ahp_weights(REVERSED).inconsistent[0]
    assert (worst.a, worst.b) == ("c1", "c4")
    assert worst.implied == pytest.approx(8.0, rel=1e-12)
    assert worst.suggestion == 8.0
    fixed = [(a, b, worst.suggestion) if (a, b) == ("c1", "c4") else (a, b, r) for a, b, r in REVERSED]
    assert ahp_weights(fixed).cr == pytest.approx(0.0, abs=1e-12)
    assert (
        "your other answers alone suggest 'c1' 8 times as important as 'c4'" in ahp_weights(REVERSED).warning
    )


def test_harkers_value_is_a_fixed_point_of_the_completed_matrix():
    """Harker (1987): with the missing entry set to the implied w_a / w_b, the Perron
    vector of the completed matrix gives that same ratio."""
    rng = np.random.default_rng(4)
    for _ in range(20):
        n = int(rng.integers(3, 7))
        judgements = [
            (f"c{i}", f"c{j}", float(rng.choice(SAATY_SCALE))) for i in range(n) for j in range(i + 1, n)
        ]
        ids, matrix = build_matrix(parse_judgements(judgements))
        a, b = sorted(rng.choice(n, 2, replace=False))
        implied = implied_without(matrix, a, b)
        completed = matrix.copy()
        completed[a, b], completed[b, a] = implied, 1 / implied
        _, w = perron(completed)
        assert w[a] / w[b] == pytest.approx(implied, rel=1e-9)


def test_suggestion_is_the_nearest_scale_value_and_absent_for_two_criteria():
    result = ahp_weights([("a", "b", 3), ("b", "c", 3), ("a", "c", 1)])
    for j in result.inconsistent:
        assert j.suggestion == min(SAATY_SCALE, key=lambda s: abs(math.log(s / j.implied)))
    two = ahp_weights([("a", "b", 5)], threshold=-1)  # force the diagnostics on n = 2
    assert all(math.isnan(j.suggestion) for j in two.inconsistent)
