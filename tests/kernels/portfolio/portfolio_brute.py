"""Test oracles: every subset enumerated in NumPy, and random problems to feed them."""

from __future__ import annotations

import numpy as np

from assess.kernels.portfolio.problem import VALUE_RTOL, PortfolioProblem, all_portfolios


def feasible_portfolios(problem: PortfolioProblem) -> np.ndarray:
    X = all_portfolios(problem.n)
    return X[problem.feasible(X)]


def lowest_indices_first(X: np.ndarray) -> np.ndarray:
    """Row order: the portfolio holding the lowest index where two differ comes first."""
    return np.lexsort(tuple(~X[:, j] for j in reversed(range(X.shape[1]))))


def tie_rule(problem: PortfolioProblem, X: np.ndarray) -> np.ndarray:
    """Among rows X (already tied on benefit): cheapest, then fewest, then lowest indices."""
    u = X.astype(float) @ problem.shares.sum(axis=1)
    X = X[u <= u.min() + VALUE_RTOL * max(1.0, problem.shares.sum())]
    k = X.sum(axis=1)
    X = X[k == k.min()]
    return X[lowest_indices_first(X)[0]]


def brute_optimal(problem: PortfolioProblem, X: np.ndarray | None = None) -> np.ndarray | None:
    """The optimal portfolio by the documented tie rule, or None if none is feasible."""
    X = feasible_portfolios(problem) if X is None else X
    if len(X) == 0:
        return None
    b = X.astype(float) @ problem.benefit
    return tie_rule(problem, X[b >= b.max() - problem.tie_tol()])


def random_problem(
    rng: np.random.Generator, n: int, r: int = 1, *, integer: bool = False, rules: bool = True
) -> PortfolioProblem:
    """Mixed-sign benefits, some free options, budgets that bind, random rules."""
    if integer:
        benefit = rng.integers(-3, 8, n).astype(float)
        costs = rng.integers(0, 5, (n, r)).astype(float)
    else:
        benefit = rng.normal(1.0, 1.0, n)
        costs = rng.random((n, r)) * (rng.random((n, r)) > 0.1)
    budget = costs.sum(axis=0) * rng.uniform(0.2, 0.7, r) + 0.5
    if not rules:
        return PortfolioProblem(benefit, costs, budget)
    must = np.zeros(n, bool)
    must_not = np.zeros(n, bool)
    if n > 2 and rng.random() < 0.3:
        must[rng.integers(n)] = True
    if n > 2 and rng.random() < 0.3:
        must_not[rng.integers(n)] = True
    must_not &= ~must
    groups = tuple(
        rng.choice(n, size=min(n, rng.integers(2, 4)), replace=False)
        for _ in range(rng.integers(0, 3))
        if n >= 2
    )
    pairs = [rng.choice(n, size=2, replace=False) for _ in range(rng.integers(0, 4)) if n >= 2]
    requires = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    return PortfolioProblem(benefit, costs, budget, must, must_not, groups, requires)


def needs(problem: PortfolioProblem, X: np.ndarray) -> np.ndarray:
    return np.max((X.astype(float) @ problem.costs) / problem.budget, axis=1)


def brute_frontier(problem: PortfolioProblem, delta: float) -> list[np.ndarray]:
    """Frontier portfolios, cheapest first: the best at each level, then the least need."""
    X = all_portfolios(problem.n)
    X = X[problem.respects_rules(X)]
    need, b = needs(problem, X), X.astype(float) @ problem.benefit
    out, level = [], np.inf
    while True:
        ok = need <= level * (1 + 1e-12)
        if not ok.any():
            return out[::-1]
        tied = ok & (b >= b[ok].max() - problem.tie_tol())
        least = tied & (need <= need[tied].min() * (1 + 1e-12))
        out.append(tie_rule(problem, X[least]))
        level = need[tied].min() - delta
