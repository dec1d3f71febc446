"""PROMETHEE flow accumulation: sort-based for usual criteria, chunked pairwise otherwise.

Both functions add *unscaled* flows (sums over the other options, before the
division by n - 1) into `plus` and `minus` -- or, when `minus` is None, the
net flow into `plus` (one scatter instead of two) -- and unicriterion net flows
into `uni` when given. On a cost criterion a lower raw score wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

CHUNK_ELEMENTS = 1 << 21
"""Largest pairwise block (rows x options) held at once: 2**21 floats = 16 MiB."""

Floats = NDArray[np.float64]


class InPlacePreference(Protocol):
    def fill(self, d: Floats) -> Floats:
        """Overwrite the differences d with P(d) and return them."""
        ...


_SIGN = np.uint64(1 << 63)


def _argsort(col: Floats) -> NDArray[np.intp]:
    """argsort of a contiguous float column, about twice as fast as np.argsort.

    Packs an order-preserving integer image of each value (high bits) with its
    index (low bits) into one uint64 and sorts those with NumPy's SIMD sort.
    Values sharing their high bits may come out unordered; then np.argsort.
    """
    n = col.size
    bits = np.uint64(max(1, (n - 1).bit_length()))
    raw = col.view(np.uint64)
    key = np.where(col < 0, ~raw, raw | _SIGN)  # -0.0 and 0.0 both map to _SIGN
    key >>= bits
    key <<= bits
    key |= np.arange(n, dtype=np.uint64)
    key.sort()
    order = (key & ((np.uint64(1) << bits) - np.uint64(1))).astype(np.intp)
    s = col[order]
    if (s[1:] < s[:-1]).any():
        return np.argsort(col)
    return order


def _worse_better(col: Floats) -> tuple[NDArray[np.intp], Floats, Floats]:
    """Sort order, and per sorted position the count of strictly lower / higher scores."""
    n = col.size
    order = _argsort(col)
    s = col[order]
    index = np.arange(n, dtype=np.float64)
    first = np.empty(n, dtype=bool)
    first[0] = True
    np.not_equal(s[1:], s[:-1], out=first[1:])
    if first.all():  # no ties: i below, n - 1 - i above
        return order, index, (n - 1) - index
    last = np.empty(n, dtype=bool)
    last[-1] = True
    last[:-1] = first[1:]
    below = np.maximum.accumulate(np.where(first, index, 0.0))
    group_end = np.minimum.accumulate(np.where(last, index, float(n))[::-1])[::-1]
    return order, below, (n - 1) - group_end


def _add(
    plus: Floats,
    minus: Floats | None,
    rows: NDArray[np.intp] | slice,
    weight: float,
    wins: Floats,
    losses: Floats,
) -> None:
    if minus is None:
        plus[rows] += weight * (wins - losses)
    else:
        plus[rows] += weight * wins
        minus[rows] += weight * losses


def usual_flows(
    x: Floats,
    w: Floats,
    cost: NDArray[np.bool_],
    columns: NDArray[np.bool_],
    plus: Floats,
    minus: Floats | None,
    uni: Floats | None,
) -> None:
    """Add the flows of usual-criterion `columns` in O(n log n) each, with no n x n table."""
    for j in np.flatnonzero(columns):
        if w[j] == 0 and uni is None:
            continue
        order, below, above = _worse_better(np.ascontiguousarray(x[:, j]))
        wins, losses = (above, below) if cost[j] else (below, above)
        _add(plus, minus, order, w[j], wins, losses)
        if uni is not None:
            uni[order, j] = wins - losses


def pairwise_flows(
    x: Floats,
    w: Floats,
    cost: NDArray[np.bool_],
    columns: NDArray[np.bool_],
    prefs: Sequence[InPlacePreference],
    plus: Floats,
    minus: Floats | None,
    uni: Floats | None,
) -> None:
    """Add the flows of `columns` pairwise, a block of rows at a time: O(n^2) time.

    Each block P(a, b) (a in the block, b any option) is computed once: its row
    sums are the block's wins, its column sums every option's losses to it.
    """
    n = x.shape[0]
    step = max(1, CHUNK_ELEMENTS // n)
    for j in map(int, np.flatnonzero(columns)):
        if w[j] == 0 and uni is None:
            continue
        col = -x[:, j] if cost[j] else np.ascontiguousarray(x[:, j])
        wins, losses = np.zeros(n), np.zeros(n)
        for a0 in range(0, n, step):
            block = prefs[j].fill(np.subtract.outer(col[a0 : a0 + step], col))
            wins[a0 : a0 + step] = block.sum(axis=1)
            losses += block.sum(axis=0)
        _add(plus, minus, slice(None), w[j], wins, losses)
        if uni is not None:
            uni[:, j] = wins - losses
