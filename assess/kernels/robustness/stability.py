"""Exact one-weight stability intervals for the weighted sum.

Criterion j's normalised weight is moved to t in [0, 1] and the others are
rescaled in proportion so the weights still sum to one:

    w_j(t) = t,    w_k(t) = w_k (1 - t) / (1 - w_j)   (k != j).

When w_j = 1 (the others are all zero, so "in proportion" is undefined) the
remaining weight 1 - t is shared equally among the other criteria. Each total
is then linear in t:

    V_a(t) = A_aj + t B_aj,   A_aj = sum_{k!=j} s_k v_ak,   B_aj = v_aj - A_aj,

with s_k = w_k / (1 - w_j) the others' shares. For a leader a and a follower b
the gap D(t) = dA + t dB changes sign only at t* = -dA / dB, so every interval
is an intersection of half-lines, found in closed form for all criteria at
once (no scanning).

Conventions:
* The current order sorts the totals with `assess.kernels.ranks.rank_scores` (ties
  within its tolerance are equal) and breaks ties by option index; the first
  option is the first of that order.
* Intervals are closed: at an end the challenger only ties; past it, it is
  strictly ahead. An end at 0 or 1 (within `CROSS_TOL`) has no takeover (`None`).
* The ranking interval is where the current order holds weakly for every
  adjacent pair (which by transitivity is the whole order). When several
  pairs swap at the same end, the highest-placed pair is reported.
* When several options overtake the leader at the same end, the one ahead
  just beyond it (steepest slope, then lowest index) is reported.

References: Triantaphyllou & Sanchez (1997), "A sensitivity analysis approach
for some deterministic multi-criteria decision-making methods", Decision
Sciences 28(1):151-194; Belton & Stewart (2002), ch. 5.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from assess.kernels.methods.wsm import normalise_weights
from assess.kernels.ranks import rank_scores

SLOPE_EPS = 1e-12
"""Gap slopes |dB| at or below this count as parallel (no crossing)."""
CROSS_TOL = 1e-9
"""Crossings this close to each other count as simultaneous, and this close to
0 or 1 as at the bound (no takeover)."""


@dataclass(frozen=True, slots=True)
class IndexedStability:
    """How far one criterion's weight can move before the result changes."""

    criterion: int
    weight: float
    """Current normalised weight w_j."""
    first_lo: float
    first_hi: float
    """Closed interval of w_j (containing `weight`) where `first` stays first."""
    first_taker_lo: int | None
    first_taker_hi: int | None
    """Option that becomes first just below `first_lo` / above `first_hi`."""
    rank_lo: float
    rank_hi: float
    """Closed interval of w_j where the whole order stays the same."""
    swap_lo: tuple[int, int] | None
    swap_hi: tuple[int, int] | None
    """(higher-placed, lower-placed) options that swap past each end."""


@dataclass(frozen=True, slots=True)
class IndexedFirstChange:
    """The smallest single-weight change that changes the first place."""

    criterion: int
    weight_from: float
    weight_to: float
    """At `weight_to` the new first ties; any further change puts it ahead."""
    change: float
    """|weight_to - weight_from| in normalised weight units."""
    direction: int
    """+1 if w_j goes up, -1 if down (also defined when the change is 0, a tie)."""
    new_first: int


@dataclass(frozen=True, slots=True)
class StabilityResult:
    first: int
    order: tuple[int, ...]
    """Option indices best first (ties by index)."""
    criteria: tuple[IndexedStability, ...]
    smallest_change: IndexedFirstChange | None
    """None when no single weight change can change the first place."""


