"""Extreme points of a weight polytope by the double description method.

P = {w >= 0, sum w = 1, G w <= h, E w = f} is homogenised with sum w as the
scale: on P, h = h (sum w), so P is the slice sum w = 1 of the pointed cone

    K = {w >= 0 : (h 1' - G) w >= 0, (f 1' - E) w = 0},

and its vertices are the extreme rays of K scaled to sum 1. The extreme rays
are built by the double description method (Motzkin et al. 1953; Fukuda &
Prodon 1996, "Double description method revisited", LNCS 1120:91-111):
start from the orthant's rays e_1..e_m, then cut by one row a at a time.
Rays with a.r >= 0 stay; each pair of adjacent rays r+ (a.r+ > 0) and
r- (a.r- < 0) gives the new ray (a.r+) r- - (a.r-) r+ on the hyperplane;
rays with a.r < 0 go (for an equality row, those with a.r > 0 go too).
Adjacency is the combinatorial test: r+, r- are adjacent iff no other ray is
tight on every row on which both are tight (the zero sets are kept as
boolean matrices, and the test for all candidate pairs is one matrix
product).

Sizes: the work grows with the number of rays, which for m criteria and a
handful of statements stays in the tens to thousands (a full rank order has
m vertices; every interval at most doubles the count); it is meant for
m <= 20 with up to ~15 statements. Intermediate ray sets beyond
`MAX_VERTICES` raise ValueError rather than exhaust memory. Tests check it
against brute force (every basis of m active constraints) for small m.
Floating point with a zero tolerance of `ZERO_TOL` on unit-norm rows and
rays of unit sum.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

ZERO_TOL = 1e-10


MAX_VERTICES = 200_000
_PAIR_CELLS = 1 << 22
"""Pairs are tested in chunks of about this many (pair, ray) cells."""


def _quiet() -> np.errstate:
    """Some OpenBLAS builds raise spurious FP flags in float32 matmul (numpy#24067);
    these products count 0/1 entries and are exact."""
    return np.errstate(invalid="ignore", over="ignore")


def extreme_points(
    G: NDArray[np.float64],
    h: NDArray[np.float64],
    E: NDArray[np.float64],
    f: NDArray[np.float64],
    max_vertices: int = MAX_VERTICES,
) -> NDArray[np.float64]:
    """Vertices (K, m) of {w >= 0, sum w = 1, G w <= h, E w = f}, rows sorted lexicographically.

    Rows of G that are the bounds -w_i <= 0 are accepted (they are redundant
    with the starting orthant and cut nothing).
    """
    m = G.shape[1] if G.size else E.shape[1]
    rays = np.eye(m)
    zero = ~np.eye(m, dtype=bool)  # ray e_i is tight on every bound but its own
    cuts = [(row, False) for row in h[:, None] * np.ones((1, m)) - G]
    cuts += [(row, True) for row in f[:, None] * np.ones((1, m)) - E]
    for a, equality in cuts:
        norm = np.linalg.norm(a)
        if norm <= ZERO_TOL:
            continue
        rays, zero = _cut(rays, zero, a / norm, equality, max_vertices)
        if rays.shape[0] == 0:
            break
    return _canonical(rays)


def _cut(
    rays: NDArray[np.float64],
    zero: NDArray[np.bool_],
    a: NDArray[np.float64],
    equality: bool,
    max_vertices: int,
) -> tuple[NDArray[np.float64], NDArray[np.bool_]]:
    """One double-description step for a . w >= 0 (or = 0)."""
    val = rays @ a
    pos, neg = val > ZERO_TOL, val < -ZERO_TOL
    on = ~(pos | neg)
    ip, jn = _adjacent_pairs(zero, np.flatnonzero(pos), np.flatnonzero(neg), rays.shape[1])
    new = val[ip, None] * rays[jn] - val[jn, None] * rays[ip]
    new /= new.sum(axis=1, keepdims=True)
    new_zero = zero[ip] & zero[jn]
    keep = on if equality else on | pos
    rays = np.vstack([rays[keep], new])
    zero = np.vstack([zero[keep], new_zero])
    if rays.shape[0] > max_vertices:
        raise ValueError(f"more than {max_vertices} extreme points: too many for an exact enumeration")
    tight = np.concatenate([on[keep], np.ones(len(new), dtype=bool)])
    return rays, np.hstack([zero, tight[:, None]])


def _adjacent_pairs(
    zero: NDArray[np.bool_], pos: NDArray[np.int64], neg: NDArray[np.int64], m: int
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """(i, j) with i in pos, j in neg, adjacent by the combinatorial test.

    Pre-filter: the rows tight on a 2-face of a cone in R^m have rank m - 2, so
    adjacent rays share at least m - 2 tight rows.
    """
    if pos.size == 0 or neg.size == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    z = zero.astype(np.float32)  # counts below 2^24 are exact in float32
    with _quiet():
        ii, jj = np.nonzero(z[pos] @ z[neg].T >= m - 2)
    ip, jn = pos[ii], neg[jj]
    outside = (~zero).astype(np.float32).T  # (rows, rays)
    keep = np.zeros(ip.size, dtype=bool)
    chunk = max(1, _PAIR_CELLS // zero.shape[0])
    for start in range(0, ip.size, chunk):
        sl = slice(start, start + chunk)
        both = (zero[ip[sl]] & zero[jn[sl]]).astype(np.float32)
        # a ray tight wherever both are has no tight-for-both row outside its zero set
        with _quiet():
            supersets = np.count_nonzero(both @ outside == 0, axis=1)
        keep[sl] = supersets == 2  # only the pair itself
    return ip[keep], jn[keep]


def _canonical(rays: NDArray[np.float64]) -> NDArray[np.float64]:
    """Scale rays to sum 1, round off noise, drop duplicates, sort rows (on 9 decimals)."""
    if rays.shape[0] == 0:
        return rays
    w = rays / rays.sum(axis=1, keepdims=True)
    w[np.abs(w) < ZERO_TOL] = 0.0
    key = np.round(w, 9)
    _, first = np.unique(key, axis=0, return_index=True)
    w, key = w[np.sort(first)], key[np.sort(first)]
    return w[np.lexsort(key.T[::-1])]
