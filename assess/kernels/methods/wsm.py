"""Weighted sum (additive value model).

    V(a) = sum_j w_j * v_j(x_aj),   sum_j w_j = 1

where v_j maps criterion j's score onto [0, 1] (0 worst, 1 best) through the
criterion's value function over its declared scale. The kernel takes the
value matrix already transformed (see `assess.core.values`) and returns the totals
and each criterion's contribution w_j * v_j(x_aj).

The weights' total and each option's total are summed left to right, in
plain Python (`assess.kernels.wsm_plain`, which loads no NumPy) and in NumPy (`normalise_weights`,
`row_totals`, a column at a time) alike, so the command line's weighted sum
without NumPy and the NumPy kernel give the same floats, bit for bit
(checked by a property test, tests/kernels/methods/test_wsm_plain.py).

Reference: Belton & Stewart, *Multiple Criteria Decision Analysis: An
Integrated Approach* (2002), ch. 5; Keeney & Raiffa (1976).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from assess.kernels.wsm_plain import weight_shares


def normalise_weights(weights: ArrayLike) -> NDArray[np.float64]:
    """`weight_shares` as an array."""
    return np.array(weight_shares(np.asarray(weights, dtype=float).ravel().tolist()), dtype=float)


def wsm_contributions(values: NDArray[np.floating], weights: NDArray[np.floating]) -> NDArray[np.float64]:
    """n x m matrix of w_j * v_aj (weights normalised here)."""
    return np.asarray(values, dtype=float) * normalise_weights(weights)


def row_totals(contributions: NDArray[np.floating]) -> NDArray[np.float64]:
    """Each row's sum, added a column at a time from the left (`left_sum` of every row)."""
    c = np.asarray(contributions, dtype=float)
    if c.shape[1] == 0:
        return np.zeros(c.shape[0])
    out = c[:, 0].copy()
    for j in range(1, c.shape[1]):
        out += c[:, j]
    return out


def wsm(values: NDArray[np.floating], weights: NDArray[np.floating]) -> NDArray[np.float64]:
    """Totals V(a) for each row of the value matrix; higher is better."""
    return row_totals(wsm_contributions(values, weights))
