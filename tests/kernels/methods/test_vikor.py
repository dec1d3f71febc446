"""VIKOR: published examples, compromise conditions, degenerate inputs."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assess.kernels.methods import MethodError, vikor, vikor_explain


def test_opricovic_tzeng_2004_example() -> None:
    """Opricovic & Tzeng, EJOR 156 (2004) 445-455, the comparison example:
    A1 = (1, 3000), A2 = (2, 3750), A3 = (5, 4500), equal weights, f1 minimised and
    f2 maximised (the same encoding as pymcdm's test_mcdm.py::TestVIKOR, which cites
    the paper and expects Q = (1, 0, 1)). VIKOR proposes A2 as the compromise.

    The S, R, Q below are derived by hand (f* = (1, 4500), f- = (5, 3000)):
    S = (1/2, 1/8 + 1/4, 1/2), R = (1/2, 1/4, 1/2), Q = (1, 0, 1); DQ = 1/2,
    Q(A(2)) - Q(A(1)) = 1 >= DQ (C1) and A2 is also best by S and R (C2).
    """
    x = np.array([[1, 3000], [2, 3750], [5, 4500]], dtype=float)
    e = vikor_explain(x, [0.5, 0.5], [True, False])
    np.testing.assert_allclose(e.s, [0.5, 0.375, 0.5])
    np.testing.assert_allclose(e.r, [0.5, 0.25, 0.5])
    np.testing.assert_allclose(e.q, [1.0, 0.0, 1.0])
    np.testing.assert_allclose(e.best, [1, 4500])
    np.testing.assert_allclose(e.worst, [5, 3000])
    assert (e.dq, e.advantage, e.stability, e.compromise) == (0.5, True, True, (1,))
    np.testing.assert_allclose(vikor(x, [0.5, 0.5], [True, False]), e.q)


def test_yang_wu_2020_example() -> None:
    """Yang & Wu, "A new improvement method to avoid rank reversal in VIKOR", IEEE
    Access 8 (2020) 21261-21271: five alternatives, four benefit criteria, equal
    weights, Q = (0.5679, 0.7667, 1, 0.7493, 0).

    Honesty note: I have not seen the paper; data and figures are those recorded
    in pymcdm's test-suite (test_mcdm.py::TestVIKOR::test_output_yang), which cites it.
    """
    x = np.array(
        [[78, 56, 34, 6], [4, 45, 3, 97], [18, 2, 50, 63], [9, 14, 11, 92], [85, 9, 100, 29]],
        dtype=float,
    )
    q = vikor(x, [0.25] * 4)
    np.testing.assert_array_equal(np.round(q, 4), [0.5679, 0.7667, 1.0, 0.7493, 0.0])
    assert vikor_explain(x, [1, 1, 1, 1]).compromise == (4,)


def test_acceptable_advantage_fails_gives_the_set_within_dq() -> None:
    """Hand-derived: f* = (5, 4), f- = (2, 2); S = (1/3, 1/4, 1), R = (1/3, 1/4, 1/2),
    Q = (2/9, 0, 1). DQ = 1/2 and Q(A(2)) - Q(A(1)) = 2/9 < DQ, so C1 fails and the
    compromise set is every A(k) with Q(A(k)) - Q(A(1)) < DQ: options 1 and 0."""
    e = vikor_explain(np.array([[3, 4], [5, 3], [2, 2]], dtype=float), [1, 1])
    np.testing.assert_allclose(e.s, [1 / 3, 1 / 4, 1])
    np.testing.assert_allclose(e.r, [1 / 3, 1 / 4, 1 / 2])
    np.testing.assert_allclose(e.q, [2 / 9, 0, 1])
    assert e.order == (1, 0, 2)
    assert (e.advantage, e.stability, e.compromise) == (False, True, (1, 0))


def test_acceptable_stability_fails_gives_the_first_two() -> None:
    """Hand-derived, equal weights, benefit criteria: f* = (4, 4, 4), f- = (0, 1, 1);
    S = (5/9, 13/36, 1/3, 19/36, 1/2), R = (1/3, 1/4, 1/3, 2/9, 1/3),
    Q = (1, 3/16, 1/2, 7/16, 7/8). A(1) = option 1 and Q(A(2)) - Q(A(1)) = 1/4 = DQ,
    so C1 holds (>=); but the best S is option 2's and the best R option 3's, so C2
    fails and the compromise set is A(1), A(2) = options 1 and 3."""
    x = np.array([[0, 4, 2], [1, 3, 4], [4, 4, 1], [3, 2, 2], [2, 1, 4]], dtype=float)
    e = vikor_explain(x, [1, 1, 1])
    np.testing.assert_allclose(e.s, [5 / 9, 13 / 36, 1 / 3, 19 / 36, 1 / 2])
    np.testing.assert_allclose(e.r, [1 / 3, 1 / 4, 1 / 3, 2 / 9, 1 / 3])
    np.testing.assert_allclose(e.q, [1, 3 / 16, 1 / 2, 7 / 16, 7 / 8])
    assert e.dq == 0.25
    assert (e.advantage, e.stability, e.compromise) == (True, False, (1, 3))


def test_regret_table_rows_give_s_and_r() -> None:
    x = np.array([[3, 4, 7], [5, 3, 1], [2, 2, 9]], dtype=float)
    e = vikor_explain(x, [1, 2, 3], [False, True, False])
    np.testing.assert_allclose(e.regrets.sum(axis=1), e.s)
    np.testing.assert_allclose(e.regrets.max(axis=1), e.r)
    assert (e.regrets >= 0).all()


def test_constant_criterion_contributes_nothing_and_is_noted() -> None:
    """Literature handling of f* = f-: the criterion separates no options, so its
    term is 0; Q (a rescaling of S and R) equals Q without that criterion."""
    x = np.array([[3, 4, 7], [5, 3, 7], [2, 2, 7]], dtype=float)
    e = vikor_explain(x, [1, 1, 2])
    assert e.constant_criteria == (2,)
    assert any("criteria [2]" in note for note in e.notes)
    np.testing.assert_allclose(e.q, vikor(x[:, :2], [1, 1]))
    np.testing.assert_array_equal(e.regrets[:, 2], 0.0)


def test_all_options_equal_gives_q_zero_and_a_compromise_set_of_all() -> None:
    e = vikor_explain(np.ones((3, 2)), [1, 1])
    np.testing.assert_array_equal(e.q, 0.0)
    assert e.compromise == (0, 1, 2) and not e.advantage
    assert len(e.notes) == 3


def test_single_option_is_its_own_compromise() -> None:
    e = vikor_explain(np.array([[1.0, 2.0]]), [1, 1])
    assert e.compromise == (0,) and e.advantage and e.stability


@pytest.mark.parametrize("v", [-0.1, 1.5])
def test_v_outside_unit_interval_is_refused(v: float) -> None:
    with pytest.raises(MethodError, match="between 0 and 1"):
        vikor(np.eye(3) + 1, [1, 1, 1], v=v)


def test_v_weights_the_two_strategies() -> None:
    x = np.array([[3, 4], [5, 3], [2, 2]], dtype=float)
    e = vikor_explain(x, [1, 1])
    s01 = (e.s - e.s.min()) / np.ptp(e.s)
    r01 = (e.r - e.r.min()) / np.ptp(e.r)
    for v in (0.0, 0.3, 1.0):
        np.testing.assert_allclose(vikor(x, [1, 1], v=v), v * s01 + (1 - v) * r01)


def test_options_tied_for_second_all_join_when_stability_fails() -> None:
    """The C2 example above with option 3 given twice (options 3 and 5): f*, f-,
    S, R and Q are unchanged, DQ = 1/5, Q(A(2)) - Q(A(1)) = 1/4 >= DQ (C1 holds)
    and option 1 is neither best by S (option 2) nor by R (options 3 and 5), so C2
    fails. Options 3 and 5 tie for second place: both join A(1), in whichever
    order the rows come."""
    x = np.array([[0, 4, 2], [1, 3, 4], [4, 4, 1], [3, 2, 2], [2, 1, 4], [3, 2, 2]], dtype=float)
    e = vikor_explain(x, [1, 1, 1])
    np.testing.assert_allclose(e.q, [1, 3 / 16, 1 / 2, 7 / 16, 7 / 8, 7 / 16])
    assert (e.dq, e.advantage, e.stability) == (0.2, True, False)
    assert e.compromise == (1, 3, 5)
    swapped = vikor_explain(x[[0, 1, 2, 5, 4, 3]], [1, 1, 1])
    assert swapped.compromise == (1, 3, 5)  # rows 3 and 5 swapped: the same two options


def test_options_tied_for_first_all_stand_first() -> None:
    """Two identical best rows: Q(A(2)) = Q(A(1)), so C1 fails and the set is
    every option within DQ = 1/3 of the best. Hand-derived: f* = (4, 4),
    f- = (0, 0); S = (0, 1/8, 0, 1), R = (0, 1/8, 0, 1/2), Q = (0, 3/16, 0, 1):
    the two tied options, then option 1 (3/16 < DQ)."""
    x = np.array([[4, 4], [3, 4], [4, 4], [0, 0]], dtype=float)
    e = vikor_explain(x, [1, 1])
    np.testing.assert_allclose(e.q, [0, 3 / 16, 0, 1])
    assert (e.advantage, e.stability) == (False, True)
    assert e.compromise == (0, 2, 1)


C2_FAILS = np.array([[0, 4, 2], [1, 3, 4], [4, 4, 1], [3, 2, 2], [2, 1, 4]], dtype=float)
"""The example above where only C2 fails (equal weights, benefit criteria)."""


@st.composite
def _tie_prone(draw):
    """Small matrices of ratings 0..3 (many ties, often rows alike) with random
    weights, cost flags and v; or the example where only C2 fails with some of
    its rows repeated (repeats keep f*, f-, S, R and Q; A(2) repeated ties for
    second place, A(1) repeated ties for first). Then a permutation of the rows."""
    if draw(st.booleans()):
        repeats = draw(st.lists(st.integers(0, 4), min_size=1, max_size=4))
        x, w, cost, v = np.vstack([C2_FAILS, C2_FAILS[repeats]]), np.ones(3), np.zeros(3, bool), 0.5
    else:
        n, m = draw(st.integers(2, 7)), draw(st.integers(1, 4))
        rows = st.lists(st.integers(0, 3), min_size=m, max_size=m)
        x = np.array(draw(st.lists(rows, min_size=n, max_size=n)), dtype=float)
        w = np.array(draw(st.lists(st.integers(1, 3), min_size=m, max_size=m)), dtype=float)
        cost = np.array(draw(st.lists(st.booleans(), min_size=m, max_size=m)))
        v = draw(st.sampled_from([0.0, 0.25, 0.5, 1.0]))
    return x, w, cost, v, np.array(draw(st.permutations(range(len(x)))))


@settings(max_examples=400, deadline=None)
@given(_tie_prone())
def test_permuting_the_options_never_changes_the_compromise(problem) -> None:
    """The compromise set, C1 and C2 are properties of the options, not of their
    order in the file: with rows permuted, the same options (mapped back)."""
    x, w, cost, v, rows = problem
    e = vikor_explain(x, w, cost, v)
    p = vikor_explain(x[rows], w, cost, v)
    assert {int(rows[k]) for k in p.compromise} == set(e.compromise)
    assert (p.advantage, p.stability) == (e.advantage, e.stability)
