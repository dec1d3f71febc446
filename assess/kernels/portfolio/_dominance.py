"""Dominance between portfolios under value intervals, weight vertices and cost ranges.

Liesio, Mild & Salo (2007), EJOR 181(3): with additive value and per-option
value intervals, portfolio p dominates q when, at every extreme point w_k of the
weight set,

    dlow_k(p, q)  = sum_{j in p \\ q} lo[j, k] - sum_{j in q \\ p} hi[j, k] >= 0,

and for some k  dhigh_k(p, q) = sum_{j in p \\ q} hi[j, k] - sum_{j in q \\ p} lo[j, k] > 0,

where lo[j, k] = w_k . v_low[j] and hi[j, k] = w_k . v_high[j]: p is at least as
good for every weight vector and every score in range, and better for some. With the
overlap I_k(p, q) = sum_{j in p & q} (hi - lo)[j, k] >= 0 this is dlow = L(p) - H(q) + I
and dhigh = H(p) - L(q) - I, where L = X @ lo and H = X @ hi: matrix products.

Stand-in: for pruning partial portfolios (`_search`), p replaces q only if it is no
dearer in any resource and no more bound by the rules that reach the undecided
options (rule features F(p) <= F(q)), so that every completion of q completes p.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

BLOCK = 2_000_000
"""Pairs screened per NumPy block."""


@dataclass(frozen=True, eq=False)
class Relation:
    lo: NDArray[np.float64]
    """(n, K) worst value of each option at each weight vertex."""
    hi: NDArray[np.float64]
    """(n, K) best value."""
    tol: float

    @property
    def width(self) -> NDArray[np.float64]:
        return self.hi - self.lo

    def test(self, dlow: NDArray, dhigh: NDArray) -> NDArray[np.bool_]:
        """Per row (pair): the dominance condition on (pairs, K) differences."""
        return (dlow.min(axis=-1) >= -self.tol) & (dhigh.max(axis=-1) > self.tol)


@dataclass(frozen=True, eq=False)
class StandIn:
    """p can replace q when cost[p] <= cost[q] and F[p] <= F[q] (module docstring)."""

    cost: NDArray[np.float64]
    """(S, r) cost shares of each partial portfolio."""
    F: NDArray[np.bool_]
    """(S, f) rule features."""


def dominated(X: NDArray[np.bool_], rel: Relation, stand_in: StandIn | None = None) -> NDArray[np.bool_]:
    """(S,) whether another row p of X dominates row q and can stand in for it.

    Pairs are screened by necessary conditions first: L(p) >= L(q) and H(p) >= H(q)
    (as 0 <= I <= min(W(p), W(q))), and the first resource's cost.
    Rows are sorted by sum(L + H), which a dominator cannot have much smaller, so only
    rows ahead of q are tried. The exact test, overlap included, runs on what is left.
    """
    S = len(X)
    out = np.zeros(S, dtype=bool)
    if S < 2:
        return out
    Xf = X.astype(float)
    L, H = Xf @ rel.lo, Xf @ rel.hi
    key = L.sum(axis=1) + H.sum(axis=1)
    order = np.argsort(-key, kind="stable")
    X, L, H, key = X[order], L[order], H[order], key[order]
    cost = None if stand_in is None else stand_in.cost[order]
    F = None if stand_in is None or stand_in.F.shape[1] == 0 else stand_in.F[order]
    slack = 2 * L.shape[1] * rel.tol
    step = max(1, BLOCK // (4 * S))
    for s in range(0, S, step):
        e = min(S, s + step)
        top = int(np.searchsorted(-key, -key[e - 1] + slack, side="right"))
        ok = L[None, :top, 0] >= L[s:e, None, 0] - rel.tol
        ok &= H[None, :top, 0] >= H[s:e, None, 0] - rel.tol
        if cost is not None:
            ok &= cost[None, :top, 0] <= cost[s:e, None, 0]
        ok[np.arange(e - s), np.arange(s, e)] = False
        q, p = np.nonzero(ok)
        q += s
        keep = np.all(L[p] >= L[q] - rel.tol, axis=1) & np.all(H[p] >= H[q] - rel.tol, axis=1)
        q, p = q[keep], p[keep]
        if cost is not None:
            keep = np.all(cost[p] <= cost[q], axis=1)
            if F is not None:
                keep &= ~np.any(F[p] & ~F[q], axis=1)
            q, p = q[keep], p[keep]
        if q.size:
            out[q[_value_test(X, L, H, p, q, rel)]] = True
    result = np.zeros(S, dtype=bool)
    result[order] = out
    return result


def _value_test(X, L, H, p, q, rel: Relation) -> NDArray[np.bool_]:
    dlow = L[p] - H[q]
    dhigh = H[p] - L[q]
    if np.any(rel.width):
        inter = (X[p] & X[q]).astype(float) @ rel.width
        dlow += inter
        dhigh -= inter
    return rel.test(dlow, dhigh)


def ruled_out(D: NDArray[np.bool_], X: NDArray[np.bool_], best: NDArray, rel: Relation) -> NDArray[np.bool_]:
    """(S,) whether some complete portfolio d of D beats every completion of state q:

    L(d) - H(q) + I(d, q) - UB(q) passes the value test, where `best` = H(q) + UB(q)
    and the later options' part of the overlap is dropped (it only helps d).
    """
    out = np.zeros(len(X), dtype=bool)
    if len(D) == 0 or len(X) == 0:
        return out
    LD = D.astype(float) @ rel.lo
    WD = D[:, :, None] * rel.width[None, :, :]
    exact = bool(np.any(WD))
    step = max(1, BLOCK // max(1, LD.size))
    for s in range(0, len(X), step):
        gap = LD[None, :, :] - best[s : s + step, None, :]
        if exact:
            gap += np.einsum("qn,dnk->qdk", X[s : s + step].astype(float), WD, optimize=True)
        out[s : s + step] = rel.test(gap, gap).any(axis=1)
    return out
