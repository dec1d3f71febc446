"""A small dense-matrix front end to the HiGHS LP solver (highspy).

One `LinearProgram` holds one model; `solve` changes only the objective (and
`set_rows` only row bounds), so HiGHS re-solves from the previous basis (warm
start), which is what makes the many small LPs of the preference kernels cheap.

highspy is imported here, lazily: only the commands that solve LPs pay its
import. `highspy._Highs` (exported in `highspy.__all__`) is used rather than
`highspy.Highs`: the latter prints a licence banner straight to file
descriptor 1 when it is created, which would corrupt a terminal UI.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

Status = Literal["optimal", "infeasible", "unbounded"]
INF = float("inf")
FEASIBILITY_TOL = 1e-9
"""HiGHS primal and dual feasibility tolerances (its default is 1e-7)."""


@dataclass(frozen=True, slots=True)
class Solution:
    status: Status
    value: float
    """Objective value; +inf / -inf for an unbounded min / max, NaN if infeasible."""
    x: NDArray[np.float64] | None


class LinearProgram:
    """min or max c . x  s.t.  row_lo <= A x <= row_hi,  col_lo <= x <= col_hi."""

    def __init__(
        self,
        A: ArrayLike,
        row_lo: ArrayLike,
        row_hi: ArrayLike,
        col_lo: ArrayLike,
        col_hi: ArrayLike,
    ) -> None:
        import highspy

        a = np.atleast_2d(np.asarray(A, dtype=float))
        self.n_rows, self.n_cols = a.shape
        self._highs = highspy._Highs()  # type: ignore[attr-defined]  # see the module docstring
        for name, value in (
            ("output_flag", False),
            ("threads", 1),
            ("primal_feasibility_tolerance", FEASIBILITY_TOL),
            ("dual_feasibility_tolerance", FEASIBILITY_TOL),
        ):
            self._highs.setOptionValue(name, value)
        lp = highspy.HighsLp()
        lp.num_col_, lp.num_row_ = self.n_cols, self.n_rows
        lp.col_cost_ = np.zeros(self.n_cols)
        lp.col_lower_ = _finite(col_lo, self.n_cols)
        lp.col_upper_ = _finite(col_hi, self.n_cols)
        lp.row_lower_ = _finite(row_lo, self.n_rows)
        lp.row_upper_ = _finite(row_hi, self.n_rows)
        rows, cols = np.nonzero(a.T)  # column-wise: rows of a.T are columns
        lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
        lp.a_matrix_.start_ = np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=self.n_cols))])
        lp.a_matrix_.index_ = cols.astype(np.int32)
        lp.a_matrix_.value_ = a.T[rows, cols]
        lp.a_matrix_.num_col_, lp.a_matrix_.num_row_ = self.n_cols, self.n_rows
        self._highs.passModel(lp)
        self._status = highspy.HighsModelStatus
        self._sense = highspy.ObjSense
        self._cols = np.arange(self.n_cols, dtype=np.int32)

    def set_rows(self, rows: ArrayLike, lo: ArrayLike, hi: ArrayLike) -> None:
        """Change the bounds of some rows (e.g. to switch a statement off: -inf..inf)."""
        idx = np.asarray(rows, dtype=np.int32)
        self._highs.changeRowsBounds(idx.size, idx, _finite(lo, idx.size), _finite(hi, idx.size))

    def solve(self, c: ArrayLike, maximize: bool = False) -> Solution:
        cost = np.asarray(c, dtype=float)
        self._highs.changeObjectiveSense(self._sense.kMaximize if maximize else self._sense.kMinimize)
        self._highs.changeColsCost(self.n_cols, self._cols, cost)
        self._highs.run()
        status = self._highs.getModelStatus()
        if status == self._status.kOptimal:
            x = np.array(self._highs.getSolution().col_value)
            return Solution("optimal", float(cost @ x), x)
        if status == self._status.kInfeasible:
            return Solution("infeasible", float("nan"), None)
        if status in (self._status.kUnbounded, self._status.kUnboundedOrInfeasible):
            return self._unbounded_or_infeasible(maximize)
        raise RuntimeError(f"HiGHS stopped with status {self._highs.modelStatusToString(status)}")

    def _unbounded_or_infeasible(self, maximize: bool) -> Solution:
        """Tell the two apart by solving the feasibility problem (zero objective)."""
        self._highs.changeColsCost(self.n_cols, self._cols, np.zeros(self.n_cols))
        self._highs.run()
        if self._highs.getModelStatus() != self._status.kOptimal:
            return Solution("infeasible", float("nan"), None)
        return Solution("unbounded", INF if maximize else -INF, None)


def _finite(values: ArrayLike, n: int) -> NDArray[np.float64]:
    """HiGHS takes +-inf as 'no bound' (its kHighsInf is inf)."""
    out = np.broadcast_to(np.asarray(values, dtype=float), (n,)).copy()
    if np.isnan(out).any():
        raise ValueError("LP bounds must not be NaN")
    return out
