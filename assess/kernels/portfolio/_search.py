"""Implicit enumeration of portfolios with dominance pruning (the RPM algorithm).

The search decides the free options one at a time (forced options are in from the
start, blocked ones never), keeping the partial portfolios that fit the budgets and
the rules so far. Two prunings keep it small; both drop only portfolios whose every
completion is dominated (`_dominance`), so the result holds every non-dominated
feasible portfolio:

* by states (the dynamic-programming argument of Liesio, Mild & Salo 2007): p removes q when p
  dominates q, can stand in for q (no dearer; no more bound by the groups and
  requirements that reach the undecided options), since then p + c dominates
  q + c for every completion c;
* by bounds: a complete portfolio d removes q when, with c any set of later options
  that fits the remaining budget,
      dlow_k(d, q + c) >= L_k(d) - H_k(q) + I_k(d, q) - UB_k(q),   UB_k(q) >= max_c H_k(c),
  passes the dominance test; UB_k is the fractional-knapsack bound (Dantzig 1957) of
  the later options' positive hi[., k] in the remaining share of each budget, the
  least over the resources (the rules relaxed).

Options are decided by decreasing best value per budget share, so that the bounds
shrink fast. Liesio et al. compute the same set by dynamic programming over the
projects; Tervonen's R package rpm (github.com/tommite/rrpm) prunes by the same kind
of bound against a sample of efficient portfolios.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from assess.kernels.portfolio import rules
from assess.kernels.portfolio._dominance import Relation, StandIn, dominated, ruled_out
from assess.kernels.portfolio._highs import PortfolioMip
from assess.kernels.portfolio.problem import BUDGET_RTOL, PortfolioProblem

MIXTURES = 16
"""Random weight mixtures (besides the vertices and their mean) whose optima seed the bounds."""


def dominators(problem: PortfolioProblem, lo: NDArray) -> NDArray[np.bool_]:
    """Feasible portfolios of high worst-case value: the optima of lo @ lam (HiGHS), for lam
    each vertex, their mean and MIXTURES fixed random mixtures. Empty if none is feasible."""
    if rules.diagnose(problem) is not None:
        return np.zeros((0, problem.n), dtype=bool)
    K = lo.shape[1]
    rng = np.random.default_rng(0)
    lams = np.vstack([np.eye(K), np.full((1, K), 1.0 / K), rng.dirichlet(np.ones(K), MIXTURES)])
    mip = PortfolioMip(problem)
    found = [mip.solve(lo @ lam, maximize=True) for lam in lams]
    return np.unique(np.array([x for x in found if x is not None]), axis=0)


def _order(problem: PortfolioProblem, free: NDArray[np.int64], hi: NDArray) -> NDArray[np.int64]:
    u = problem.shares.sum(axis=1)[free]
    density = np.maximum(hi[free].max(axis=1), 0) / (u + 1e-12)
    return free[np.lexsort((free, -density))]


class _Bound:
    """UB_k(q) of the later options: fractional knapsack per vertex k and resource r."""

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


def _features(problem: PortfolioProblem, X: NDArray[np.bool_], decided: NDArray[np.bool_]) -> NDArray:
    """(S, f): p can stand in for q only if F(p) <= F(q) (every completion of q fits p).

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


def search(problem: PortfolioProblem, rel: Relation, dominators: NDArray[np.bool_]) -> NDArray[np.bool_]:
    """Every feasible portfolio that the prunings leave (a superset of the non-dominated)."""
    shares = problem.shares
    force, block = rules.forced(problem), rules.blocked(problem)
    free = _order(problem, np.flatnonzero(~force & ~block), rel.hi)
    X = force[None].copy()
    cost = shares[force].sum(axis=0)[None]
    decided = force | block
    for pos, j in enumerate(free.tolist()):
        X, cost = _decide(problem, X, cost, j, decided)
        decided[j] = True
        best = X.astype(float) @ rel.hi + _Bound(shares, rel.hi, free[pos + 1 :])(cost)
        keep = ~ruled_out(dominators, X, best, rel)
        X, cost = X[keep], cost[keep]
        if len(X) > 1:
            keep = ~dominated(X, rel, StandIn(cost, _features(problem, X, decided)))
            X, cost = X[keep], cost[keep]
    return X
