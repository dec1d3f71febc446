"""The value-for-money order, what it funds, and its shortfall against the optimum.

Unit cost of option j (one number with several resources): its cost as a share of
each budget, summed,

    u_j = sum_r costs[j, r] / budget[r]        (one resource: cost / budget),

and its value for money is b_j / u_j. The order lists first the free options
(u_j = 0) with b_j > 0, by benefit; then the other options with b_j > 0 by b_j / u_j;
last the options with b_j <= 0, by benefit, which the order never funds (they
add nothing). Equal keys keep index order.

Funding down the list ("bang for the buck", e.g. Phillips & Bana e Costa (2007),
Ann. Oper. Res. 154:51-68): the forced options are funded first; then each listed
option is funded, together with the options it requires (transitively) and that
are not funded yet, when all of them still fit every budget and no group already
holds another member. `cum_cost` / `cum_benefit` accumulate every option along the
list (the curve the budget line cuts); `funded` is what the order buys.

The order can fall short of `optimal`: `shortfall` = optimum - order >= 0, and
`crowded_out` says for each option of the optimum that the order missed which
order-funded options outside the optimum took its place (reason "budget": those
funded before its turn; "group": the member of its group, or of a group of an
option it requires, funded first; "required": an option of the optimum with
b_j <= 0, there only because another one requires it). No other reason can occur:
an option of the optimum is never blocked by must-not, and what it requires is in
the optimum too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from assess.kernels.portfolio import rules
from assess.kernels.portfolio.optimal import Solution, optimal
from assess.kernels.portfolio.problem import PortfolioProblem

Reason = Literal["budget", "group", "required"]


@dataclass(frozen=True)
class CrowdedOut:
    option: int
    """An option of the optimum that the order does not fund."""
    reason: Reason
    by: tuple[int, ...]
    """The order-funded options outside the optimum that took its place (empty for
    "required")."""


@dataclass(frozen=True, eq=False)
class OrderResult:
    order: NDArray[np.int64]
    """(n,) options, best value for money first."""
    unit_cost: NDArray[np.float64]
    """(n,) u_j = sum_r costs[j, r] / budget[r]."""
    ratio: NDArray[np.float64]
    """(n,) b_j / u_j (+inf for a free option with b_j > 0, nan for a free one with b_j <= 0)."""
    cum_cost: NDArray[np.float64]
    """(n, r) cost of the first k + 1 options of the order, all counted."""
    cum_benefit: NDArray[np.float64]
    """(n,) benefit of the first k + 1 options of the order, all counted."""
    funded: NDArray[np.bool_]
    """(n,) what the order funds within the budgets and rules."""
    benefit: float
    cost: NDArray[np.float64]
    optimum: Solution
    shortfall: float
    """optimum.benefit - benefit, >= 0."""
    displacing: tuple[int, ...]
    """Options the order funds that the optimum does not."""
    crowded_out: tuple[CrowdedOut, ...]


def order_key(problem: PortfolioProblem) -> tuple[NDArray[np.int64], NDArray[np.float64], NDArray]:
    """(order, unit_cost, ratio) as the module docstring defines them."""
    b, u = problem.benefit, problem.shares.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(u > 0, b / np.where(u > 0, u, 1.0), np.where(b > 0, np.inf, np.nan))
    tier = np.where(b <= 0, 2, np.where(u == 0, 0, 1))
    second = np.where(tier == 1, -np.nan_to_num(ratio), -b)
    return np.lexsort((np.arange(problem.n), second, tier)), u, ratio


def value_for_money(problem: PortfolioProblem) -> OrderResult:
    """Fund down the value-for-money order; compare with the optimum (module docstring)."""
    rules.check(problem)
    order, u, ratio = order_key(problem)
    best = optimal(problem)
    funded, skipped = _fund(problem, order, best.selected)
    cum_cost = np.cumsum(problem.costs[order], axis=0)
    cum_benefit = np.cumsum(problem.benefit[order])
    benefit = float(problem.benefit[funded].sum())
    missed = np.flatnonzero(best.selected & ~funded)
    crowded = tuple(skipped.get(int(j), CrowdedOut(int(j), "required", ())) for j in missed)
    displacing = tuple(int(j) for j in np.flatnonzero(funded & ~best.selected))
    return OrderResult(
        order,
        u,
        ratio,
        cum_cost,
        cum_benefit,
        funded,
        benefit,
        problem.costs[funded].sum(axis=0),
        best,
        max(0.0, best.benefit - benefit),
        displacing,
        crowded,
    )


def _fund(
    problem: PortfolioProblem, order: NDArray[np.int64], optimum: NDArray[np.bool_]
) -> tuple[NDArray[np.bool_], dict[int, CrowdedOut]]:
    """The order's portfolio, and why each option of the list was skipped."""
    n = problem.n
    funded, blocked = rules.forced(problem), rules.blocked(problem)
    skipped: dict[int, CrowdedOut] = {}
    for j in order.tolist():
        bundle = rules.closure(problem, np.eye(n, dtype=bool)[j]) & ~funded
        if funded[j] or problem.benefit[j] <= 0 or (bundle & blocked).any():
            continue
        rivals = _group_rivals(problem, funded, bundle)
        if rivals is not None:
            skipped[j] = CrowdedOut(j, "group", rivals)
        elif not problem.fits(problem.costs[funded | bundle].sum(axis=0)):
            by = tuple(int(i) for i in np.flatnonzero(funded & ~optimum))
            skipped[j] = CrowdedOut(j, "budget", by)
        else:
            funded |= bundle
    return funded, skipped


def _group_rivals(
    problem: PortfolioProblem, funded: NDArray[np.bool_], bundle: NDArray[np.bool_]
) -> tuple[int, ...] | None:
    """The funded options that share a group with the bundle, or None if no group is broken.

    (The bundle of an unblocked option never breaks a group by itself.)"""
    rivals: set[int] = set()
    broken = False
    for g in problem.groups:
        if bundle[g].any() and (funded[g] | bundle[g]).sum() > 1:
            broken = True
            rivals.update(int(i) for i in g[funded[g]])
    return tuple(sorted(rivals)) if broken else None
