"""The affine hull and a relative-interior point of a weight polytope.

P = {w : G w <= h, E w = f}. Some inequalities may hold with equality on all
of P (implicit equalities: "w_1 >= w_2" and "w_2 >= w_1" together, or an
interval [0.3, 0.3]); P then lies in a smaller affine subspace, and both the
hit-and-run sampler and the Chebyshev centre must work inside it.

1. Coordinates: w = w0 + N z with E w0 = f and N an orthonormal basis of the
   null space of E (SVD), so the inequalities read G' z <= h' with
   G' = G N, h' = h - G w0; each row scaled to |G'_k| = 1.
2. Chebyshev centre (Boyd & Vandenberghe 2004, Convex Optimization, 8.5.1):
   max r s.t. G'_k z + r <= h'_k. If r > 0, P is full-dimensional in these
   coordinates and z* is its centre.
3. Otherwise implicit equalities are found by the slack LP of Fukuda's
   polyhedral computation FAQ ("find implicit linearities"): max sum_k t_k
   s.t. G'_k z + t_k <= h'_k, 0 <= t_k <= 1 over the rows not yet known to
   be strictly satisfiable; rows with t_k > 0 at the optimum are, the others
   (if the optimum is 0) are implicit equalities. At most one LP per row,
   usually one or two. They join E and step 1 is redone.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from assess.kernels.preferences._lp import LinearProgram

DIM_TOL = 1e-9
"""A slack or Chebyshev radius at or below this counts as zero."""
RANK_TOL = 1e-10
"""Singular values below this (relative to the largest) count as zero."""


@dataclass(frozen=True, eq=False)
class Hull:
    """w = w0 + basis @ z; inside P iff G z <= h (rows of unit norm)."""

    w0: NDArray[np.float64]
    basis: NDArray[np.float64]
    """m x d, orthonormal columns; d = 0 when P is a single point."""
    G: NDArray[np.float64]
    h: NDArray[np.float64]
    rows: NDArray[np.int64]
    """For each row of G, its row in the original inequality system."""
    centre: NDArray[np.float64]
    """Chebyshev centre z* (d,)."""
    radius: float
    implicit: NDArray[np.int64]
    """Original inequality rows that hold with equality on all of P."""

    @property
    def dimension(self) -> int:
        return int(self.basis.shape[1])

    def point(self, z: NDArray[np.float64]) -> NDArray[np.float64]:
        """Weights of reduced coordinates z (d,) or (k, d)."""
        return self.w0 + z @ self.basis.T


def affine_hull(
    G: NDArray[np.float64], h: NDArray[np.float64], E: NDArray[np.float64], f: NDArray[np.float64]
) -> Hull:
    """The hull of a non-empty bounded P = {G w <= h, E w = f} (see the module docstring)."""
    implicit = np.zeros(0, dtype=np.int64)
    while True:
        eq = np.vstack([E, G[implicit]])
        rhs = np.concatenate([f, h[implicit]])
        w0, basis = _solution_space(eq, rhs, G.shape[1])
        rows = np.setdiff1d(np.arange(G.shape[0]), implicit)
        Gz, hz, keep = _reduced(G[rows], h[rows], w0, basis)
        rows = rows[keep]
        if basis.shape[1] == 0:
            return Hull(w0, basis, Gz, hz, rows, np.zeros(0), 0.0, implicit)
        centre, radius = _chebyshev(Gz, hz)
        if radius > DIM_TOL:
            return Hull(w0, basis, Gz, hz, rows, centre, radius, implicit)
        found = rows[_implicit_rows(Gz, hz)]
        if found.size == 0:  # numerically flat but no row pins it: treat as is
            return Hull(w0, basis, Gz, hz, rows, centre, radius, implicit)
        implicit = np.union1d(implicit, found)


def _solution_space(
    E: NDArray[np.float64], f: NDArray[np.float64], m: int
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """A solution w0 of E w = f (least squares) and an orthonormal null-space basis."""
    if E.shape[0] == 0:
        return np.zeros(m), np.eye(m)
    _, sv, vt = np.linalg.svd(E)
    rank = int(np.sum(sv > RANK_TOL * max(1.0, sv[0])))
    w0 = np.asarray(np.linalg.lstsq(E, f, rcond=None)[0], dtype=np.float64)
    return w0, np.asarray(vt[rank:].T, dtype=np.float64).copy()


def _reduced(
    G: NDArray[np.float64], h: NDArray[np.float64], w0: NDArray[np.float64], basis: NDArray[np.float64]
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.bool_]]:
    """Rows in z-coordinates, unit-normed; rows constant on the hull are dropped."""
    Gz = G @ basis
    hz = h - G @ w0
    norm = np.linalg.norm(Gz, axis=1)
    keep = norm > RANK_TOL
    return Gz[keep] / norm[keep, None], hz[keep] / norm[keep], keep


def _chebyshev(G: NDArray[np.float64], h: NDArray[np.float64]) -> tuple[NDArray[np.float64], float]:
    """max r s.t. G z + r <= h, r >= 0 (rows of unit norm; the body is bounded)."""
    d = G.shape[1]
    A = np.hstack([G, np.ones((G.shape[0], 1))])
    lp = LinearProgram(A, -np.inf, h, np.r_[np.full(d, -np.inf), 0.0], np.inf)
    sol = lp.solve(np.r_[np.zeros(d), 1.0], maximize=True)
    if sol.x is None:
        raise ValueError("the weight polytope is empty")
    return sol.x[:d], float(sol.x[d])


def _implicit_rows(G: NDArray[np.float64], h: NDArray[np.float64]) -> NDArray[np.int64]:
    """Indices of rows tight on the whole polytope, by repeated slack LPs."""
    p, d = G.shape
    open_rows = np.arange(p)
    while open_rows.size:
        A = np.hstack([G, np.zeros((p, open_rows.size))])
        A[open_rows, d + np.arange(open_rows.size)] = 1.0
        lo = np.r_[np.full(d, -np.inf), np.zeros(open_rows.size)]
        hi = np.r_[np.full(d, np.inf), np.ones(open_rows.size)]
        sol = LinearProgram(A, -np.inf, h, lo, hi).solve(
            np.r_[np.zeros(d), np.ones(open_rows.size)], maximize=True
        )
        if sol.x is None:
            raise ValueError("the weight polytope is empty")
        strict = sol.x[d:] > DIM_TOL
        if not strict.any():
            return open_rows
        open_rows = open_rows[~strict]
    return open_rows
