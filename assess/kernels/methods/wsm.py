"""Weighted sum (additive value model).

    V(a) = sum_j w_j * v_j(x_aj),   sum_j w_j = 1

where v_j maps criterion j's score onto [0, 1] (0 worst, 1 best) through the
criterion's value function over its declared scale. The kernel takes the
value matrix already transformed (see `assess.core.values`) and returns the totals
and each criterion's contribution w_j * v_j(x_aj).

Reference: Belton & Stewart, *Multiple Criteria Decision Analysis: An
Integrated Approach* (2002), ch. 5; Keeney & Raiffa (1976).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray


def normalise_weights(weights: ArrayLike) -> NDArray[np.float64]:
    """Weights scaled to sum to 1 (raises ValueError if negative or all zero)."""
    w = np.asarray(weights, dtype=float)
    if np.any(w < 0) or not np.all(np.isfinite(w)):
        raise ValueError("weights must be finite and non-negative")
    total = w.sum()
    if total <= 0:
        raise ValueError("weights are all zero")
    return w / total


def wsm_contributions(values: NDArray[np.floating], weights: NDArray[np.floating]) -> NDArray[np.float64]:
    """n x m matrix of w_j * v_aj (weights normalised here)."""
    return np.asarray(values, dtype=float) * normalise_weights(weights)


def wsm(values: NDArray[np.floating], weights: NDArray[np.floating]) -> NDArray[np.float64]:
    """Totals V(a) for each row of the value matrix; higher is better."""
    return np.asarray(values, dtype=float) @ normalise_weights(weights)
