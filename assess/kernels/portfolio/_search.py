"""Implicit enumeration of portfolios with dominance pruning (the RPM algorithm).

Dominance (Liesio, Mild & Salo 2007, Def. 2 and Thm. 1): with additive value and
per-option value intervals, portfolio p dominates q when, at every extreme point
w_k of the weight set,

    dlow_k(p, q)  = sum_{j in p \\ q} lo[j, k] - sum_{j in q \\ p} hi[j, k] >= 0,

and for some k  dhigh_k(p, q) = sum_{j in p \\ q} hi[j, k] - sum_{j in q \\ p} lo[j, k] > 0,

where lo[j, k] = w_k . v_low[j] and hi[j, k] = w_k . v_high[j]: p is at least as
good for every weight vector and every score in range, and better for some. With
I_k(p, q) = sum_{j in p & q} (hi - lo)[j, k] this is dlow = L(p) - H(q) + I and
dhigh = H(p) - L(q) - I, L = X @ lo and H = X @ hi: matrix products.

The search decides the options one at a time (forced options first, blocked ones
never), keeping the partial portfolios that fit the budgets and rules so far, and
drops a partial portfolio q when some complete feasible portfolio d dominates every
completion of it: with c any set of later options that fits the remaining budget,

    dlow_k(d, q | c) >= L_k(d) - H_k(q) - UB_k(q),   UB_k(q) >= max_c H_k(c),

UB_k the fractional-knapsack bound of the later options' positive hi[., k] in the
remaining share of each budget (the least over resources). The dominators d are the
optima of the worst-case values L @ lam for the vertices and a few mixtures lam, found
by HiGHS. What survives is filtered pairwise. Liesio et al. compute the same set by
dynamic programming over the projects with the same kind of bound.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from assess.kernels.portfolio import rules
from assess.kernels.portfolio.problem import BUDGET_RTOL, PortfolioProblem

BLOCK = 2_000_000
"""Pairwise comparisons evaluated per NumPy block (memory: BLOCK * K floats)."""


def dominates(
    XA: NDArray[np.bool_], XB: NDArray[np.bool_], lo: NDArray, hi: NDArray, tol: float
) -> NDArray[np.bool_]:
    """(|A|, |B|): whether portfolio A[i] dominates B[j] (module docstring); for tests."""
    A, B = XA.astype(float), XB.astype(float)
    inter = np.einsum("an,bn,nk->abk", A, B, hi - lo)
    dlow = (A @ lo)[:, None, :] - (B @ hi)[None, :, :] + inter
    dhigh = (A @ hi)[:, None, :] - (B @ lo)[None, :, :] - inter
    return (dlow.min(axis=2) >= -tol) & (dhigh.max(axis=2) > tol)


def non_dominated(X: NDArray[np.bool_], lo: NDArray, hi: NDArray, tol: float) -> NDArray[np.bool_]:
    """(P,) whether no row of X dominates row i."""
    return ~dominated(X, X.astype(float) @ lo, X.astype(float) @ hi, hi - lo, tol)


def dominated(
    X: NDArray[np.bool_],
    L: NDArray,
    H: NDArray,
    width: NDArray,
    tol: float,
    stand_in: NDArray | None = None,
    F: NDArray | None = None,
) -> NDArray[np.bool_]:
    """(S,) whether another row p of X dominates row q (exactly, overlap term included).

    With `stand_in` (S, r) costs and `F` (S, f) rule features, p must also satisfy
    stand_in[p] <= stand_in[q] and F[p] <= F[q]. Pairs are screened by the necessary
    conditions L(p) >= L(q), H(p) >= H(q) (since 0 <= I <= min(W(p), W(q))) and, rows
    sorted by sum(L + H), only rows ahead of q are tried; the sufficient test
    L(p) >= H(q) decides most pairs without the overlap term.
    """
    S = len(X)
    out = np.zeros(S, dtype=bool)
    if S < 2:
        return out
    order = np.argsort(-(L.sum(axis=1) + H.sum(axis=1)), kind="stable")
    X, L, H = X[order], L[order], H[order]
    stand_in = None if stand_in is None else stand_in[order]
    F = None if F is None or F.shape[1] == 0 else F[order]
    key = L.sum(axis=1) + H.sum(axis=1)
    slack = 2 * L.shape[1] * tol
    step = max(1, BLOCK // (4 * S))
    for s in range(0, S, step):
        e = min(S, s + step)
        top = int(np.searchsorted(-key, -key[e - 1] + slack, side="right"))
        # Two cheap screens on whole blocks, then every condition on the surviving pairs.
        ok = L[None, :top, 0] >= L[s:e, None, 0] - tol
        ok &= H[None, :top, 0] >= H[s:e, None, 0] - tol
        if stand_in is not None:
            ok &= stand_in[None, :top, 0] <= stand_in[s:e, None, 0]
        ok[np.arange(e - s), np.arange(s, e)] = False
        q, p = np.nonzero(ok)
        q += s
        keep = np.all(L[p] >= L[q] - tol, axis=1) & np.all(H[p] >= H[q] - tol, axis=1)
        if stand_in is not None:
            keep &= np.all(stand_in[p] <= stand_in[q], axis=1)
        if F is not None:
            keep &= ~np.any(F[p] & ~F[q], axis=1)
        q, p = q[keep], p[keep]
        if q.size == 0:
            continue
        dlow = L[p] - H[q]
        dhigh = H[p] - L[q]
        if np.any(width):
            inter = (X[p] & X[q]).astype(float) @ width
            dlow += inter
            dhigh -= inter
        hit = (dlow.min(axis=1) >= -tol) & (dhigh.max(axis=1) > tol)
        out[q[hit]] = True
    result = np.zeros(S, dtype=bool)
    result[order] = out
    return result


def _order(problem: PortfolioProblem, free: NDArray[np.int64], hi: NDArray) -> NDArray[np.int64]:
    """Free options by decreasing best value per unit budget share (so later bounds are small)."""
    u = problem.shares.sum(axis=1)[free]
    density = np.maximum(hi[free].max(axis=1), 0) / (u + 1e-12)
    return free[np.lexsort((free, -density))]


class _Bound:
    """UB_k(q): the later options' best positive hi[., k] within the remaining budget shares.

    Fractional knapsack (Dantzig 1957) per vertex k and resource r, the least over r;
    rules are ignored, so it is a valid upper bound.
    """

    def __init__(self, shares: NDArray, hi: NDArray, later: NDArray[np.int64]) -> None:
        self.K = hi.shape[1]
        self.curves: list[tuple[int, int, NDArray, NDArray]] = []
        for k in range(self.K):
            items = later[hi[later, k] > 0]
            value = hi[items, k]
            for r in range(shares.shape[1]):
                w = shares[items, r]
                free = w == 0
                v, w = value[~free], w[~free]
                order = np.argsort(-v / w, kind="stable")
                xs = np.concatenate([[0.0], np.cumsum(w[order])])
                ys = np.concatenate([[0.0], np.cumsum(v[order])]) + value[free].sum()
                self.curves.append((k, r, xs, ys))

    def __call__(self, cost: NDArray) -> NDArray:
        out = np.full((len(cost), self.K), np.inf)
        for k, r, xs, ys in self.curves:
            room = np.maximum(1.0 + BUDGET_RTOL - cost[:, r], 0.0)
            out[:, k] = np.minimum(out[:, k], np.interp(room, xs, ys))
        return out


def _decide(
    problem: PortfolioProblem, X: NDArray[np.bool_], cost: NDArray, j: int, decided: NDArray[np.bool_]
) -> tuple[NDArray[np.bool_], NDArray]:
    """The partial portfolios after deciding option j: without it and with it, where allowed."""
    req = problem.requires
    skip = np.ones(len(X), dtype=bool)
    for a in req[(req[:, 1] == j) & decided[req[:, 0]], 0]:
        skip &= ~X[:, a]
    add = np.all(cost + problem.shares[j] <= 1.0 + BUDGET_RTOL, axis=1)
    for b in req[(req[:, 0] == j) & decided[req[:, 1]], 1]:
        add &= X[:, b]
    for g in problem.groups:
        if np.any(g == j):
            add &= ~X[:, g].any(axis=1)
    Xa = X[add].copy()
    Xa[:, j] = True
    return np.concatenate([X[skip], Xa]), np.concatenate([cost[skip], cost[add] + problem.shares[j]])


def search(
    problem: PortfolioProblem, lo: NDArray, hi: NDArray, tol: float, dominators: NDArray[np.bool_]
) -> NDArray[np.bool_]:
    """Every feasible portfolio that no dominator rules out (a superset of the non-dominated)."""
    force, block = rules.forced(problem), rules.blocked(problem)
    free = _order(problem, np.flatnonzero(~force & ~block), hi)
    X = force[None].copy()
    cost = problem.shares[force].sum(axis=0)[None]
    decided = force | block
    D = dominators.astype(float)
    LD = D @ lo
    WD = D[:, :, None] * (hi - lo)[None, :, :]  # (d, n, K): the overlap I(d, q) = X_q @ WD[d]
    for pos, j in enumerate(free.tolist()):
        X, cost = _decide(problem, X, cost, j, decided)
        decided[j] = True
        if len(D) and len(X):
            best = X.astype(float) @ hi + _Bound(problem.shares, hi, free[pos + 1 :])(cost)
            out = _ruled_out(LD, WD, X, best, tol)
            X, cost = X[~out], cost[~out]
        if len(X) > 1:
            keep = ~_pruned_by_states(problem, X, cost, lo, hi, tol, decided)
            X, cost = X[keep], cost[keep]
    return X


def _features(problem: PortfolioProblem, X: NDArray[np.bool_], decided: NDArray[np.bool_]) -> NDArray:
    """(S, f) bool: p can stand in for q only if F(p) <= F(q) (every completion of q fits p).

    Columns: a group with undecided members is used; a decided a of (a, b) with b
    undecided is held (it forces b); a decided b of (a, b) with a undecided is not
    held (it forbids a).
    """
    cols = [X[:, g].any(axis=1) for g in problem.groups if not decided[g].all()]
    req = problem.requires
    for a in req[decided[req[:, 0]] & ~decided[req[:, 1]], 0]:
        cols.append(X[:, a])
    for b in req[~decided[req[:, 0]] & decided[req[:, 1]], 1]:
        cols.append(~X[:, b])
    return np.array(cols, dtype=bool).T if cols else np.zeros((len(X), 0), dtype=bool)


def _pruned_by_states(
    problem: PortfolioProblem,
    X: NDArray[np.bool_],
    cost: NDArray,
    lo: NDArray,
    hi: NDArray,
    tol: float,
    decided: NDArray[np.bool_],
) -> NDArray[np.bool_]:
    """(S,) whether another partial portfolio p, no dearer and no more bound by the rules,
    dominates q: then p + c dominates q + c for every completion c of q (Liesio et al.
    2007, Thm. 2), so q can go."""
    F = _features(problem, X, decided)
    Xf = X.astype(float)
    return dominated(X, Xf @ lo, Xf @ hi, hi - lo, tol, stand_in=cost, F=F)


def _ruled_out(
    LD: NDArray, WD: NDArray, X: NDArray[np.bool_], best: NDArray, tol: float
) -> NDArray[np.bool_]:
    """(S,) whether some dominator d beats every completion of state q at every vertex:
    L(d) - H(q) + I(d, q) - UB(q) >= 0 (and > 0 at some vertex)."""
    out = np.zeros(len(best), dtype=bool)
    exact = bool(np.any(WD))
    step = max(1, BLOCK // max(1, LD.size))
    for s in range(0, len(best), step):
        gap = LD[None, :, :] - best[s : s + step, None, :]
        if exact:
            gap += np.einsum("qn,dnk->qdk", X[s : s + step].astype(float), WD, optimize=True)
        out[s : s + step] = ((gap.min(axis=2) >= -tol) & (gap.max(axis=2) > tol)).any(axis=1)
    return out
