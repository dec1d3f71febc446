"""Robust Portfolio Modeling: non-dominated portfolios and core indices.

Liesio, Mild & Salo (2007), "Preference programming for robust portfolio modeling
and project selection", EJOR 181(3):1488-1505.

Inputs: each option's value increments per criterion as intervals v_low <= v_high
(n, m) (the case level subtracts the reference's values), the extreme points of the
weight set (K, m), and a `PortfolioProblem` whose costs, budgets and rules define
the feasible portfolios (its `benefit` is not used). The value of portfolio p is
V(p, w, v) = sum_{j in p} sum_i w_i v_ij. Portfolio p dominates q when
V(p, w, v) >= V(q, w, v) for every w in the weight set and every v in the ranges,
and > for some; with additive value this is checked at the extreme points, with
v_low on p \\ q and v_high on q \\ p (see `_dominance`). The non-dominated
portfolios are the feasible portfolios no feasible portfolio dominates; `_search`
enumerates them implicitly. Values within VALUE_RTOL of each other count as equal.

Core index of option j: CI_j = |{p non-dominated : j in p}| / |non-dominated|;
j is a core option when CI_j = 1 (in every non-dominated portfolio: fund it
whatever further information says), exterior when CI_j = 0, borderline otherwise.

Weight sets: `no_information_vertices(m)`, the unit vectors (any weights), and
`rank_order_vertices(groups)`, w_(1) >= w_(2) >= ... in the case's order with tied
criteria equal (the vertices whose centroid is the rank-order-centroid weights of
Barron & Barrett 1996, Mgmt. Sci. 42(11):1515-1523); any other polytope is passed as
its (K, m) vertex array.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from assess.kernels.portfolio import rules
from assess.kernels.portfolio._dominance import Relation, dominated
from assess.kernels.portfolio._search import dominators, search
from assess.kernels.portfolio.problem import VALUE_RTOL, PortfolioProblem

OptionClass = Literal["core", "borderline", "exterior"]


@dataclass(frozen=True, eq=False)
class RpmResult:
    portfolios: NDArray[np.bool_]
    """(P, n) the non-dominated portfolios, in lowest-indices-first order."""
    core_index: NDArray[np.float64]
    """(n,) share of the non-dominated portfolios that hold each option."""
    classes: tuple[OptionClass, ...]
    """Per option: "core" (CI = 1), "exterior" (CI = 0) or "borderline"."""


def no_information_vertices(m: int) -> NDArray[np.float64]:
    """(m, m) the extreme points of the whole weight simplex: the unit vectors."""
    if m < 1:
        raise ValueError("at least one criterion is needed")
    return np.eye(m)


def rank_order_vertices(groups: Sequence[Sequence[int]]) -> NDArray[np.float64]:
    """Extreme points of w_(1) >= w_(2) >= ..., groups of tied criteria best first.

    Vertex k spreads the weight evenly over the criteria of the first k groups:
    (1/c_k)(1, ..., 1, 0, ..., 0), c_k their number. Tied criteria stay equal.
    `groups` must partition 0..m-1.
    """
    flat = [int(i) for g in groups for i in g]
    m = len(flat)
    if m == 0 or sorted(flat) != list(range(m)) or any(len(g) == 0 for g in groups):
        raise ValueError("rank-order groups must partition the criteria 0..m-1, no group empty")
    out = np.zeros((len(groups), m))
    taken: list[int] = []
    for k, g in enumerate(groups):
        taken += [int(i) for i in g]
        out[k, taken] = 1.0 / len(taken)
    return out


def _check_inputs(v_low: ArrayLike, v_high: ArrayLike, vertices: ArrayLike, n: int):
    lo, hi, W = (np.asarray(a, dtype=float) for a in (v_low, v_high, vertices))
    if lo.ndim != 2 or lo.shape != hi.shape or lo.shape[0] != n:
        raise ValueError(f"v_low and v_high must both have shape ({n}, m)")
    if W.ndim != 2 or W.shape[1] != lo.shape[1] or len(W) == 0:
        raise ValueError(f"weight_vertices must have shape (K, {lo.shape[1]})")
    if not all(np.all(np.isfinite(a)) for a in (lo, hi, W)):
        raise ValueError("values and weight vertices must be finite")
    if np.any(lo > hi):
        raise ValueError("v_low must not exceed v_high")
    if np.any(W < 0):
        raise ValueError("weight vertices must be non-negative")
    return lo @ W.T, hi @ W.T


def robust_portfolios(
    v_low: ArrayLike, v_high: ArrayLike, weight_vertices: ArrayLike, problem: PortfolioProblem
) -> RpmResult:
    """The non-dominated portfolios, core indices and classes (module docstring)."""
    rules.check(problem)
    lo, hi = _check_inputs(v_low, v_high, weight_vertices, problem.n)
    tol = VALUE_RTOL * max(1.0, float(np.abs(hi).sum(axis=0).max()), float(np.abs(lo).sum(axis=0).max()))
    rel = Relation(lo, hi, tol)
    X = search(problem, rel, dominators(problem, lo))
    X = X[~dominated(X, rel)]
    if len(X) == 0:
        raise rules.infeasible(problem)
    X = X[np.lexsort(tuple(~X[:, j] for j in reversed(range(problem.n))))]
    core = X.mean(axis=0)
    classes = tuple("core" if c == 1 else "exterior" if c == 0 else "borderline" for c in core)
    return RpmResult(X, core, classes)  # type: ignore[arg-type]
