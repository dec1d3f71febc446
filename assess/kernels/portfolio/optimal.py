"""The optimal portfolio: maximum total benefit within every budget and rule, exact.

    maximise  sum_j b_j x_j   subject to the budgets and rules of `PortfolioProblem`,
              x in {0, 1}^n,

solved as a 0-1 program by HiGHS (branch and cut, relative gap 0), not greedily and
not as an LP relaxation. Ties are broken deterministically, lexicographically:

1. the largest total benefit (totals within `PortfolioProblem.tie_tol` are equal);
2. then the cheapest: the smallest sum_j sum_r costs[j, r] / budget[r];
3. then the fewest options;
4. then the lowest indices: the portfolio that holds the lowest index where two
   tied portfolios differ.

Steps 2-4 only run when a second solve finds another portfolio of the same
benefit. Options with benefit <= 0 are therefore never funded unless a rule forces
them. Reference: Wolsey (1998), Integer Programming, ch. 1 (0-1 knapsack with side
constraints); HiGHS: Huangfu & Hall (2018), Math. Prog. Comp. 10:119-142.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from assess.kernels.portfolio import rules
from assess.kernels.portfolio._highs import INF, PortfolioMip
from assess.kernels.portfolio.problem import VALUE_RTOL, PortfolioProblem


@dataclass(frozen=True, eq=False)
class Solution:
    selected: NDArray[np.bool_]
    """(n,) the funded options."""
    benefit: float
    """Total benefit of the funded options."""
    cost: NDArray[np.float64]
    """(r,) total cost in each resource."""
    need: float
    """max_r cost[r] / budget[r]: the smallest multiple of the budgets that funds it."""


def solution(problem: PortfolioProblem, x: NDArray[np.bool_]) -> Solution:
    """The Solution record of portfolio x."""
    cost = problem.costs[x].sum(axis=0)
    need = float(np.max(cost / problem.budget))
    return Solution(x.copy(), float(problem.benefit[x].sum()), cost, need)


def optimal(problem: PortfolioProblem) -> Solution:
    """The optimal portfolio, ties broken as the module docstring says.

    Raises PortfolioInfeasible when no portfolio satisfies the budgets and rules.
    """
    rules.check(problem)
    mip = PortfolioMip(problem)
    x = mip.solve(problem.benefit, maximize=True)
    if x is None:
        raise rules.infeasible(problem)
    return solution(problem, best_of_ties(mip, x))


def best_of_ties(mip: PortfolioMip, x: NDArray[np.bool_]) -> NDArray[np.bool_]:
    """Among portfolios within tolerance of x's benefit, the one tie rules 2-4 choose.

    Leaves the model's floor rows open again afterwards.
    """
    benefit = float(mip.problem.benefit[x].sum())
    mip.set_row(mip.row_benefit, benefit - mip.tol, INF)
    try:
        return _tie_steps(mip, x)
    finally:
        for row in (mip.row_benefit, mip.row_cost, mip.row_count):
            mip.set_row(row, -INF, INF)


def _tie_steps(mip: PortfolioMip, x: NDArray[np.bool_]) -> NDArray[np.bool_]:
    if _unique(mip, x):
        return x
    x = _must(mip.solve(mip.u, maximize=False))
    cost_tol = VALUE_RTOL * max(1.0, float(mip.u.sum()))
    mip.set_row(mip.row_cost, -INF, float(mip.u[x].sum()) + cost_tol)
    x = _must(mip.solve(np.ones(mip.n), maximize=False))
    mip.set_row(mip.row_count, -INF, x.sum() + 0.5)
    if _unique(mip, x):
        return x
    return _lowest_indices(mip)


def _must(x: NDArray[np.bool_] | None) -> NDArray[np.bool_]:
    if x is None:  # the tie class held a portfolio a moment ago
        raise RuntimeError("HiGHS lost a feasible portfolio between two solves")
    return x


def _unique(mip: PortfolioMip, x: NDArray[np.bool_]) -> bool:
    mip.add_nogood(x)
    try:
        return mip.solve(np.zeros(mip.n), maximize=True) is None
    finally:
        mip.drop_last_row()


def _lowest_indices(mip: PortfolioMip) -> NDArray[np.bool_]:
    """Fix x_0, x_1, ... to 1 whenever the tie class still holds a portfolio."""
    saved = [mip.bounds(j) for j in range(mip.n)]
    try:
        x = None
        for j, (lo, hi) in enumerate(saved):
            if lo == hi:
                continue
            mip.fix(j, 1.0)
            y = mip.solve(np.zeros(mip.n), maximize=True)
            if y is None:
                mip.fix(j, 0.0)
            else:
                x = y
        return _must(x if x is not None else mip.solve(np.zeros(mip.n), maximize=True))
    finally:
        for j, (lo, hi) in enumerate(saved):
            mip.free(j, lo, hi)
