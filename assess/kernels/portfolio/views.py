"""Across views (scenarios, assessors): which options every view's optimum funds."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray


def funded_in_all(selections: ArrayLike) -> NDArray[np.bool_]:
    """(n,) options funded in every row of a (V, n) bool matrix of optimal portfolios."""
    X = np.asarray(selections)
    if X.ndim != 2 or X.shape[0] == 0 or X.dtype != bool:
        raise ValueError("selections must be a non-empty (V, n) boolean matrix, one row per view")
    return np.asarray(X.all(axis=0))
