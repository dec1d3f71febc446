"""Ranks from scores: one rule for every method, ties get equal rank.

Two forms of the one rule: `rank_scores` on a NumPy array and `rank_list` on
plain floats (the command line's weighted sum runs without NumPy); the same
comparisons in the same order, checked equal on random scores by a property
test (tests/kernels/test_ranks_plain.py).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

TIE_RTOL = 1e-9
"""Scores closer than this (relative to the largest magnitude) are tied."""


def rank_scores(scores: NDArray[np.floating], higher_is_better: bool = True) -> NDArray[np.int64]:
    """Standard competition ranks ("1224"): 1 is best, tied scores share a rank.

    Scores within `TIE_RTOL` of each other (relative to the largest |score|)
    count as equal, so floating-point noise never breaks a true tie.
    """
    import numpy as np

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


def rank_list(scores: Sequence[float], higher_is_better: bool = True) -> list[int]:
    """`rank_scores` on plain floats: a stable sort with NaN last (as NumPy's
    argsort), a new rank where a key exceeds the previous one by more than the
    tolerance (a NaN difference never does, as in `np.diff(..) > tol`)."""
    s = [float(x) for x in scores]
    if not s:
        return []
    key = [-x for x in s] if higher_is_better else s
    order = sorted(range(len(s)), key=lambda i: (math.isnan(key[i]), 0.0 if math.isnan(key[i]) else key[i]))
    biggest = math.nan if any(math.isnan(x) for x in s) else max(abs(x) for x in s)
    tol = TIE_RTOL * max(1.0, biggest)
    ranks = [0] * len(s)
    start = 1
    for pos, i in enumerate(order):
        if pos and key[i] - key[order[pos - 1]] > tol:
            start = pos + 1
        ranks[i] = start
    return ranks
