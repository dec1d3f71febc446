"""Dominance and possibly / necessarily best options under weight statements.

Option a's value is V_a(w, x) = sum_j w_j x_aj with w in the polytope P of
the statements and each value x_aj in its range [lo_aj, hi_aj] (lo = hi
without ranges; the ranges of different options vary independently). Since
w >= 0, the worst case of V_a - V_b over the scores is (lo_a - hi_b) . w, so

    M[a, b] = min over w in P of (lo_a - hi_b) . w       (one LP)

settles every question here (tolerance `TOL`):

* a dominates b iff M[a, b] >= 0 (a is at least as good for every allowed
  weight vector and score) and M[b, a] < 0 (for some, a is strictly better:
  max (hi_a - lo_b) . w = -M[b, a] > 0). This is the dominance of Robust
  Portfolio Modeling (Liesio, Mild & Salo 2007, EJOR 181(3):1488-1505,
  Definition 1) and the pairwise dominance of PRIME (Salo & Hamalainen 2001,
  IEEE Trans. SMC-A 31(6):533-545) with its weak-plus-strict reading, so
  that two options equal everywhere dominate neither each other.
* a is possibly best iff some w in P puts a first in its best case against
  the others' worst: max over w in P of min_b (hi_a - lo_b) . w >= 0, one LP
  with an extra variable s (max s s.t. (hi_a - lo_b) . w >= s for all b).
* a is necessarily best iff every w in P puts a first even in its worst case
  against the others' best: M[a, b] >= 0 for every b != a. Ties count as
  first in both (weak), as in robust ordinal regression (Kadzinski, Greco &
  Slowinski 2012, "Extreme ranking analysis in robust ordinal regression",
  Omega 40(4):488-501).

Pruning: a pool of known points of P (the Chebyshev centre, then every LP
optimum, each a vertex) settles M[a, b] < 0 whenever some pool point gives a
negative value, without an LP; an LP is solved only when the pool cannot
decide. `hasse` gives the transitive reduction of the dominance relation.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from assess.kernels.preferences._lp import LinearProgram
from assess.kernels.preferences.polytope import WeightPolytope

TOL = 1e-9
"""Value differences within this of zero count as zero (values are in [0, 1])."""


def _ranges(v_low: ArrayLike, v_high: ArrayLike | None, m: int) -> tuple[NDArray, NDArray]:
    lo = np.asarray(v_low, dtype=float)
    hi = lo if v_high is None else np.asarray(v_high, dtype=float)
    if lo.ndim != 2 or lo.shape != hi.shape or lo.shape[0] == 0:
        raise ValueError("v_low and v_high must be non-empty n x m matrices of the same shape")
    if lo.shape[1] != m:
        raise ValueError(f"values have {lo.shape[1]} criteria, the polytope {m}")
    if not (np.all(np.isfinite(lo)) and np.all(np.isfinite(hi))):
        raise ValueError("values must be finite")
    return np.minimum(lo, hi), np.maximum(lo, hi)


class _Minima:
    """Lazily known signs of M[a, b] = min_w (lo_a - hi_b) . w, with a pool of points."""

    def __init__(self, polytope: WeightPolytope, lo: NDArray, hi: NDArray) -> None:
        self.p, self.lo, self.hi = polytope, lo, hi
        n = lo.shape[0]
        self.pool = [polytope.interior_point()]
        self.pool_min = self._at(self.pool[0])  # min over the pool: an upper bound on M
        self.exact = np.full((n, n), np.nan)

    def _at(self, w: NDArray) -> NDArray:
        """(lo_a - hi_b) . w for every pair, (n, n)."""
        return (self.lo @ w)[:, None] - (self.hi @ w)[None, :]

    def add(self, w: NDArray) -> None:
        self.pool.append(w)
        np.minimum(self.pool_min, self._at(w), out=self.pool_min)

    def nonnegative(self, a: int, b: int) -> bool:
        """Whether M[a, b] >= -TOL, by the pool if it can tell, else by an LP."""
        if self.pool_min[a, b] < -TOL:
            return False
        if np.isnan(self.exact[a, b]):
            c = self.lo[a] - self.hi[b]
            if np.all(c >= 0):  # non-negative on the whole simplex
                self.exact[a, b] = float(c.min())
            else:
                value, w = self.p.minimize(c)
                self.exact[a, b] = value
                self.add(w)
        return bool(self.exact[a, b] >= -TOL)


def dominance(v_low: ArrayLike, v_high: ArrayLike | None, polytope: WeightPolytope) -> NDArray[np.bool_]:
    """(n, n) bool: [a, b] is True iff option a dominates option b (module docstring)."""
    polytope.require_feasible()
    lo, hi = _ranges(v_low, v_high, polytope.m)
    n = lo.shape[0]
    minima = _Minima(polytope, lo, hi)
    out = np.zeros((n, n), dtype=bool)
    for a in range(n):
        for b in range(n):
            if a != b and minima.nonnegative(a, b):
                out[a, b] = not minima.nonnegative(b, a)
    return out


def necessarily_best(
    v_low: ArrayLike, v_high: ArrayLike | None, polytope: WeightPolytope
) -> NDArray[np.bool_]:
    """(n,) bool: first (ties included) for every allowed w, in its worst case."""
    polytope.require_feasible()
    lo, hi = _ranges(v_low, v_high, polytope.m)
    n = lo.shape[0]
    minima = _Minima(polytope, lo, hi)
    return np.array([all(minima.nonnegative(a, b) for b in range(n) if b != a) for a in range(n)])


def possibly_best(v_low: ArrayLike, v_high: ArrayLike | None, polytope: WeightPolytope) -> NDArray[np.bool_]:
    """(n,) bool: first (ties included) for some allowed w, in its best case."""
    polytope.require_feasible()
    lo, hi = _ranges(v_low, v_high, polytope.m)
    n, m = lo.shape
    if n == 1:
        return np.ones(1, dtype=bool)
    out = np.zeros(n, dtype=bool)
    w = polytope.interior_point()
    out |= _best_at(lo, hi, w)
    model = _BestModel(polytope)
    for a in np.flatnonzero(~out):
        s, w = model.solve(hi[a] - np.delete(lo, a, axis=0))
        out[a] = s >= -TOL
        out |= _best_at(lo, hi, w)  # the optimum may show others first too
    return out


def _best_at(lo: NDArray, hi: NDArray, w: NDArray) -> NDArray[np.bool_]:
    """Options whose best case at w is at least everyone else's worst case."""
    best, worst = hi @ w, lo @ w
    top = np.argsort(-worst, kind="stable")[:2]
    others = np.full(len(worst), worst[top[0]])  # the best rival's worst case...
    others[top[0]] = worst[top[1]]  # ...which for the leader itself is the runner-up's
    return best >= others - TOL


