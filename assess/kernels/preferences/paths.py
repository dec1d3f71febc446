"""The part of each one-weight stability path that the statements allow.

The stability intervals and the tornado (`assess.kernels.robustness.stability`,
`assess.kernels.robustness.tornado`) move one weight w_j to t in [0, 1] and rescale the
others in proportion: they assume the whole simplex. Under statements only
part of that path is allowed. The path is

    w(t) = t e_j + (1 - t) s,   s_k = w_k / (1 - w_j) (k != j),  s_j = 0

(equal shares when w_j = 1), linear in t, so {t : w(t) in P} is an interval
found in closed form from the rows: A w(t) <= b gives t (A (e_j - s)) <=
b - A s for each row, and each equality row must hold for every t, or pins
t to the one value where it does. Intersecting the stability interval of
criterion j with `path_range(...)[j]` gives the interval that is both stable
and allowed; the tornado's weight ranges under statements are
`WeightPolytope.bounds()` (the extremes over P, not along a path).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from assess.kernels.preferences.polytope import VIOLATION_TOL, WeightPolytope


def path_ranges(polytope: WeightPolytope, weights: ArrayLike) -> NDArray[np.float64]:
    """(m, 2): for each criterion j, [t_lo, t_hi] with w(t) in P along j's path.

    Rows are NaN when no point of the path is in P (in particular when the
    weights themselves break a statement and no other t repairs it).
    """
    w = np.asarray(weights, dtype=float)
    if w.shape != (polytope.m,) or np.any(w < 0) or not np.isfinite(w).all() or w.sum() <= 0:
        raise ValueError(f"weights must be {polytope.m} finite non-negative numbers, not all zero")
    w = w / w.sum()
    return np.array([_range(polytope, w, j) for j in range(polytope.m)])


def _range(p: WeightPolytope, w: NDArray[np.float64], j: int) -> tuple[float, float]:
    m = p.m
    if m == 1:  # the only normalised weight vector is w = (1,)
        return 1.0, 1.0
    rest = 1.0 - w[j]
    s = np.where(np.arange(m) == j, 0.0, w / rest if rest > 1e-12 else 1.0 / (m - 1))
    d = np.eye(m)[j] - s  # w(t) = s + t d
    G, h = np.vstack([p.rows.A, -np.eye(m)]), np.concatenate([p.rows.b, np.zeros(m)])
    slope, room = G @ d, h - G @ s
    up, down = slope > 1e-12, slope < -1e-12
    if np.any(~(up | down) & (room < -VIOLATION_TOL)):
        return np.nan, np.nan
    hi = min(1.0, float(np.min(room[up] / slope[up], initial=np.inf)))
    lo = max(0.0, float(np.max(room[down] / slope[down], initial=-np.inf)))
    e_slope, e_room = p.rows.E @ d, p.rows.f - p.rows.E @ s
    for a, r in zip(e_slope, e_room, strict=True):
        if abs(a) <= 1e-12:
            if abs(r) > VIOLATION_TOL:
                return np.nan, np.nan
        else:
            lo, hi = max(lo, r / a), min(hi, r / a)
    if lo > hi + VIOLATION_TOL:
        return np.nan, np.nan
    return lo, max(lo, hi)
