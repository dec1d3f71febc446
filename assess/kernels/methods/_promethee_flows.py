"""PROMETHEE flow accumulation from sorted columns; the pairwise form as the oracle.

`usual_flows` (usual criterion) and `piecewise_flows` (V-shape and linear) sort
each column once and take O(n log n) time and O(n) memory per criterion;
`pairwise_flows` is the O(n^2) definition, computed in blocks, kept as the
tests' oracle for the other two. Each function adds *unscaled* flows (sums over the other options, before the
division by n - 1) into `plus` and `minus` -- or, when `minus` is None, the
net flow into `plus` (one scatter instead of two) -- and unicriterion net flows
into `uni` when given. On a cost criterion a lower raw score wins.
"""

from __future__ import annotations

import math
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


class Thresholds(Protocol):
    @property
    def q(self) -> float:
        """Indifference threshold: differences up to q count for nothing."""
        ...

    @property
    def p(self) -> float:
        """Preference threshold: differences beyond p are full preference."""
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


def _gains(s: Floats, q: float, p: float) -> Floats:
    """For each a of the ascending `s`: sum_b P(s_a - s_b), with P piecewise linear.

    P(d) = 0 for d <= q, (d - q) / (p - q) for q < d <= p, 1 for d > p (0 <= q <= p;
    q = p is a step). The b with s_b < s_a - p give 1 each; those with
    s_a - p <= s_b < s_a - q give (s_a - q - s_b) / (p - q), a count and a range sum
    of the prefix sums. P is continuous when q < p, so which piece takes a b at an
    end changes nothing; for a step, `searchsorted`'s strict s_b < s_a - p is d > p.
    """
    ones = np.searchsorted(s, s - p, "left")
    if p == q:
        return ones.astype(np.float64)
    zone_end = np.searchsorted(s, s - q, "left")
    prefix = np.zeros(s.size + 1)
    np.cumsum(s, out=prefix[1:])
    part = (s - q) * (zone_end - ones) - (prefix[zone_end] - prefix[ones])
    part /= p - q
    part += ones
    return part


def _conditioned(s: Floats, q: float, p: float) -> tuple[Floats, float, float]:
    """The ascending `s` centred on its midrange, with q and p, scaled by a power of two
    when prefix sums could overflow (P(d; q, p) = P(kd; kq, kp) for k > 0).

    Centring keeps prefix sums near n x range / 2 instead of n x |values|: the
    cancellation in a range sum is then at most about n eps of one preference, not
    n eps |values| / (p - q)."""
    half_span = s[-1] / 2 - s[0] / 2
    if half_span * s.size > 2.0**1000:
        k = math.ldexp(1.0, 1000 - math.ceil(math.log2(half_span) + math.log2(s.size)))
        s, q, p = s * k, q * k, p * k
    return s - (s[0] / 2 + s[-1] / 2), q, p


def piecewise_flows(
    x: Floats,
    w: Floats,
    cost: NDArray[np.bool_],
    columns: NDArray[np.bool_],
    prefs: Sequence[Thresholds],
    plus: Floats,
    minus: Floats | None,
    uni: Floats | None,
) -> None:
    """Add the flows of V-shape and linear `columns` (thresholds q <= p) in O(n log n) each.

    With the column sorted, an option's wins are `_gains` of the column and its
    losses those of the reversed, negated column: sum_b P(x_b - x_a) =
    sum_b P((-x_a) - (-x_b)). Four binary searches of sorted keys and one prefix
    sum per criterion; equal to `pairwise_flows` up to rounding.
    """
    for j in map(int, np.flatnonzero(columns)):
        if w[j] == 0 and uni is None:
            continue
        col = -x[:, j] if cost[j] else np.ascontiguousarray(x[:, j])
        order = _argsort(col)
        s, q, p = _conditioned(col[order], float(prefs[j].q), float(prefs[j].p))
        wins = _gains(s, q, p)
        losses = _gains(-s[::-1], q, p)[::-1]
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

    The definition computed literally, for any preference function: the oracle
    the tests hold `usual_flows` and `piecewise_flows` to.

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
