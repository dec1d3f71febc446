"""AHP eigenvector weights and consistency (assess.kernels.weighting.ahp)."""

from __future__ import annotations

import math

import pytest

from assess.kernels.weighting.ahp import SAATY_1980_RI, ahp_weights, random_index
from assess.kernels.weighting.ahp_matrix import PairwiseRatio, build_matrix, parse_judgements
from assess.kernels.weighting.errors import WeightingError

DRINKS = ("coffee", "wine", "tea", "beer", "sodas", "milk", "water")
# Upper triangle, row by row, of Saaty's (2008) drink-consumption matrix.
DRINKS_UPPER = (
    (9, 5, 2, 1, 1, "1/2"),
    ("1/3", "1/9", "1/9", "1/9", "1/9"),
    ("1/3", "1/4", "1/3", "1/9"),
    ("1/2", 1, "1/3"),
    (2, "1/2"),
    ("1/3",),
)


def drinks_pairwise() -> list[dict[str, object]]:
    return [
        {"a": DRINKS[i], "b": DRINKS[i + 1 + k], "ratio": ratio}
        for i, row in enumerate(DRINKS_UPPER)
        for k, ratio in enumerate(row)
    ]


def test_saaty_2008_drinks_example() -> None:
    """Saaty (2008), "Decision making with the analytic hierarchy process", Int. J.
    Services Sciences 1(1):83-98, "Which drink is consumed more in the U.S.?".

    Published eigenvector (3 decimals): coffee .177, wine .019, tea .042,
    beer .116, sodas .190, milk .129, water .327; CR .022. The paper itself
    could not be consulted here: the matrix and these figures are as
    reproduced, citing Saaty (2008), in the test suite of the AHPy package
    (PhilipGriffith/AHPy, tests/test_ahp.py). Our CR uses Saaty's 1980 RI for
    n = 7 (1.32): CI = 0.02944, CR = 0.0223, which rounds to the published .022.
    """
    result = ahp_weights(drinks_pairwise())
    published = dict(zip(DRINKS, (0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327), strict=True))
    assert result.weights == pytest.approx(published, abs=5e-4)
    assert result.cr == pytest.approx(0.022, abs=5e-4)
    assert result.ri == 1.32
    assert result.ri_table == "Saaty (1980)"
    assert result.lambda_max == pytest.approx(7 + 6 * result.ci, rel=1e-12)
    assert result.inconsistent == ()
    assert result.warning is None


def test_three_by_three_closed_form() -> None:
    """Hand-derived: for n = 3 the principal eigenvector is the vector of row
    geometric means g, and substituting w = g into A w gives
    lambda_max = 1 + t + 1/t with t = (a12 a23 / a13)^(1/3).

    With a12 = 3, a23 = 3, a13 = 1 (consistency would need a13 = 9): t = 9^(1/3),
    g = (3^(1/3), 1, 3^(-1/3)), CI = (lambda_max - 3)/2, CR = CI / 0.58 ~ 0.48.
    Every judgement then deviates by |ln| = ln(9)/3 from the weights.
    """
    result = ahp_weights([("c1", "c2", 3), ("c2", "c3", 3), ("c1", "c3", 1)])
    t = 9 ** (1 / 3)
    lam = 1 + t + 1 / t
    g = [3 ** (1 / 3), 1.0, 3 ** (-1 / 3)]
    expected = {c: x / sum(g) for c, x in zip(("c1", "c2", "c3"), g, strict=True)}
    assert result.weights == pytest.approx(expected, abs=1e-12)
    assert result.lambda_max == pytest.approx(lam, abs=1e-12)
    assert result.ci == pytest.approx((lam - 3) / 2, abs=1e-12)
    assert result.cr == pytest.approx((lam - 3) / 2 / 0.58, abs=1e-12)
    assert result.cr > 0.1
    assert [j.deviation for j in result.inconsistent] == pytest.approx([math.log(9) / 3] * 3)
    assert result.warning is not None


def test_reversed_judgement_is_named_most_inconsistent() -> None:
    """Hand-built: w = (8, 4, 2, 1) gives consistent ratios 2, 4, 8, 2, 4, 2.

    Reversing c1 vs c4 (1/8 instead of 8) must make that judgement the worst,
    and the warning must say, in words, what was said and what would fit.
    """
    pairwise = [
        ("c1", "c2", 2),
        ("c1", "c3", 4),
        ("c1", "c4", "1/8"),
        ("c2", "c3", 2),
        ("c2", "c4", 4),
        ("c3", "c4", 2),
    ]
    result = ahp_weights(pairwise)
    assert result.cr > 0.1
    worst = result.inconsistent[0]
    assert (worst.a, worst.b, worst.given) == ("c1", "c4", pytest.approx(1 / 8))
    assert worst.consistent == pytest.approx(result.weights["c1"] / result.weights["c4"])
    assert worst.deviation == pytest.approx(abs(math.log(worst.given / worst.consistent)))
    assert len(result.inconsistent) == 3
    devs = [j.deviation for j in result.inconsistent]
    assert devs == sorted(devs, reverse=True)
    assert result.warning is not None
    assert "you judged 'c4' 8 times as important as 'c1'" in result.warning
    assert f"CR = {result.cr:.3f}" in result.warning


