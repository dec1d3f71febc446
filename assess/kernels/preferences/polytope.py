"""The polytope of weight vectors that a list of statements allows.

P = {w in R^m : w >= 0, sum w = 1, A w <= b, E w = f}, with (A, b, E, f) the
rows of the statements (`statements.statement_rows`); with no statements P is
the simplex. Everything here is exact up to the LP tolerances (HiGHS, 1e-9):

* `is_feasible`: one LP; `require_feasible()` raises `InfeasibleStatements`
  naming the conflicting statements.
* `interior_point()`: the Chebyshev centre of P inside its own affine hull
  (`hull.affine_hull`), a point of the relative interior; `dimension`.
* `minimize(c)` / `maximize(c)`: an LP over P on one warm-started model.
* `bounds()`: min and max of each w_i over P, 2m LPs on one warm-started model.
* `ratio_bounds(i, j)`: min and max of w_i / w_j over P with w_j > 0, a
  linear-fractional program made linear by the Charnes-Cooper transformation
  (Charnes & Cooper 1962, Naval Research Logistics Quarterly 9:181-186):
  with y = w / w_j and t = 1 / w_j, optimise y_i s.t. A y <= b t, E y = f t,
  sum y = t, y_j = 1, y, t >= 0. The maximum is inf when w_j can reach 0
  with w_i > 0; both are NaN when w_j = 0 on all of P.
* `violated_by(w)`: the statements a point-weight vector breaks.
* `implies(s)`: every w in P satisfies statement s (P lies inside its
  half-spaces): for each of its rows a . w <= b, max over P of a . w <= b;
  for each equality a . w = f, min and max over P of a . w are f. One LP per
  row (two per equality), on P's warm-started model: the LP test of an
  implied constraint (Telgen 1983, Management Science 29(10):1209-1222).
* `minimal_conflict()`: for an empty P, the statements that conflict
  (`conflicts.minimal_conflict`).
* `vertices()`: the extreme points (`vertices.extreme_points`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

import numpy as np
from numpy.typing import ArrayLike, NDArray

from assess.kernels.preferences._lp import LinearProgram
from assess.kernels.preferences.conflicts import Conflict, minimal_conflict
from assess.kernels.preferences.hull import Hull, affine_hull
from assess.kernels.preferences.statements import Statement, statement_rows
from assess.kernels.preferences.vertices import MAX_VERTICES, extreme_points

VIOLATION_TOL = 1e-9
"""A point breaks a row when it exceeds it by more than this (normalised weights)."""
IMPLIED_TOL = 1e-8
"""P implies a row when its largest excess over P is at most this (LP optima are
accurate to the solver's 1e-9 feasibility tolerance)."""


class InfeasibleStatements(ValueError):
    """No weight vector satisfies all the statements; `conflict` says which clash."""

    def __init__(self, conflict: Conflict) -> None:
        self.conflict = conflict
        kind = "smallest" if conflict.smallest else "an irreducible (not proven smallest)"
        super().__init__(
            f"the weight statements admit no weights; {kind} conflicting set: statements "
            + ", ".join(str(s) for s in conflict.statements)
        )


class WeightPolytope:
    """Weights allowed by `statements` on m criteria (see the module docstring)."""

    def __init__(self, m: int, statements: Sequence[Statement] = ()) -> None:
        if isinstance(m, bool) or not isinstance(m, int | np.integer) or m < 1:
            raise ValueError(f"the number of criteria must be a positive integer, not {m!r}")
        self.m = int(m)
        self.statements: tuple[Statement, ...] = tuple(statements)
        self.rows = statement_rows(self.m, self.statements)
        self._ratio_lps: dict[int, LinearProgram] = {}
        self._vertex_cache: NDArray[np.float64] | None = None

    # --- the inequality system with the simplex: G w <= h (statement rows, then -w <= 0), E w = f
    @cached_property
    def G(self) -> NDArray[np.float64]:
        return np.vstack([self.rows.A, -np.eye(self.m)])

    @cached_property
    def h(self) -> NDArray[np.float64]:
        return np.concatenate([self.rows.b, np.zeros(self.m)])

    @cached_property
    def E(self) -> NDArray[np.float64]:
        return np.vstack([np.ones((1, self.m)), self.rows.E])

    @cached_property
    def f(self) -> NDArray[np.float64]:
        return np.concatenate([[1.0], self.rows.f])

    @cached_property
    def _lp(self) -> LinearProgram:
        A = np.vstack([self.rows.A, self.E])
        lo = np.concatenate([np.full(self.rows.A.shape[0], -np.inf), self.f])
        hi = np.concatenate([self.rows.b, self.f])
        return LinearProgram(A, lo, hi, 0.0, np.inf)

    @cached_property
    def is_feasible(self) -> bool:
        return self._lp.solve(np.zeros(self.m)).status == "optimal"

    def require_feasible(self) -> None:
        """Raise `InfeasibleStatements` (naming the conflict) if P is empty."""
        if not self.is_feasible:
            conflict = self.minimal_conflict()
            assert conflict is not None
            raise InfeasibleStatements(conflict)

    @cached_property
    def hull(self) -> Hull:
        self.require_feasible()
        return affine_hull(self.G, self.h, self.E, self.f)

    @property
    def dimension(self) -> int:
        """Dimension of P: m - 1 for the simplex, less with ties or exact weights."""
        return self.hull.dimension

    def interior_point(self) -> NDArray[np.float64]:
        """The Chebyshev centre of P in its affine hull (m,)."""
        return np.clip(self.hull.point(self.hull.centre), 0.0, None)

    def minimize(self, c: ArrayLike) -> tuple[float, NDArray[np.float64]]:
        """min c . w over P and a minimiser (a vertex)."""
        return self._optimum(c, maximize=False)

    def maximize(self, c: ArrayLike) -> tuple[float, NDArray[np.float64]]:
        """max c . w over P and a maximiser (a vertex)."""
        return self._optimum(c, maximize=True)

    def _optimum(self, c: ArrayLike, maximize: bool) -> tuple[float, NDArray[np.float64]]:
        self.require_feasible()
        sol = self._lp.solve(c, maximize=maximize)
        if sol.x is None:  # P is bounded and non-empty: only numerical trouble lands here
            raise RuntimeError(f"LP over a non-empty polytope ended {sol.status}")
        return sol.value, np.clip(sol.x, 0.0, None)

    def bounds(self) -> NDArray[np.float64]:
        """(m, 2): each weight's minimum and maximum over P."""
        eye = np.eye(self.m)
        return np.array([[self.minimize(e)[0], self.maximize(e)[0]] for e in eye])

    def ratio_bounds(self, i: int, j: int) -> tuple[float, float]:
        """min and max of w_i / w_j over P (Charnes-Cooper; see the module docstring)."""
        self.require_feasible()
        if not (0 <= i < self.m and 0 <= j < self.m) or i == j:
            raise ValueError(f"ratio_bounds needs two different criteria in 0..{self.m - 1}")
        lp = self._ratio_lp(j)
        c = np.zeros(self.m + 1)
        c[i] = 1.0
        low, high = lp.solve(c), lp.solve(c, maximize=True)
        if low.status == "infeasible":
            return float("nan"), float("nan")
        return max(0.0, low.value), high.value

    def _ratio_lp(self, j: int) -> LinearProgram:
        if j not in self._ratio_lps:
            A, b, E, f = self.rows.A, self.rows.b, self.E, self.f
            pick = np.zeros((1, self.m + 1))
            pick[0, j] = 1.0
            rows = np.vstack([np.hstack([A, -b[:, None]]), np.hstack([E, -f[:, None]]), pick])
            lo = np.concatenate([np.full(A.shape[0], -np.inf), np.zeros(E.shape[0]), [1.0]])
            hi = np.concatenate([np.zeros(A.shape[0] + E.shape[0]), [1.0]])
            self._ratio_lps[j] = LinearProgram(rows, lo, hi, 0.0, np.inf)
        return self._ratio_lps[j]

    def violated_by(self, weights: ArrayLike, tol: float = VIOLATION_TOL) -> tuple[int, ...]:
        """Indices of the statements that the weights (normalised here to sum 1) break."""
        w = np.asarray(weights, dtype=float)
        if w.shape != (self.m,) or not np.all(np.isfinite(w)) or np.any(w < 0) or w.sum() <= 0:
            raise ValueError(f"weights must be {self.m} finite non-negative numbers, not all zero")
        w = w / w.sum()
        broken = self.rows.source[self.rows.A @ w - self.rows.b > tol]
        off = self.rows.eq_source[np.abs(self.rows.E @ w - self.rows.f) > tol]
        return tuple(int(s) for s in np.union1d(broken, off))

    def implies(self, statement: Statement, tol: float = IMPLIED_TOL) -> bool:
        """Every weight vector of P satisfies `statement` (see the module docstring).

        Raises `InfeasibleStatements` when P is empty."""
        rows = statement_rows(self.m, [statement])
        if any(self.maximize(a)[0] - b > tol for a, b in zip(rows.A, rows.b, strict=True)):
            return False
        return all(
            self.maximize(a)[0] - f <= tol and f - self.minimize(a)[0] <= tol
            for a, f in zip(rows.E, rows.f, strict=True)
        )

    def minimal_conflict(self, budget: int | None = None) -> Conflict | None:
        """None if P is non-empty, else the conflicting statements (see `conflicts`)."""
        if self.is_feasible:
            return None
        return minimal_conflict(self.m, self.statements, budget)

    def vertices(self, max_vertices: int = MAX_VERTICES) -> NDArray[np.float64]:
        """(K, m): the extreme points of P, rows in lexicographic order (`vertices`).

        Raises ValueError when the enumeration passes `max_vertices` rays.
        """
        if self._vertex_cache is None:
            self.require_feasible()
            self._vertex_cache = extreme_points(self.G, self.h, self.rows.E, self.rows.f, max_vertices)
        return self._vertex_cache.copy()
