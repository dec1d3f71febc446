"""Direct points and swing weighting (assess.kernels.weighting.direct)."""

from __future__ import annotations

import pytest

from assess.kernels.weighting.direct import direct_weights, swing_weights
from assess.kernels.weighting.errors import WeightingError


def test_direct_points_are_normalised() -> None:
    """Hand-derived: 40/60 points give 0.4/0.6; 1:2:1 gives 0.25/0.5/0.25."""
    assert direct_weights({"c1": 40, "c2": 60}) == pytest.approx({"c1": 0.4, "c2": 0.6})
    assert direct_weights({"a": 1, "b": 2, "c": 1}) == pytest.approx({"a": 0.25, "b": 0.5, "c": 0.25})


def test_direct_points_accept_zero_and_text_numbers() -> None:
    assert direct_weights({"a": 0, "b": "3", "c": 1.0}) == pytest.approx({"a": 0.0, "b": 0.75, "c": 0.25})


@pytest.mark.parametrize(
    ("points", "fragment"),
    [
        ({"c1": 40, "c2": -5}, "'c2' has -5 points; points cannot be negative"),
        ({"c1": 0, "c2": 0}, "every criterion has 0 points"),
        ({}, "expected points per criterion"),
        ([40, 60], "expected points per criterion"),
        ({"c1": "lots"}, "'lots' is not a number"),
        ({"c1": float("nan")}, "not a finite number"),
        ({"c1": True}, "expected a number"),
        ({"": 10}, "criterion id must be non-empty text"),
    ],
)
def test_direct_points_errors(points: object, fragment: str) -> None:
    with pytest.raises(WeightingError) as caught:
        direct_weights(points)  # type: ignore[arg-type]
    assert fragment in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_swing_weights_are_normalised_swing_points() -> None:
    """Hand-derived SMARTS example: swings 100, 50, 50 give 0.5, 0.25, 0.25."""
    result = swing_weights({"cost": 100, "risk": 50, "reach": 50})
    assert result.weights == pytest.approx({"cost": 0.5, "risk": 0.25, "reach": 0.25})
    assert result.top == ("cost",)
    assert result.top_points == 100
    assert result.warnings == ()


def test_swing_top_other_than_100_is_reported_not_refused() -> None:
    result = swing_weights({"a": 80, "b": 40})
    assert result.weights == pytest.approx({"a": 2 / 3, "b": 1 / 3})
    assert result.top_points == 80
    assert len(result.warnings) == 1
    assert "(a) has 80 points, not 100" in result.warnings[0]


def test_swing_top_other_than_100_refused_when_required() -> None:
    with pytest.raises(WeightingError, match="not 100"):
        swing_weights({"a": 80, "b": 40}, require_top_100=True)


def test_swing_tied_top() -> None:
    result = swing_weights({"a": 100, "b": 100, "c": 0})
    assert result.top == ("a", "b")
    assert result.weights == pytest.approx({"a": 0.5, "b": 0.5, "c": 0.0})


def test_swing_above_100_is_refused() -> None:
    with pytest.raises(WeightingError, match=r"'b' \(120\) above 100"):
        swing_weights({"a": 100, "b": 120})


def test_swing_negative_is_refused() -> None:
    with pytest.raises(WeightingError, match="cannot be negative"):
        swing_weights({"a": 100, "b": -1})