def test_consistent_matrix_has_zero_cr_and_recovers_weights() -> None:
    """Hand-derived: a_ij = w_i / w_j with w = (8, 4, 2, 1) gives lambda_max = n, CR = 0."""
    w = {"c1": 8, "c2": 4, "c3": 2, "c4": 1}
    pairwise = [(a, b, w[a] / w[b]) for i, a in enumerate(w) for b in list(w)[i + 1 :]]
    result = ahp_weights(pairwise)
    assert result.weights == pytest.approx({k: v / 15 for k, v in w.items()}, abs=1e-12)
    assert result.lambda_max == pytest.approx(4, abs=1e-12)
    assert result.cr == pytest.approx(0, abs=1e-12)


def test_two_and_one_criteria() -> None:
    """n = 2 is always consistent (RI = 0, CR := 0); n = 1 needs the criteria list."""
    two = ahp_weights([{"a": "x", "b": "y", "ratio": 3}])
    assert two.weights == pytest.approx({"x": 0.75, "y": 0.25})
    assert (two.cr, two.ri) == (0.0, 0.0)
    one = ahp_weights([], criteria=["only"])
    assert one.weights == {"only": 1.0}


def test_criteria_fix_order() -> None:
    result = ahp_weights([("b", "a", 2)], criteria=["a", "b"])
    assert result.criteria == ("a", "b")
    assert list(result.weights) == ["a", "b"]


def test_random_index_tables() -> None:
    """Saaty (1980) for n <= 10, Alonso & Lamata (2006) for 11..15, refused above."""
    assert [random_index(n)[0] for n in range(1, 11)] == list(SAATY_1980_RI)
    assert random_index(3) == (0.58, "Saaty (1980)")
    assert random_index(11) == (1.5141, "Alonso & Lamata (2006)")
    assert random_index(15) == (1.5838, "Alonso & Lamata (2006)")
    with pytest.raises(WeightingError, match="at most 15"):
        random_index(16)


def test_more_than_15_criteria_refused() -> None:
    ids = [f"c{i}" for i in range(16)]
    pairwise = [(a, b, 1) for i, a in enumerate(ids) for b in ids[i + 1 :]]
    with pytest.raises(WeightingError, match="16 criteria compared"):
        ahp_weights(pairwise)


@pytest.mark.parametrize(
    ("pairwise", "fragment"),
    [
        ([("a", "b", 12), ("a", "c", 1), ("b", "c", 1)], "ratio 12, outside Saaty's scale 1/9..9"),
        ([("a", "b", "1/10")], "ratio 0.1, outside Saaty's scale"),
        ([("a", "b", 0)], "outside Saaty's scale"),
        ([("a", "a", 3)], "compares 'a' with itself"),
        ([("a", "b", 2), ("b", "a", "1/2")], "'b' vs 'a' is judged twice (judgements 1 and 2)"),
        (
            [("a", "b", 2), ("a", "c", 3)],
            "3 criteria need 3 judgements, 2 given. Missing: 'b' vs 'c'",
        ),
        ([{"a": "x", "b": "y"}], "expected {a: ..., b: ..., ratio: ...}"),
        ([("x", "y", "three")], "'three' is not a number"),
        ({"a": "x"}, "expected a list of judgements"),
        ([], "no pairwise judgements given"),
    ],
)
def test_ahp_errors(pairwise: object, fragment: str) -> None:
    with pytest.raises(WeightingError) as caught:
        ahp_weights(pairwise)
    assert fragment in str(caught.value)


def test_unknown_criterion_suggests_a_name() -> None:
    with pytest.raises(WeightingError, match="unknown criterion 'cots'.*did you mean 'cost'"):
        ahp_weights([("cots", "risk", 2)], criteria=["cost", "risk"])


def test_parse_and_build_matrix() -> None:
    judgements = parse_judgements([("a", "b", "1/3"), PairwiseRatio("a", "c", 2), ("b", "c", 6)])
    ids, matrix = build_matrix(judgements)
    assert ids == ("a", "b", "c")
    assert matrix[0, 1] == pytest.approx(1 / 3) and matrix[1, 0] == pytest.approx(3)
    assert matrix[1, 2] == 6 and matrix[2, 1] == pytest.approx(1 / 6)
    assert all(matrix[i, i] == 1 for i in range(3))