def weight_paths(
    values: NDArray[np.floating], weights: NDArray[np.floating]
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """(A, B), each n x m: option a's total with w_j = t is A[a, j] + t * B[a, j]."""
    v = np.asarray(values, dtype=float)
    w = normalise_weights(weights)
    n, m = v.shape
    if m == 1:
        return np.zeros_like(v), v.copy()
    rest = 1.0 - w
    whole = rest <= SLOPE_EPS
    others = (v @ w)[:, None] - v * w
    a = others / np.where(whole, 1.0, rest)
    if whole.any():
        equal = (v.sum(axis=1, keepdims=True) - v) / (m - 1)
        a[:, whole] = equal[:, whole]
    return a, v - a


def _crossings(
    d_a: NDArray[np.float64], d_b: NDArray[np.float64], w: NDArray[np.float64]
) -> tuple[NDArray, NDArray, NDArray, NDArray]:
    """Interval ends of {t : d_a + t d_b >= 0 for every row}, per column.

    Returns lo, hi (m,) and boolean masks (p x m) of the rows crossing at each
    end (all False where that end has no crossing).
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        cross = -d_a / d_b
    c_lo = np.where(d_b > SLOPE_EPS, cross, -np.inf)
    c_hi = np.where(d_b < -SLOPE_EPS, cross, np.inf)
    raw_lo = c_lo.max(axis=0, initial=-np.inf)
    raw_hi = c_hi.min(axis=0, initial=np.inf)
    lo = np.minimum(np.where(raw_lo > CROSS_TOL, raw_lo, 0.0), w)
    hi = np.maximum(np.where(raw_hi < 1.0 - CROSS_TOL, raw_hi, 1.0), w)
    at_lo = (c_lo >= raw_lo - CROSS_TOL) & (lo > 0.0)
    at_hi = (c_hi <= raw_hi + CROSS_TOL) & (hi < 1.0)
    return lo, hi, at_lo, at_hi


def _pick(mask: NDArray[np.bool_], key: NDArray[np.float64]) -> NDArray[np.int64]:
    """Per column, the row of `mask` with the largest key (-1 if none)."""
    if mask.shape[0] == 0:
        return np.full(mask.shape[1], -1)
    idx = np.argmax(np.where(mask, key, -np.inf), axis=0)
    return np.where(mask.any(axis=0), idx, -1)


def _current_order(totals: NDArray[np.float64]) -> NDArray[np.int64]:
    ranks = rank_scores(totals)
    return np.lexsort((np.arange(len(totals)), ranks))


def weight_stability(values: NDArray[np.floating], weights: NDArray[np.floating]) -> StabilityResult:
    """Stability intervals of every criterion's weight (n options x m criteria).

    `values` is the n x m value matrix (each score mapped to [0, 1], 1 best);
    `weights` are normalised here.
    """
    v = np.asarray(values, dtype=float)
    if v.ndim != 2 or v.shape[0] == 0 or v.shape[1] == 0:
        raise ValueError("values must be a non-empty n x m matrix")
    w = normalise_weights(weights)
    if w.shape != (v.shape[1],):
        raise ValueError("weights must have one entry per criterion")
    a, b = weight_paths(v, w)
    order = _current_order(v @ w)
    lead, rest = order[0], order[1:]
    f_lo, f_hi, f_at_lo, f_at_hi = _crossings(a[lead] - a[rest], b[lead] - b[rest], w)
    d_b = b[lead] - b[rest]
    taker_lo = _pick(f_at_lo, d_b)
    taker_hi = _pick(f_at_hi, -d_b)
    upper, lower = order[:-1], order[1:]
    r_lo, r_hi, r_at_lo, r_at_hi = _crossings(a[upper] - a[lower], b[upper] - b[lower], w)
    position = -np.arange(len(upper), dtype=float)[:, None]
    swap_lo, swap_hi = _pick(r_at_lo, position), _pick(r_at_hi, position)

    def opt(idx: int) -> int | None:
        return None if idx < 0 else int(rest[idx])

    def pair(idx: int) -> tuple[int, int] | None:
        return None if idx < 0 else (int(upper[idx]), int(lower[idx]))

    criteria = tuple(
        IndexedStability(
            j,
            float(w[j]),
            float(f_lo[j]),
            float(f_hi[j]),
            opt(taker_lo[j]),
            opt(taker_hi[j]),
            float(r_lo[j]),
            float(r_hi[j]),
            pair(swap_lo[j]),
            pair(swap_hi[j]),
        )
        for j in range(len(w))
    )
    return StabilityResult(int(lead), tuple(int(i) for i in order), criteria, _smallest_change(criteria))


def _smallest_change(criteria: tuple[IndexedStability, ...]) -> IndexedFirstChange | None:
    """Nearest first-place end over all criteria (ties: lower criterion, lower end)."""
    best: IndexedFirstChange | None = None
    for c in criteria:
        ends = ((c.first_lo, c.first_taker_lo, -1), (c.first_hi, c.first_taker_hi, 1))
        for end, taker, direction in ends:
            if taker is None:
                continue
            change = abs(end - c.weight)
            if best is None or change < best.change:
                best = IndexedFirstChange(c.criterion, c.weight, end, change, direction, taker)
    return best
