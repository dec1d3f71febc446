"""PROMETHEE II's sorted O(n log n) flows for V-shape and linear criteria against the
pairwise O(n^2) definition (`pairwise_flows`, the oracle): ties, q = 0, q = p (a
step), p beyond the range, cost and benefit criteria, cancellation, huge values."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import assess.kernels.methods._promethee_flows as flows
from assess.kernels.methods import promethee_explain


@dataclass(frozen=True)
class Defined:
    """P(d) written from its definition (0 for d <= q, (d - q)/(p - q) up to p, 1 beyond),
    a step when q = p: independent of the kernel's `Preference.fill`."""

    q: float
    p: float

    def fill(self, d: np.ndarray) -> np.ndarray:
        ramp = (d - self.q) / (self.p - self.q) if self.p > self.q else np.zeros_like(d)
        d[...] = np.where(d > self.p, 1.0, np.where(d > self.q, ramp, 0.0))
        return d


def both(x, w, cost, prefs, explain=True):
    """(sorted, pairwise): each a list [plus, minus, uni] scaled by 1/(n-1)."""
    n, m = x.shape
    out = []
    for f in (flows.piecewise_flows, flows.pairwise_flows):
        acc = [np.zeros(n), np.zeros(n), np.zeros((n, m))] if explain else [np.zeros(n), None, None]
        with np.errstate(all="ignore"):
            f(x, w, cost, np.ones(m, bool), prefs, *acc)
        out.append([a / max(n - 1, 1) for a in acc if a is not None])
    return out


def assert_agree(x, w, cost, prefs, atol=1e-9, explain=True) -> None:
    fast, oracle = both(x, w, cost, prefs, explain)
    for a, b in zip(fast, oracle, strict=True):
        np.testing.assert_allclose(a, b, rtol=0, atol=atol)


@st.composite
def cases(draw):
    """A small random case on a grid (many ties), shifted by a large offset,
    and per criterion q <= p drawn to include q = 0, q = p and p beyond the range."""
    n, m = draw(st.integers(1, 25)), draw(st.integers(1, 4))
    unit = draw(st.sampled_from([0.25, 1.0, 8.0]))
    offset = draw(st.sampled_from([0.0, -3.0, 1000.0, 2.0**20]))
    levels = st.integers(-12, 12)
    x = np.array(draw(st.lists(st.lists(levels, min_size=m, max_size=m), min_size=n, max_size=n)))
    x = x * unit + offset
    cost = np.array(draw(st.lists(st.booleans(), min_size=m, max_size=m)))
    w = np.array(draw(st.lists(st.integers(1, 9), min_size=m, max_size=m)), dtype=float)
    prefs = []
    for _ in range(m):
        q = draw(st.sampled_from([0.0, 0.5, 1.0, 3.0])) * unit
        p = q + draw(st.sampled_from([0.0, 0.5, 2.0, 7.0, 100.0])) * unit  # 0: a step; 100: beyond the range
        prefs.append(Defined(q, p))
    return x, w / w.sum(), cost, prefs


@settings(max_examples=80)
@given(cases())
def test_sorted_flows_equal_the_pairwise_definition(case) -> None:
    """Grid values, quarters and offsets are exact in binary: the step's ends, where a
    rounding would move a whole preference, are compared exactly too."""
    assert_agree(*case)


@settings(max_examples=40)
@given(
    st.lists(st.floats(-50, 50, allow_nan=False), min_size=2, max_size=30),
    st.floats(0, 5),
    st.floats(1e-3, 60),
    st.booleans(),
)
def test_arbitrary_floats_agree(values, q, r, cost) -> None:
    x = np.array(values)[:, None] + 123.456
    assert_agree(x, np.ones(1), np.array([cost]), [Defined(q, q + r)])


def test_cancellation_with_many_options_and_a_narrow_zone() -> None:
    """Values near 1,000 spread over 5, thresholds a thousandth of that: uncentred
    prefix sums (near 3e6) are off from the definition by about 3e-11 here, centred
    ones by under 1e-13."""
    rng = np.random.default_rng(11)
    x = np.column_stack([rng.uniform(1000, 1005, 3000), np.round(rng.uniform(0, 5, 3000))])
    prefs = [Defined(0.001, 0.006), Defined(0.0, 2.0)]
    assert_agree(x, np.array([0.5, 0.5]), np.array([False, True]), prefs, atol=1e-12)


def test_a_step_at_zero_is_the_usual_criterion() -> None:
    rng = np.random.default_rng(3)
    x = np.round(rng.uniform(0, 4, (40, 3)))
    w, cost, cols = np.array([0.2, 0.3, 0.5]), np.array([False, True, False]), np.ones(3, bool)
    step, usual = (
        [np.zeros(40), np.zeros(40), np.zeros((40, 3))],
        [np.zeros(40), np.zeros(40), np.zeros((40, 3))],
    )
    flows.piecewise_flows(x, w, cost, cols, [Defined(0.0, 0.0)] * 3, *step)
    flows.usual_flows(x, w, cost, cols, *usual)
    for a, b in zip(step, usual, strict=True):
        np.testing.assert_array_equal(a, b)


def test_huge_values_are_scaled_not_overflowed() -> None:
    """Values of 1e300: prefix sums would overflow; P(kd; kq, kp) = P(d; q, p)."""
    rng = np.random.default_rng(5)
    x = rng.uniform(-1, 1, (30, 2))
    prefs = [{"kind": "linear", "q": 0.1, "p": 0.5}, {"kind": "vshape", "p": 0.7}]
    small = promethee_explain(x, [1, 1], [False, True], prefs)
    big_prefs = [{"kind": "linear", "q": 0.1e300, "p": 0.5e300}, {"kind": "vshape", "p": 0.7e300}]
    big = promethee_explain(x * 1e300, [1, 1], [False, True], big_prefs)
    assert np.isfinite(big.phi).all()
    np.testing.assert_allclose(big.unicriterion, small.unicriterion, atol=1e-12)


def test_zero_weight_criteria_are_skipped_unless_explained() -> None:
    x = np.array([[1.0, 3.0], [2.0, 1.0], [4.0, 2.0]])
    prefs = [Defined(0.0, 2.0), Defined(0.5, 1.5)]
    w = np.array([1.0, 0.0])
    plus = np.zeros(3)
    flows.piecewise_flows(x, w, np.zeros(2, bool), np.ones(2, bool), prefs, plus, None, None)
    fast, oracle = both(x, w, np.zeros(2, bool), prefs)
    np.testing.assert_allclose(plus / 2, fast[0] - fast[1])
    np.testing.assert_allclose(fast[2], oracle[2])  # criterion 1's flows, though it weighs 0
    assert np.abs(fast[2][:, 1]).sum() > 0
