"""How far the methods agree: Kendall's tau-b between rankings.

    tau_b = (n_c - n_d) / sqrt((n0 - n1) (n0 - n2))

over the n0 = n(n-1)/2 pairs of options, with n_c / n_d the concordant /
discordant pairs, n1 the pairs tied in the first ranking and n2 those tied in
the second. Ties count as neither concordant nor discordant, so two rankings
that agree except for ties score below 1. tau_b is 1 for identical orders, -1
for reversed ones, and undefined (NaN) when either ranking ties every option.

Computed in O(n log^2 n) by Knight's method: sort by the first ranking
(ties broken by the second), then count discordant pairs as the inversions of
the second ranking with a vectorised bottom-up merge count.

References: Kendall, Biometrika 33 (1945) 239-251 (tau-b); Knight, JASA 61
(1966) 436-439 (the O(n log n) algorithm).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from math import sqrt

import numpy as np
from numpy.typing import ArrayLike, NDArray

from assess.kernels.methods.errors import MethodError


def _tied_pairs(sorted_values: NDArray) -> int:
    """Pairs of equal elements in a sorted 1-D array."""
    if sorted_values.size < 2:
        return 0
    edges = np.flatnonzero(np.diff(sorted_values) != 0) + 1
    runs = np.diff(np.concatenate(([0], edges, [sorted_values.size])))
    return int((runs * (runs - 1) // 2).sum())


def _inversions(y: NDArray[np.int64]) -> int:
    """Pairs i < j with y_i > y_j (strictly), for y of non-negative ints below len(y)."""
    n = y.size
    base = n + 1
    pos = np.arange(n)
    a = y.astype(np.int64)
    total, width = 0, 1
    while width < n:
        pair = pos // (2 * width)
        right = (pos // width) % 2 == 1
        left_keys = (pair * base + a)[~right]  # sorted: blocks are sorted, pairs ascend
        q_pair = pair[right]
        stop = np.searchsorted(left_keys, (q_pair + 1) * base, "left")
        at_most = np.searchsorted(left_keys, q_pair * base + a[right], "right")
        total += int((stop - at_most).sum())
        a = np.sort(pair * base + a) - pair * base  # merge each pair of blocks
        width *= 2
    return total


def kendall_tau_b(first: ArrayLike, second: ArrayLike) -> float:
    """Kendall's tau-b between two rankings (or scores) of the same options."""
    x = np.asarray(first, dtype=float).reshape(-1)
    y = np.asarray(second, dtype=float).reshape(-1)
    if x.shape != y.shape:
        raise MethodError(f"cannot compare rankings of {x.size} and {y.size} options")
    if not (np.isfinite(x).all() and np.isfinite(y).all()):
        raise MethodError("rankings to compare must be finite numbers")
    n = x.size
    if n < 2:
        return float("nan")
    order = np.lexsort((y, x))
    xs, ys = x[order], y[order]
    n0 = n * (n - 1) // 2
    n1 = _tied_pairs(xs)
    n2 = _tied_pairs(np.sort(y))
    joint = np.flatnonzero((np.diff(xs) != 0) | (np.diff(ys) != 0)) + 1
    runs = np.diff(np.concatenate(([0], joint, [n])))
    n3 = int((runs * (runs - 1) // 2).sum())
    dense = np.unique(ys, return_inverse=True)[1].reshape(-1)
    discordant = _inversions(dense)
    denominator = (n0 - n1) * (n0 - n2)
    if denominator == 0:
        return float("nan")
    return (n0 - n1 - n2 + n3 - 2 * discordant) / sqrt(denominator)


def tau_matrix(rankings: Sequence[ArrayLike]) -> NDArray[np.float64]:
    """k x k matrix of pairwise tau-b between k rankings of the same options."""
    k = len(rankings)
    out = np.eye(k)
    for i in range(k):
        out[i, i] = kendall_tau_b(rankings[i], rankings[i])
        for j in range(i + 1, k):
            out[i, j] = out[j, i] = kendall_tau_b(rankings[i], rankings[j])
    return out


@dataclass(frozen=True, slots=True)
class Agreement:
    """Pairwise tau-b between named rankings (e.g. one per method)."""

    names: tuple[str, ...]
    tau: NDArray[np.float64]
    """tau[i, j] between rankings names[i] and names[j]."""


def agreement(rankings: Mapping[str, ArrayLike]) -> Agreement:
    """Agreement table for named rankings, all in the same orientation (e.g. ranks, 1 best)."""
    names = tuple(rankings)
    return Agreement(names, tau_matrix([rankings[name] for name in names]))
