"""What the rules imply before any search: forced and blocked options, and conflicts.

* forced: the `must` options and, transitively, every option they require
  (a requires b, a forced => b forced).
* blocked: options no feasible portfolio can hold: `must_not` options, options
  that (transitively) require a blocked one, options whose requirement closure
  breaks a group or, beside the forced options, a budget.

`diagnose` names the rules that conflict when the forced options alone break a
rule. It is exact: every rule is a conjunction (no "one of"), so when the forced
set obeys must-not, the groups and the budgets it is itself a feasible portfolio.
The kernels raise `PortfolioInfeasible` with its sentence.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from assess.kernels.portfolio.problem import PortfolioInfeasible, PortfolioProblem


def closure(problem: PortfolioProblem, start: NDArray[np.bool_]) -> NDArray[np.bool_]:
    """The options in `start` and everything they require, transitively (cycles are fine)."""
    out = start.copy()
    req = problem.requires
    while len(req):
        add = req[out[req[:, 0]] & ~out[req[:, 1]], 1]
        if add.size == 0:
            return out
        out[add] = True
    return out


def forced(problem: PortfolioProblem) -> NDArray[np.bool_]:
    """(n,) options every feasible portfolio holds."""
    return closure(problem, problem.must)


def blocked(problem: PortfolioProblem) -> NDArray[np.bool_]:
    """(n,) options no feasible portfolio holds (see the module docstring).

    Exact for the same reason as `diagnose`: option j is in some feasible portfolio
    iff the closure of {j} and the must options is itself feasible.
    """
    n = problem.n
    eye = np.eye(n, dtype=bool)
    sets = np.array([closure(problem, eye[j] | problem.must) for j in range(n)])
    return ~problem.feasible(sets)


def _chain(problem: PortfolioProblem, start: int, target: int) -> list[int]:
    """A requirement path start -> ... -> target (breadth first)."""
    prev = {start: start}
    frontier = [start]
    while frontier and target not in prev:
        nxt = []
        for a in frontier:
            for b in problem.requires[problem.requires[:, 0] == a, 1].tolist():
                if b not in prev:
                    prev[b] = a
                    nxt.append(b)
        frontier = nxt
    path = [target]
    while path[-1] != start:
        path.append(prev[path[-1]])
    return path[::-1]


def diagnose(problem: PortfolioProblem) -> str | None:
    """A sentence naming conflicting rules among the forced options, or None."""
    both = np.flatnonzero(problem.must & problem.must_not)
    if both.size:
        return f"option {both[0]} is both a must and a must-not"
    force = forced(problem)
    for j in np.flatnonzero(force & problem.must_not):
        root = next(
            int(m)
            for m in np.flatnonzero(problem.must)
            if closure(problem, np.eye(problem.n, dtype=bool)[m])[j]
        )
        path = " requires ".join(str(i) for i in _chain(problem, root, int(j)))
        return f"must option {root} cannot be funded: {path}, a must-not"
    for i, g in enumerate(problem.groups):
        held = g[force[g]]
        if held.size > 1:
            return f"options {held[0]} and {held[1]} are both forced but group {i} allows one"
    cost = problem.costs[force].sum(axis=0)
    over = np.flatnonzero(~(cost <= problem.budget * (1 + 1e-9)))
    if over.size:
        r = int(over[0])
        return (
            f"the forced options {np.flatnonzero(force).tolist()} cost {cost[r]:g} "
            f"in resource {r}, over its budget {problem.budget[r]:g}"
        )
    return None


def infeasible(problem: PortfolioProblem) -> PortfolioInfeasible:
    """The exception to raise when a search finds no feasible portfolio."""
    why = diagnose(problem)
    return PortfolioInfeasible(why or "no portfolio satisfies every budget, group and requirement")


def check(problem: PortfolioProblem) -> None:
    """Raise PortfolioInfeasible at once when the forced options already break a rule."""
    if diagnose(problem) is not None:
        raise infeasible(problem)
