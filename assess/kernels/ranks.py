"""Ranks from scores: one rule for every method, ties get equal rank."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

TIE_RTOL = 1e-9
"""Scores closer than this (relative to the largest magnitude) are tied."""


def rank_scores(scores: NDArray[np.floating], higher_is_better: bool = True) -> NDArray[np.int64]:
    """Standard competition ranks ("1224"): 1 is best, tied scores share a rank.

    Scores within `TIE_RTOL` of each other (relative to the largest |score|)
    count as equal, so floating-point noise never breaks a true tie.
    """
    s = np.asarray(scores, dtype=float)
    if s.size == 0:
        return np.zeros(0, dtype=np.int64)
    key = -s if higher_is_better else s
    order = np.argsort(key, kind="stable")
    sorted_key = key[order]
    tol = TIE_RTOL * max(1.0, float(np.max(np.abs(s))))
    new_group = np.empty(len(s), dtype=bool)
    new_group[0] = True
    new_group[1:] = np.diff(sorted_key) > tol
    positions = np.arange(1, len(s) + 1)
    group_start = np.maximum.accumulate(np.where(new_group, positions, 0))
    ranks = np.empty(len(s), dtype=np.int64)
    ranks[order] = group_start
    return ranks
