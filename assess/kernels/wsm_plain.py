"""The weighted sum in plain Python: the command line's `score` without NumPy.

The same arithmetic as `assess.kernels.methods.wsm` (which takes its weight
shares from here): the weights' total and each option's total added left to
right, each contribution the product w_j * v_aj, so the two give the same
floats, bit for bit (a property test checks it:
tests/kernels/methods/test_wsm_plain.py). This module imports no NumPy.
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def weight_shares(weights: Sequence[float]) -> list[float]:
    """Weights scaled to sum to 1, their total summed left to right (raises
    ValueError if negative, not finite or all zero)."""
    w = [float(x) for x in weights]
    if any(x < 0 or not math.isfinite(x) for x in w):
        raise ValueError("weights must be finite and non-negative")
    total = left_sum(w)
    if total <= 0:
        raise ValueError("weights are all zero")
    return [x / total for x in w]


def left_sum(row: Sequence[float]) -> float:
    """x_0 + x_1 + ... added left to right (0.0 for none): not `sum`, whose
    compensated summation (Python 3.12) NumPy does not share."""
    total = 0.0
    for k, x in enumerate(row):
        total = x if k == 0 else total + x
    return total


def wsm_plain(
    values: Sequence[Sequence[float]], weights: Sequence[float]
) -> tuple[list[list[float]], list[float]]:
    """`wsm_contributions` and `row_totals` on plain floats: the same products
    and sums in the same order, so the same floats."""
    shares = weight_shares(weights)
    parts = [[float(v) * w for v, w in zip(row, shares, strict=True)] for row in values]
    return parts, [left_sum(row) for row in parts]
