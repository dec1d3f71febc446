"""The weighted sum in plain Python (`assess.kernels.wsm_plain`) gives the NumPy
kernel's floats bit for bit, and the plain ranks (`rank_list`) NumPy's ranks,
on random inputs: the one-implementation rule of issue 11 for the NumPy-free
`assess score`."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assess.kernels.methods.wsm import normalise_weights, row_totals, wsm_contributions
from assess.kernels.ranks import rank_list, rank_scores
from assess.kernels.wsm_plain import left_sum, weight_shares, wsm_plain

unit = st.floats(0, 1, allow_nan=False)
weight = st.one_of(st.sampled_from([0.0, 1.0, 3.0, 0.1]), st.floats(0, 1e6, allow_nan=False))


Table = tuple[list[list[float]], list[float]]


@st.composite
def tables(draw: st.DrawFn) -> Table:
    n, m = draw(st.integers(1, 6)), draw(st.integers(1, 20))  # m beyond NumPy's pairwise block of 8
    values = [draw(st.lists(unit, min_size=m, max_size=m)) for _ in range(n)]
    weights = draw(st.lists(weight, min_size=m, max_size=m).filter(lambda w: sum(w) > 0))
    return values, weights


def bits(x: object) -> bytes:
    return np.asarray(x, dtype=float).tobytes()


@settings(max_examples=60)
@given(tables())
def test_plain_weighted_sum_is_the_numpy_kernel_bit_for_bit(table: Table) -> None:
    values, weights = table
    parts, totals = wsm_plain(values, weights)
    arrays = wsm_contributions(np.array(values), np.array(weights))
    assert bits(parts) == bits(arrays)
    assert bits(totals) == bits(row_totals(arrays))
    assert bits(weight_shares(weights)) == bits(normalise_weights(weights))


def test_left_sum_adds_in_order_unlike_a_compensated_sum() -> None:
    row = [1e16, 1.0, -1e16]
    assert left_sum(row) == (1e16 + 1.0) - 1e16 == 0.0
    assert left_sum([]) == 0.0
    assert bits(row_totals(np.array([row]))) == bits([0.0])


def test_weight_shares_refuse_what_normalise_weights_refuses() -> None:
    for bad in ([0.0, 0.0], [1.0, -1.0], [1.0, math.inf]):
        with pytest.raises(ValueError):
            weight_shares(bad)
        with pytest.raises(ValueError):
            normalise_weights(bad)


score = st.one_of(
    st.sampled_from([0.0, 0.5, 1.0, 1.0 + 1e-12, -2.0]),  # ties and near-ties
    st.floats(-1e6, 1e6, allow_nan=False),
    st.sampled_from([math.nan, math.inf, -math.inf]),
)


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # inf - inf in np.diff, as in rank_list
@settings(max_examples=80)
@given(st.lists(score, max_size=12), st.booleans())
def test_plain_ranks_are_numpys(scores: list[float], higher: bool) -> None:
    assert rank_list(scores, higher) == rank_scores(np.array(scores, dtype=float), higher).tolist()
