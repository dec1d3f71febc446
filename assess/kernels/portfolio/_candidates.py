"""The candidate portfolios of the Monte Carlo: all that can be optimal in some sample.

See `montecarlo` for the rule; this module turns the sample ranges into the strict
dominance relation of `_dominance` and runs `_search` with cost ranges.

Benefit bounds per option and weight vertex w_k (rows scaled to sum to one):
lo[j, k] = w_k . low_j - w_k . ref_high and hi[j, k] = w_k . high_j - w_k . ref_low
(the reference taken apart for each option: a relaxation, so still safe). A sample's
tie tolerance is VALUE_RTOL * max(1, sum_j |b_sj|) <= tol = VALUE_RTOL * max(1,
sum_j max_k max(|lo[j, k]|, |hi[j, k]|)), so beating q by more than tol at every
vertex beats it beyond every sample's tolerance.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike, NDArray

from assess.kernels.portfolio import rules
from assess.kernels.portfolio._dominance import Relation, StandIn, dominated
from assess.kernels.portfolio._search import dominators, search
from assess.kernels.portfolio.problem import BUDGET_RTOL, VALUE_RTOL, PortfolioProblem

if TYPE_CHECKING:
    from assess.kernels.portfolio.montecarlo import Draws


@dataclass(frozen=True, eq=False)
class Candidates:
    X: NDArray[np.bool_]
    """(P, n) in tie order: fewest options first, then the lowest indices."""
    Xf: NDArray[np.float64]
    u: NDArray[np.float64]
    """(P,) cost shares summed over resources, at the lowest costs."""
    share_sum: float
    """sum of every option's cost shares (the tie tolerance of the cost step)."""
    unsure: NDArray[np.int64]
    """Candidates that do not fit at the highest costs: checked per sample."""


def _vertices(weight_vertices: ArrayLike | None, m: int) -> NDArray[np.float64]:
    W = np.eye(m) if weight_vertices is None else np.asarray(weight_vertices, dtype=float)
    if W.ndim != 2 or W.shape[1] != m or len(W) == 0 or not np.all(np.isfinite(W)):
        raise ValueError(f"weight_vertices must have shape (K, {m})")
    if np.any(W < 0) or np.any(W.sum(axis=1) <= 0):
        raise ValueError("weight vertices must be non-negative and not all zero")
    return W / W.sum(axis=1, keepdims=True)


def candidates(problem: PortfolioProblem, draws: Draws, weight_vertices: ArrayLike | None) -> Candidates:
    W = _vertices(weight_vertices, draws.m)
    lo = draws.low @ W.T - W @ draws.ref_high
    hi = draws.high @ W.T - W @ draws.ref_low
    tol = VALUE_RTOL * max(1.0, float(np.maximum(np.abs(lo), np.abs(hi)).max(axis=1).sum()))
    rel = Relation(lo, hi, tol, strict=True)
    at_low = _with_costs(problem, draws.share_low)
    rules.check(at_low)
    low, high = draws.share_low, draws.share_high
    X = search(at_low, rel, dominators(_with_costs(problem, high), lo), high_shares=high)
    Xf = X.astype(float)
    X = X[~dominated(X, rel, StandIn(Xf @ high, Xf @ low, high - low))]
    Xf = X.astype(float)
    sure = np.all(Xf @ high <= 1.0 + BUDGET_RTOL, axis=1)
    only_sure = np.where(sure, 0.0, np.inf)[:, None]
    X = X[~dominated(X, rel, StandIn(only_sure, np.zeros((len(X), 1)), np.zeros((problem.n, 1))))]
    X = X[np.lexsort((*(~X[:, j] for j in reversed(range(problem.n))), X.sum(axis=1)))]
    Xf = X.astype(float)
    unsure = np.flatnonzero(~np.all(Xf @ high <= 1.0 + BUDGET_RTOL, axis=1))
    return Candidates(X, Xf, Xf @ low.sum(axis=1), float(low.sum()), unsure)


def _with_costs(problem: PortfolioProblem, shares: NDArray) -> PortfolioProblem:
    return PortfolioProblem(
        np.zeros(problem.n),
        shares * problem.budget,
        problem.budget,
        problem.must,
        problem.must_not,
        problem.groups,
        problem.requires,
    )