class _BestModel:
    """max s s.t. D w - s >= 0 (D: one row per rival), w in P; rebuilt per option."""

    def __init__(self, polytope: WeightPolytope) -> None:
        self.p = polytope

    def solve(self, D: NDArray) -> tuple[float, NDArray]:
        p, m = self.p, self.p.m
        A_p = np.vstack([p.rows.A, p.E])
        lo_p = np.concatenate([np.full(p.rows.A.shape[0], -np.inf), p.f])
        hi_p = np.concatenate([p.rows.b, p.f])
        A = np.vstack([np.hstack([A_p, np.zeros((A_p.shape[0], 1))]), np.hstack([D, -np.ones((len(D), 1))])])
        lo = np.concatenate([lo_p, np.zeros(len(D))])
        hi = np.concatenate([hi_p, np.full(len(D), np.inf)])
        lp = LinearProgram(A, lo, hi, np.r_[np.zeros(m), -np.inf], np.r_[np.full(m, np.inf), np.inf])
        c = np.zeros(m + 1)
        c[m] = 1.0
        sol = lp.solve(c, maximize=True)
        if sol.x is None:
            raise RuntimeError(f"possibly-best LP ended {sol.status}")
        return sol.value, np.clip(sol.x[:m], 0.0, None)


def hasse(relation: ArrayLike) -> NDArray[np.bool_]:
    """Transitive reduction of a strict partial order: drop a->c when a->b->c for some b.

    For a transitive, irreflexive relation D this is D and not (D o D), the
    unique minimal relation with the same transitive closure (Aho, Garey &
    Ullman 1972, SIAM J. Computing 1(2):131-137).
    """
    d = np.asarray(relation, dtype=bool)
    if d.ndim != 2 or d.shape[0] != d.shape[1]:
        raise ValueError("the relation must be a square boolean matrix")
    through = (d.astype(np.int64) @ d.astype(np.int64)) > 0
    return d & ~through
