"""The efficient frontier: the best portfolio at every budget level, exact.

A portfolio's need is the smallest multiple of the budgets that funds it,

    need(x) = max_r  sum_j costs[j, r] x_j / budget[r]      (one resource: cost / budget).

The frontier is every rule-respecting portfolio that no other beats on (need,
benefit): none needs less and brings as much, or needs as little and brings more.
Equivalently it is the optimum at every budget level t * budget, t >= 0, taken
where each step of B(t) = max {benefit(x) : need(x) <= t, rules} begins. It runs from
the best portfolio at the smallest level any rule-respecting portfolio needs (the
empty one, or the free options, or the forced ones) up to the best portfolio at any
budget.

Algorithm (epsilon-constraint, Haimes, Lasdon & Wismer (1971), IEEE SMC 1:296-297;
for knapsacks see Ehrgott (2005), Multicriteria Optimization, ch. 4): from the top,
x_k = argmax benefit subject to need <= t_k, ties broken by the rule of `optimal`
among the portfolios of that benefit needing no more than x_k; the next level is
t_{k+1} = need(x_k) - delta. When the next level still reaches the same benefit, that
portfolio replaces x_k: the step of B(t) starts at the least need. Each step is a 0-1
program solved exactly by HiGHS (usually one per point: see `_settle`), so the frontier
is exact up to `NEED_RTOL`: needs closer than NEED_RTOL * max(1, total need) count as
one level. Points come cheapest first.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from assess.kernels.portfolio import rules
from assess.kernels.portfolio._highs import PortfolioMip
from assess.kernels.portfolio.optimal import best_of_ties
from assess.kernels.portfolio.problem import PortfolioProblem

NEED_RTOL = 1e-6
"""Needs closer than this (relative to the need of all options together) are one level.
(Steps of 1e-8 let HiGHS's presolve drop the optimum at the next level in tests.)"""


@dataclass(frozen=True, eq=False)
class FrontierPoint:
    need: float
    """max_r cost[r] / budget[r] of the portfolio."""
    cost: NDArray[np.float64]
    """(r,) its cost in each resource."""
    benefit: float
    selected: NDArray[np.bool_]
    """(n,) its options."""


def frontier(problem: PortfolioProblem) -> list[FrontierPoint]:
    """Every frontier point, by increasing need (and so increasing benefit)."""
    top = float(problem.shares.sum(axis=0).max())
    delta = NEED_RTOL * max(1.0, top)
    level = top + 1.0  # every portfolio fits: only the rules bind
    rules.check(problem.with_budget(problem.budget * level))
    mip = PortfolioMip(problem, level=level)
    x = mip.solve(problem.benefit, maximize=True)
    points: list[FrontierPoint] = []
    while x is not None:
        x, below = _settle(mip, problem, x, delta)
        point = _point(problem, x)
        if points and point.need > points[-1].need - delta / 2:
            raise RuntimeError("HiGHS returned a portfolio above the budget level it was given")
        if points and point.benefit >= points[-1].benefit - mip.tol:
            points[-1] = point  # the same benefit for less: the step starts lower
        else:
            points.append(point)
        x = below
    if not points:
        raise rules.infeasible(problem)
    return points[::-1]


def _settle(
    mip: PortfolioMip, problem: PortfolioProblem, x: NDArray[np.bool_], delta: float
) -> tuple[NDArray[np.bool_], NDArray[np.bool_] | None]:
    """x, an optimum at some level, replaced by the tie rule's choice among the portfolios
    of its benefit that need no more than it does; and the optimum at the next level down,
    need(x) - delta (None when no portfolio fits there).

    One solve answers both in the common case: y, the best portfolio other than x at
    level need(x). If y is not tied with x, x is the only portfolio of its benefit (the
    uniqueness check of `best_of_ties`), and when y needs at most need(x) - delta it is the
    optimum at that level too (that level's portfolios are a subset of those y was chosen
    from). Otherwise the tie rule runs in full, or the next level is solved on its own."""
    need = _need(problem, x)
    mip.set_level(need * (1 + 1e-12))
    mip.add_nogood(x)
    try:
        y = mip.solve(problem.benefit, maximize=True)
    finally:
        mip.drop_last_row()
    benefit = float(problem.benefit[x].sum())
    # 1.5 tol: HiGHS stops within tol / 10 of the best y, so a tie is never missed
    if y is not None and float(problem.benefit[y].sum()) >= benefit - 1.5 * mip.tol:
        x = best_of_ties(mip, x)
        need = _need(problem, x)
    elif y is not None and _need(problem, y) <= need - delta:
        return x, y
    if need - delta < 0:
        return x, None
    mip.set_level(need - delta)
    return x, mip.solve(problem.benefit, maximize=True)


def _need(problem: PortfolioProblem, x: NDArray[np.bool_]) -> float:
    return float(np.max(problem.costs[x].sum(axis=0) / problem.budget))


def _point(problem: PortfolioProblem, x: NDArray[np.bool_]) -> FrontierPoint:
    cost = problem.costs[x].sum(axis=0)
    return FrontierPoint(_need(problem, x), cost, float(problem.benefit[x].sum()), x)


def best_benefit(points: list[FrontierPoint], levels: ArrayLike) -> NDArray[np.float64]:
    """The best benefit at each budget level t (budgets scaled by t); nan below the first point."""
    needs = np.array([p.need for p in points])
    benefits = np.array([p.benefit for p in points])
    t = np.asarray(levels, dtype=float)
    k = np.searchsorted(needs, t * (1 + 1e-12), side="right") - 1
    return np.where(k >= 0, benefits[np.maximum(k, 0)], np.nan)
