"""Trade-off questions: the widest ratio first, honest answers keep the truth and converge."""

from __future__ import annotations

import math

import numpy as np
import pytest

from assess.kernels.preferences import Interval, Ratio, WeightPolytope
from assess.kernels.preferences.tradeoff import (
    RATIO_CAP,
    SETTLED_FACTOR,
    Question,
    answer,
    next_question,
    ratio_ranges,
    settled,
)


def honest(w: np.ndarray, q: Question, factor: float = SETTLED_FACTOR) -> str:
    ratio, band = w[q.i] / w[q.j], math.sqrt(factor)
    if ratio > q.ratio * band:
        return "more"
    if ratio < q.ratio / band:
        return "less"
    return "same"


def test_the_first_question_on_no_information():
    q = next_question(WeightPolytope(3))
    assert q == Question(0, 1, 1.0, 1 / RATIO_CAP, RATIO_CAP)


def test_the_widest_ratio_is_asked_at_its_geometric_midpoint():
    p = WeightPolytope(3, [Ratio(0, 1, 2.0, 8.0), Ratio(1, 2, 0.5, 2.0), Ratio(0, 2, 1.0, 20.0)])
    ranges = ratio_ranges(p)
    q = next_question(p)
    assert q is not None and (q.i, q.j) == (0, 2)
    lo, hi = ranges[0, 2]
    assert q.ratio == pytest.approx(math.sqrt(lo * hi)) and q.ratio >= 1
    assert (lo, hi) == pytest.approx((1.0, 16.0))  # w0/w2 = (w0/w1)(w1/w2) <= 8 * 2


def test_orientation_keeps_the_threshold_at_least_one():
    p = WeightPolytope(2, [Ratio(0, 1, 0.1, 0.4)])
    q = next_question(p, factor=1.1)
    assert q is not None and (q.i, q.j) == (1, 0) and q.ratio == pytest.approx(math.sqrt(10 * 2.5))


def test_answers_are_ratio_statements():
    q = Question(2, 0, 3.0, 1.0, 9.0)
    assert answer(q, "more") == Ratio(2, 0, lo=3.0)
    assert answer(q, "less") == Ratio(2, 0, hi=3.0)
    same = answer(q, "same")
    assert same.hi / same.lo == pytest.approx(SETTLED_FACTOR) and same.lo * same.hi == pytest.approx(9.0)
    with pytest.raises(ValueError, match="more"):
        answer(q, "maybe")  # type: ignore[arg-type]


def test_zero_weights_count_as_settled():
    p = WeightPolytope(3, [Interval(2, hi=0.0), Ratio(0, 1, 1.0, 1.2)])
    assert settled(p)


@pytest.mark.parametrize("seed", range(6))
def test_an_honest_planner_converges_and_is_never_excluded(seed):
    rng = np.random.default_rng(seed)
    m = 3 + seed % 3
    truth = 0.05 + rng.dirichlet(np.ones(m)) * (1 - 0.05 * m)
    statements: list = []
    p = WeightPolytope(m)
    widths = [np.ptp(p.bounds(), axis=1).max()]
    for _ in range(300):
        q = next_question(p)
        if q is None:
            break
        statements.append(answer(q, honest(truth, q)))
        p = WeightPolytope(m, statements)
        assert p.violated_by(truth) == ()
        widths.append(np.ptp(p.bounds(), axis=1).max())
    assert settled(p), "did not settle in 300 questions"
    assert np.all(np.diff(widths) <= 1e-9)  # each answer narrows (never widens) the weights
    ranges = ratio_ranges(p)
    ratios = truth[:, None] / truth[None, :]
    off = ~np.eye(m, dtype=bool)
    assert np.all(ranges[off, 0] <= ratios[off] + 1e-9) and np.all(ratios[off] <= ranges[off, 1] + 1e-9)
    assert np.all(ranges[off, 1] / ranges[off, 0] <= SETTLED_FACTOR + 1e-9)
    centre = p.interior_point()
    assert np.all(np.abs(centre / truth - 1) <= SETTLED_FACTOR - 1)
    assert len(statements) < 10 * m * m
