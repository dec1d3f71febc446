"""A 0-1 model of a `PortfolioProblem` in HiGHS, built once and re-solved with new bounds.

Columns: x_j in {0, 1} for each option (forced options fixed at 1, blocked ones at
0), then one continuous column t >= 0, the budget level. Rows:

* budget:  sum_j (costs[j, r] / budget[r]) x_j - t <= 0        for each resource r
* groups:  sum_{j in g} x_j <= 1;   requires:  x_a - x_b <= 0
* floors on the benefit, the cost share and the count, open (+-inf) until a
  lexicographic step sets them: benefit.x >= L, u.x <= U, 1.x <= K, where
  u_j = sum_r costs[j, r] / budget[r].

HiGHS is imported here only, and only when a kernel first needs it. The raw
binding `_Highs` is used because `highspy.Highs()` prints its banner before any
option can silence it.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from assess.kernels.portfolio import rules
from assess.kernels.portfolio.problem import BUDGET_RTOL, PortfolioProblem

INF = float("inf")


def _new_highs() -> Any:
    import highspy

    core = getattr(highspy, "_core", None)
    h = core._Highs() if core is not None and hasattr(core, "_Highs") else highspy.Highs()
    for name, value in (
        ("output_flag", False),
        ("threads", 1),
        ("mip_rel_gap", 0.0),
        ("primal_feasibility_tolerance", 1e-9),
        ("mip_feasibility_tolerance", 1e-9),
        ("random_seed", 0),
        # A restart re-presolves after the root node: on these small programs it costs
        # more than it saves (the 3-resource frontier takes a third less time without).
        ("mip_allow_restart", False),
    ):
        h.setOptionValue(name, value)
    return h


class PortfolioMip:
    """One HiGHS model of the problem; `solve` optimises a linear objective over it."""

    def __init__(self, problem: PortfolioProblem, level: float = 1.0 + BUDGET_RTOL) -> None:
        import highspy

        self.problem, self.n = problem, problem.n
        self.tol = problem.tie_tol()
        self.u = problem.shares.sum(axis=1)
        self._hs = highspy
        self.h = h = _new_highs()
        h.setOptionValue("mip_abs_gap", self.tol / 10)
        lp = highspy.HighsLp()
        n, r = self.n, problem.r
        # Blocked at the largest level the model will see (the budget rows scale with t).
        widest = problem.with_budget(problem.budget * max(level, 1.0))
        lo, hi = rules.forced(problem).astype(float), 1.0 - rules.blocked(widest)
        if np.any(lo > hi):
            raise rules.infeasible(problem)
        lp.num_col_ = n + 1
        lp.col_cost_ = np.zeros(n + 1)
        lp.col_lower_ = np.append(lo, 0.0)
        lp.col_upper_ = np.append(hi, level)
        rows = [np.append(problem.shares[:, k], -1.0) for k in range(r)]
        upper = [0.0] * r
        for g in problem.groups:
            rows.append(np.bincount(g, minlength=n + 1).astype(float))
            upper.append(1.0)
        for a, b in problem.requires:
            row = np.zeros(n + 1)
            row[a], row[b] = 1.0, -1.0
            rows.append(row)
            upper.append(0.0)
        self.row_benefit, self.row_cost, self.row_count = len(rows), len(rows) + 1, len(rows) + 2
        rows += [np.append(problem.benefit, 0.0), np.append(self.u, 0.0), np.append(np.ones(n), 0.0)]
        upper += [INF, INF, INF]
        dense = np.array(rows)
        lp.num_row_ = len(rows)
        lp.row_lower_ = np.full(len(rows), -INF)
        lp.row_upper_ = np.array(upper)
        mat = lp.a_matrix_
        mat.format_ = highspy.MatrixFormat.kRowwise
        nz = dense != 0
        mat.start_ = np.concatenate([[0], np.cumsum(nz.sum(axis=1))]).astype(np.int32)
        mat.index_ = np.nonzero(nz)[1].astype(np.int32)
        mat.value_ = dense[nz]
        lp.integrality_ = [highspy.HighsVarType.kInteger] * n + [highspy.HighsVarType.kContinuous]
        h.passModel(lp)

    def set_level(self, level: float) -> None:
        """Budgets scaled by `level` (t <= level)."""
        self.h.changeColBounds(self.n, 0.0, level)

    def set_row(self, row: int, lower: float, upper: float) -> None:
        self.h.changeRowBounds(row, lower, upper)

    def solve(
        self, objective: NDArray[np.float64], maximize: bool, level_cost: float = 0.0
    ) -> NDArray[np.bool_] | None:
        """The rounded optimal x for `objective` (n,) (plus level_cost * t), or None if infeasible."""
        hs, h = self._hs, self.h
        h.changeObjectiveSense(hs.ObjSense.kMaximize if maximize else hs.ObjSense.kMinimize)
        cost = np.append(objective, level_cost)
        h.changeColsCost(self.n + 1, np.arange(self.n + 1, dtype=np.int32), cost)
        h.run()
        status = h.getModelStatus()
        if status == hs.HighsModelStatus.kInfeasible:
            return None
        if status != hs.HighsModelStatus.kOptimal:
            raise RuntimeError(f"HiGHS stopped without an optimum: {h.modelStatusToString(status)}")
        x = np.asarray(h.getSolution().col_value[: self.n]) > 0.5
        return x

    def add_nogood(self, x: NDArray[np.bool_]) -> None:
        """A row that excludes exactly the portfolio x: sum_{not x} x_j - sum_{x} x_j >= 1 - |x|."""
        coef = np.where(x, -1.0, 1.0)
        self.h.addRow(1.0 - x.sum(), INF, self.n, np.arange(self.n, dtype=np.int32), coef)

    def drop_last_row(self) -> None:
        self.h.deleteRows(1, np.array([self.h.getNumRow() - 1], dtype=np.int32))

    def fix(self, j: int, value: float) -> None:
        self.h.changeColBounds(j, value, value)

    def free(self, j: int, lower: float, upper: float) -> None:
        self.h.changeColBounds(j, lower, upper)

    def bounds(self, j: int) -> tuple[float, float]:
        lp = self.h.getLp()
        return float(lp.col_lower_[j]), float(lp.col_upper_[j])
