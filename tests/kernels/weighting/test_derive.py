"""`derive_weights(method, inputs)`: dispatch on the case-file dict shapes."""

from __future__ import annotations

import pytest

from assess.kernels.weighting import (
    METHODS,
    AhpResult,
    SwingResult,
    WeightingError,
    WeightResult,
    derive_weights,
)


def test_methods_listed() -> None:
    assert METHODS == (
        "direct",
        "swing",
        "roc",
        "smarter",
        "rank_sum",
        "rank_reciprocal",
        "ahp",
    )


def test_direct() -> None:
    result = derive_weights("direct", {"points": {"c1": 40, "c2": 60}})
    assert result == WeightResult({"c1": 0.4, "c2": 0.6}, "direct")


def test_swing_carries_diagnostics_and_warnings() -> None:
    result = derive_weights("swing", {"swing": {"c1": 100, "c2": 25}})
    assert result.weights == pytest.approx({"c1": 0.8, "c2": 0.2})
    assert isinstance(result.diagnostics, SwingResult)
    assert result.warnings == ()
    low = derive_weights("swing", {"swing": {"c1": 50, "c2": 25}})
    assert len(low.warnings) == 1
    with pytest.raises(WeightingError, match="not 100"):
        derive_weights("swing", {"swing": {"c1": 50, "c2": 25}, "require_top_100": True})
    with pytest.raises(WeightingError, match="true or false"):
        derive_weights("swing", {"swing": {"c1": 100}, "require_top_100": "yes"})


@pytest.mark.parametrize("method", ["roc", "smarter", "rank_sum", "rank_reciprocal"])
def test_rank_methods(method: str) -> None:
    result = derive_weights(method, {"ranking": [["c1"], ["c2", "c3"]]})
    assert result.method == method
    assert sum(result.weights.values()) == pytest.approx(1)
    assert result.weights["c2"] == result.weights["c3"] < result.weights["c1"]


def test_smarter_equals_roc() -> None:
    ranking = {"ranking": [["a"], ["b"], ["c"], ["d"]]}
    assert derive_weights("smarter", ranking).weights == derive_weights("roc", ranking).weights
    assert derive_weights("roc", ranking).weights == pytest.approx(
        {"a": 25 / 48, "b": 13 / 48, "c": 7 / 48, "d": 3 / 48}
    )


def test_ahp_with_yaml_like_fractions() -> None:
    inputs = {
        "pairwise": [
            {"a": "c1", "b": "c2", "ratio": 3},
            {"a": "c1", "b": "c3", "ratio": 9},
            {"a": "c2", "b": "c3", "ratio": 3},
        ]
    }
    result = derive_weights("ahp", inputs)
    assert result.weights == pytest.approx({"c1": 9 / 13, "c2": 3 / 13, "c3": 1 / 13})
    assert isinstance(result.diagnostics, AhpResult)
    assert result.warnings == ()
    flipped = derive_weights(
        "ahp",
        {
            "pairwise": [
                {"a": "c2", "b": "c1", "ratio": "1/3"},
                {"a": "c3", "b": "c1", "ratio": "1/9"},
                {"a": "c3", "b": "c2", "ratio": "1/3"},
            ],
            "criteria": ["c1", "c2", "c3"],
        },
    )
    assert flipped.weights == pytest.approx(result.weights)


def test_ahp_warning_is_passed_on() -> None:
    inputs = {
        "pairwise": [
            {"a": "c1", "b": "c2", "ratio": 9},
            {"a": "c2", "b": "c3", "ratio": 9},
            {"a": "c3", "b": "c1", "ratio": 9},
        ],
        "cr_threshold": 0.1,
    }
    result = derive_weights("ahp", inputs)
    assert len(result.warnings) == 1
    assert result.warnings[0] == result.diagnostics.warning  # type: ignore[union-attr]
    assert "inconsistent" in result.warnings[0]


@pytest.mark.parametrize(
    ("method", "inputs", "fragment"),
    [
        ("rank", {"ranking": [["a"]]}, "Unknown weighting method 'rank'"),
        ("smater", {"ranking": [["a"]]}, "did you mean 'smarter'"),
        ("direct", {"pionts": {"a": 1}}, "direct: missing points"),
        ("direct", {"points": {"a": 1}, "extra": 1}, "unexpected extra (allowed: points)"),
        ("roc", [["a"]], "inputs must be a mapping"),
        ("ahp", {"pairwise": [], "cr_threshold": -1}, "cr_threshold must be a number >= 0"),
    ],
)
def test_derive_errors(method: str, inputs: object, fragment: str) -> None:
    with pytest.raises(WeightingError) as caught:
        derive_weights(method, inputs)  # type: ignore[arg-type]
    assert fragment in str(caught.value)


def test_criteria_coverage_check() -> None:
    ok = derive_weights("direct", {"points": {"a": 1, "b": 1}}, criteria=["a", "b"])
    assert ok.weights == {"a": 0.5, "b": 0.5}
    with pytest.raises(WeightingError, match="no weight for 'c'"):
        derive_weights("roc", {"ranking": [["a"], ["b"]]}, criteria=["a", "b", "c"])
    with pytest.raises(WeightingError, match="unknown criterion 'costt'.*did you mean 'cost'"):
        derive_weights("direct", {"points": {"costt": 1}}, criteria=["cost"])
