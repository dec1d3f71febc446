"""The portfolio problem: benefits, costs in several resources, budgets and rules.

An option j is funded (x_j = 1) or not (x_j = 0). A portfolio x is feasible when

* sum_j costs[j, r] x_j <= budget[r] for every resource r (within `BUDGET_RTOL`),
* x_j = 1 for every `must` option and x_j = 0 for every `must_not` option,
* sum_{j in g} x_j <= 1 for every group g (variants of one area: at most one),
* x_a <= x_b for every row (a, b) of `requires` ("a is funded only with b").

Its benefit is sum_j benefit[j] x_j. An option with benefit <= 0 only lowers (or
keeps) the total, so the kernels never fund it unless a rule forces it (`must`, or
required by a funded option); among portfolios of equal benefit the tie rules of
each kernel prefer the cheaper and smaller ones, so a zero-benefit option is left
out too. Options are indices 0..n-1 and resources 0..r-1; the case level maps ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike, NDArray

BUDGET_RTOL = 1e-9
"""A portfolio fits when its cost is at most budget * (1 + BUDGET_RTOL)."""

VALUE_RTOL = 1e-9
"""Benefits closer than this (relative to the largest possible total) are tied."""

MAX_ENUMERATED = 22
"""`all_portfolios` refuses more options than this (2^22 rows)."""


class PortfolioInfeasible(ValueError):
    """The budgets and rules admit no portfolio at all."""


def _as_index_array(values: ArrayLike, n: int, what: str) -> NDArray[np.int64]:
    arr = np.asarray(values)
    if arr.size and not np.issubdtype(arr.dtype, np.integer):
        raise ValueError(f"{what} must hold option indices (integers)")
    arr = arr.astype(np.int64)
    if arr.size and (arr.min() < 0 or arr.max() >= n):
        raise ValueError(f"{what}: option index out of range 0..{n - 1}")
    return arr


def _as_mask(values: ArrayLike | None, n: int, what: str) -> NDArray[np.bool_]:
    if values is None:
        return np.zeros(n, dtype=bool)
    arr = np.asarray(values)
    if arr.dtype != bool:
        raise ValueError(f"{what} must be a boolean mask of the {n} options")
    if arr.shape != (n,):
        raise ValueError(f"{what} must have shape ({n},), not {arr.shape}")
    return arr.copy()


def _frozen(arr: NDArray) -> NDArray:
    arr.setflags(write=False)
    return arr


@dataclass(frozen=True, eq=False)
class PortfolioProblem:
    """Arrays of one portfolio problem, validated and read-only (see the module docstring)."""

    benefit: NDArray[np.float64]
    """(n,) benefit of each option (its value minus the reference's, if any)."""
    costs: NDArray[np.float64]
    """(n, r) cost of each option in each resource, >= 0."""
    budget: NDArray[np.float64]
    """(r,) budget of each resource, > 0."""
    must: NDArray[np.bool_] = field(default=None)  # type: ignore[arg-type]
    """(n,) options that must be funded."""
    must_not: NDArray[np.bool_] = field(default=None)  # type: ignore[arg-type]
    """(n,) options that must not be funded."""
    groups: tuple[NDArray[np.int64], ...] = ()
    """Index arrays; at most one option of each is funded."""
    requires: NDArray[np.int64] = field(default=None)  # type: ignore[arg-type]
    """(k, 2); row (a, b): a is funded only with b."""

    def __post_init__(self) -> None:
        benefit = np.array(self.benefit, dtype=float)
        if benefit.ndim != 1 or benefit.size == 0:
            raise ValueError("benefit must be a non-empty vector, one entry per option")
        n = benefit.size
        costs = np.array(self.costs, dtype=float)
        if costs.ndim == 1:
            costs = costs[:, None]
        budget = np.atleast_1d(np.array(self.budget, dtype=float))
        if budget.ndim != 1 or costs.shape != (n, budget.size):
            raise ValueError(f"costs must have shape ({n}, r) with r = len(budget), not {costs.shape}")
        for name, arr in (("benefit", benefit), ("costs", costs), ("budget", budget)):
            if not np.all(np.isfinite(arr)):
                raise ValueError(f"{name} must be finite")
        if np.any(costs < 0):
            raise ValueError("costs must be >= 0")
        if np.any(budget <= 0):
            raise ValueError("every budget must be > 0")
        set_ = lambda name, value: object.__setattr__(self, name, _frozen(value))  # noqa: E731
        set_("benefit", benefit)
        set_("costs", costs)
        set_("budget", budget)
        set_("must", _as_mask(self.must, n, "must"))
        set_("must_not", _as_mask(self.must_not, n, "must_not"))
        object.__setattr__(self, "groups", self._check_groups(n))
        set_("requires", self._check_requires(n))

    def _check_groups(self, n: int) -> tuple[NDArray[np.int64], ...]:
        groups = []
        for i, g in enumerate(self.groups):
            arr = _as_index_array(g, n, f"group {i}").ravel()
            if np.unique(arr).size != arr.size:
                raise ValueError(f"group {i} lists an option twice")
            groups.append(_frozen(arr))
        return tuple(groups)

    def _check_requires(self, n: int) -> NDArray[np.int64]:
        if self.requires is None or np.size(self.requires) == 0:
            return np.zeros((0, 2), dtype=np.int64)
        req = _as_index_array(self.requires, n, "requires")
        if req.ndim != 2 or req.shape[1] != 2:
            raise ValueError("requires must have shape (k, 2): rows (a, b), a is funded only with b")
        if np.any(req[:, 0] == req[:, 1]):
            raise ValueError("requires: an option cannot require itself")
        return req

    @property
    def n(self) -> int:
        return int(self.benefit.size)

    @property
    def r(self) -> int:
        return int(self.budget.size)

    @property
    def shares(self) -> NDArray[np.float64]:
        """(n, r) costs as shares of the budgets, costs[j, r] / budget[r]."""
        return self.costs / self.budget

    def with_benefit(self, benefit: ArrayLike) -> PortfolioProblem:
        """The same costs, budgets and rules with other benefits."""
        return PortfolioProblem(
            np.asarray(benefit, dtype=float),
            self.costs,
            self.budget,
            self.must,
            self.must_not,
            self.groups,
            self.requires,
        )

    def with_budget(self, budget: ArrayLike) -> PortfolioProblem:
        """The same options and rules with other budgets."""
        return PortfolioProblem(
            self.benefit,
            self.costs,
            np.asarray(budget, dtype=float),
            self.must,
            self.must_not,
            self.groups,
            self.requires,
        )

    def fits(self, cost: ArrayLike) -> NDArray[np.bool_]:
        """Whether costs (..., r) fit every budget, within BUDGET_RTOL."""
        return np.asarray(np.all(np.asarray(cost) <= self.budget * (1 + BUDGET_RTOL), axis=-1))

    def respects_rules(self, X: ArrayLike) -> NDArray[np.bool_]:
        """Whether each row of a (P, n) bool matrix obeys must, must-not, groups and requires."""
        X = np.asarray(X, dtype=bool)
        ok = X[:, self.must].all(axis=1) & ~X[:, self.must_not].any(axis=1)
        for g in self.groups:
            ok &= X[:, g].sum(axis=1) <= 1
        if len(self.requires):
            ok &= ~(X[:, self.requires[:, 0]] & ~X[:, self.requires[:, 1]]).any(axis=1)
        return np.asarray(ok)

    def feasible(self, X: ArrayLike) -> NDArray[np.bool_]:
        """Whether each row of a (P, n) bool matrix fits the budgets and obeys the rules."""
        X = np.asarray(X, dtype=bool)
        if X.ndim != 2 or X.shape[1] != self.n:
            raise ValueError(f"portfolios must be a (P, {self.n}) boolean matrix")
        return self.fits(X.astype(float) @ self.costs) & self.respects_rules(X)

    def tie_tol(self) -> float:
        """Absolute tolerance under which two total benefits count as equal."""
        return VALUE_RTOL * max(1.0, float(np.abs(self.benefit).sum()))


def all_portfolios(n: int) -> NDArray[np.bool_]:
    """(2^n, n) every subset of n options; row i holds the options of the bits of i."""
    if not 0 <= n <= MAX_ENUMERATED:
        raise ValueError(f"enumerating 2^{n} portfolios is refused (at most {MAX_ENUMERATED} options)")
    return ((np.arange(2**n)[:, None] >> np.arange(n)) & 1).astype(bool)
