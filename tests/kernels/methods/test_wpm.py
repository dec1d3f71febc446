"""Weighted product model: published example, cost criteria, refusals."""

from __future__ import annotations

import numpy as np
import pytest

from assess.kernels.methods import MethodError, wpm, wpm_explain

# Triantaphyllou's 3 x 4 example (all benefit criteria).
TRIANTAPHYLLOU = np.array([[25, 20, 15, 30], [10, 30, 20, 30], [30, 10, 30, 10]], dtype=float)
TRIANTAPHYLLOU_W = np.array([0.20, 0.15, 0.40, 0.25])


def test_triantaphyllou_example() -> None:
    """Triantaphyllou, *Multi-Criteria Decision Making Methods: A Comparative Study*
    (Kluwer, 2000), ch. 2, WPM numerical example (three alternatives, four benefit
    criteria, weights 0.20/0.15/0.40/0.25), also the worked example of the Wikipedia
    article "Weighted product model". Published ratios: R(A1/A2) = 1.007,
    R(A1/A3) = 1.067, R(A2/A3) = 1.059, so A1 is best, then A2, then A3.

    Honesty note: the data and ratios are quoted from memory of that example; the
    search excerpts available here confirmed the example's existence and shape but not
    its table. The recalled data reproduce all three recalled ratios to 3 decimals.
    """
    p = wpm(TRIANTAPHYLLOU, TRIANTAPHYLLOU_W)
    assert round(p[0] / p[1], 3) == 1.007
    assert round(p[0] / p[2], 3) == 1.067
    assert round(p[1] / p[2], 3) == 1.059
    assert list(np.argsort(-p)) == [0, 1, 2]


def test_absolute_scores_are_the_weighted_geometric_products() -> None:
    """Hand formula: P(a) = prod_j x_aj ** w_j (the weights already sum to 1)."""
    expected = np.prod(TRIANTAPHYLLOU**TRIANTAPHYLLOU_W, axis=1)
    np.testing.assert_allclose(wpm(TRIANTAPHYLLOU, TRIANTAPHYLLOU_W), expected, rtol=1e-12)
    np.testing.assert_allclose(wpm(TRIANTAPHYLLOU, TRIANTAPHYLLOU_W * 7), expected, rtol=1e-12)


def test_cost_criterion_uses_the_negative_exponent() -> None:
    x = np.array([[2.0, 8.0], [4.0, 2.0], [1.0, 1.0]])
    w = np.array([0.25, 0.75])
    got = wpm(x, w, [False, True])
    np.testing.assert_allclose(got, x[:, 0] ** 0.25 * x[:, 1] ** -0.75, rtol=1e-12)
    np.testing.assert_allclose(got, wpm(np.c_[x[:, 0], 1 / x[:, 1]], w), rtol=1e-12)


def test_explain_tables_are_consistent() -> None:
    e = wpm_explain(TRIANTAPHYLLOU, TRIANTAPHYLLOU_W * 2, [False, True, False, False])
    np.testing.assert_allclose(e.weights, TRIANTAPHYLLOU_W)
    np.testing.assert_allclose(e.exponents, [0.20, -0.15, 0.40, 0.25])
    np.testing.assert_allclose(e.factors.prod(axis=1), e.scores, rtol=1e-12)
    np.testing.assert_allclose(np.exp(e.log_scores), e.scores, rtol=1e-12)
    np.testing.assert_allclose(
        e.scores, wpm(TRIANTAPHYLLOU, TRIANTAPHYLLOU_W, [False, True, False, False]), rtol=1e-12
    )


@pytest.mark.parametrize("bad", [0.0, -3.0])
def test_non_positive_score_is_refused_with_its_place(bad: float) -> None:
    x = TRIANTAPHYLLOU.copy()
    x[2, 1] = bad
    with pytest.raises(MethodError) as info:
        wpm(x, TRIANTAPHYLLOU_W)
    assert (info.value.option, info.value.criterion) == (2, 1)
    assert "option index 2" in str(info.value) and "criterion index 1" in str(info.value)
    assert "positive" in str(info.value)
    with pytest.raises(MethodError):
        wpm_explain(x, TRIANTAPHYLLOU_W)


def test_zero_score_on_a_zero_weight_criterion_is_harmless() -> None:
    x = np.c_[TRIANTAPHYLLOU, [0.0, 5.0, 1.0]]
    w = np.r_[TRIANTAPHYLLOU_W, 0.0]
    np.testing.assert_allclose(wpm(x, w), wpm(TRIANTAPHYLLOU, TRIANTAPHYLLOU_W), rtol=1e-12)
    np.testing.assert_allclose(wpm_explain(x, w).scores, wpm(x, w), rtol=1e-12)


def test_nan_is_refused_with_its_place() -> None:
    x = TRIANTAPHYLLOU.copy()
    x[1, 3] = np.nan
    with pytest.raises(MethodError, match="option index 1 .* criterion index 3"):
        wpm(x, TRIANTAPHYLLOU_W)
