"""Rank-order surrogate weights: ROC / SMARTER, rank sum, rank reciprocal."""

from __future__ import annotations

import pytest

from assess.kernels.weighting.errors import WeightingError
from assess.kernels.weighting.rank_order import (
    rank_reciprocal_position_weights,
    rank_sum_position_weights,
    rank_weights,
    roc_position_weights,
    smarter_weights,
)

# ROC weights as tabulated (4 decimals) for Barron & Barrett (1996), "Decision
# quality using ranked attribute weights", Management Science 42(11):1515-1523.
# The original table could not be consulted here; the n = 4 and n = 5 rows
# agree with secondary sources (e.g. 0.52, 0.27, 0.15, 0.06 for n = 4 and
# 0.456667, 0.256667, 0.156667, ..., 0.04 for n = 5), and every value is
# re-derived by hand from w_k = (1/n) sum_{i>=k} 1/i in the comments.
PUBLISHED_ROC = {
    # n=3: (1 + 1/2 + 1/3)/3 = 11/18, (1/2 + 1/3)/3 = 5/18, (1/3)/3 = 2/18
    3: (0.6111, 0.2778, 0.1111),
    # n=4: 25/48, 13/48, 7/48, 3/48
    4: (0.5208, 0.2708, 0.1458, 0.0625),
    # n=5: 137/300, 77/300, 47/300, 27/300, 12/300
    5: (0.4567, 0.2567, 0.1567, 0.0900, 0.0400),
}


@pytest.mark.parametrize("n", sorted(PUBLISHED_ROC))
def test_roc_reproduces_barron_barrett_1996(n: int) -> None:
    """ROC position weights for n = 3, 4, 5 (Barron & Barrett 1996), to 4 decimals."""
    assert roc_position_weights(n) == pytest.approx(PUBLISHED_ROC[n], abs=5e-5)


def test_roc_exact_fractions_n4() -> None:
    """Hand-derived exact values for n = 4: 25/48, 13/48, 7/48, 3/48."""
    assert roc_position_weights(4) == pytest.approx([25 / 48, 13 / 48, 7 / 48, 3 / 48], abs=1e-15)


def test_rank_sum_hand_derived_n4() -> None:
    """Rank sum (Stillwell, Seaver & Edwards 1981), by hand: (4, 3, 2, 1) / 10."""
    assert rank_sum_position_weights(4) == pytest.approx([0.4, 0.3, 0.2, 0.1], abs=1e-15)


def test_rank_reciprocal_hand_derived_n4() -> None:
    """Rank reciprocal (Stillwell et al. 1981), by hand: (1/k) / (25/12) for n = 4."""
    expected = [12 / 25, 6 / 25, 4 / 25, 3 / 25]
    assert rank_reciprocal_position_weights(4) == pytest.approx(expected, abs=1e-15)


def test_rank_weights_maps_ids_by_position() -> None:
    weights = rank_weights([["c2"], ["c1"], ["c3"]], "roc")
    assert weights == pytest.approx({"c2": 11 / 18, "c1": 5 / 18, "c3": 2 / 18})


def test_ties_share_the_mean_of_their_positions() -> None:
    """Tied b, c occupy positions 2 and 3 of 4: each gets (13/48 + 7/48) / 2 = 10/48."""
    weights = rank_weights([["a"], ["b", "c"], ["d"]], "roc")
    assert weights == pytest.approx({"a": 25 / 48, "b": 10 / 48, "c": 10 / 48, "d": 3 / 48})
    rs = rank_weights([["a"], ["b", "c"], ["d"]], "rank_sum")
    assert rs == pytest.approx({"a": 0.4, "b": 0.25, "c": 0.25, "d": 0.1})


def test_all_tied_gives_equal_weights() -> None:
    for method in ("roc", "rank_sum", "rank_reciprocal"):
        assert rank_weights([["a", "b", "c", "d"]], method) == pytest.approx(dict.fromkeys("abcd", 0.25))


def test_bare_id_is_a_group_of_one() -> None:
    assert rank_weights(["a", ["b", "c"]], "roc") == rank_weights([["a"], ["b", "c"]], "roc")


def test_smarter_is_roc() -> None:
    """SMARTER (Edwards & Barron 1994) uses ROC weights on the ranking of swings."""
    ranking = [["x"], ["y", "z"], ["w"], ["v"]]
    assert smarter_weights(ranking) == rank_weights(ranking, "roc")


@pytest.mark.parametrize(
    ("ranking", "fragment"),
    [
        ([["c1"], ["c2", "c1"]], "'c1' is ranked in group 1 and in group 2"),
        ([["c1", "c1"]], "'c1' is ranked twice in group 1"),
        ([], "expected a list of groups"),
        ("c1", "expected a list of groups"),
        ([["c1"], []], "group 2 is empty"),
        ([["c1"], [3]], "criterion id must be non-empty text"),
    ],
)
def test_ranking_errors(ranking: object, fragment: str) -> None:
    with pytest.raises(WeightingError) as caught:
        rank_weights(ranking, "roc")
    assert fragment in str(caught.value)


def test_unknown_rank_method() -> None:
    with pytest.raises(WeightingError, match="Unknown rank-weighting method"):
        rank_weights([["a"]], "borda")
