"""Brute-force oracles for the preference kernels (small m only)."""

from __future__ import annotations

from itertools import combinations

import numpy as np

from assess.kernels.preferences import Exact, Interval, Order, Ratio, WeightPolytope

TOL = 1e-9


def brute_vertices(p: WeightPolytope) -> np.ndarray:
    """Every basic feasible point: solve each set of m active constraints, keep the feasible ones."""
    m = p.m
    ineq = np.vstack([p.rows.A, -np.eye(m)])
    rhs = np.concatenate([p.rows.b, np.zeros(m)])
    eq, eq_rhs = p.E, p.f
    found = []
    for k in range(max(0, m - eq.shape[0]), m + 1):
        for rows in combinations(range(ineq.shape[0]), k):
            M = np.vstack([eq, ineq[list(rows)]])
            r = np.concatenate([eq_rhs, rhs[list(rows)]])
            if np.linalg.matrix_rank(M, tol=1e-10) < m:
                continue
            w = np.linalg.lstsq(M, r, rcond=None)[0]
            if np.abs(M @ w - r).max() > 1e-9:
                continue
            if np.all(ineq @ w <= rhs + TOL) and np.abs(eq @ w - eq_rhs).max() <= TOL:
                found.append(w)
    return unique_rows(np.array(found).reshape(-1, m))


def unique_rows(w: np.ndarray) -> np.ndarray:
    if w.size == 0:
        return w
    w = np.where(np.abs(w) < 1e-10, 0.0, w)
    _, idx = np.unique(np.round(w, 8), axis=0, return_index=True)
    w = w[np.sort(idx)]
    return w[np.lexsort(np.round(w, 8).T[::-1])]


def simplex_grid(m: int, steps: int) -> np.ndarray:
    """Every w on the simplex with coordinates in multiples of 1/steps."""
    if m == 1:
        return np.ones((1, 1))
    rows = []
    for bars in combinations(range(steps + m - 1), m - 1):
        edges = np.array((-1, *bars, steps + m - 1))
        rows.append(np.diff(edges) - 1)
    return np.array(rows, dtype=float) / steps


def in_polytope(p: WeightPolytope, w: np.ndarray, tol: float = TOL) -> np.ndarray:
    """Boolean per row of w (k, m) of the simplex: satisfies every statement."""
    ok = np.all(w @ p.rows.A.T <= p.rows.b + tol, axis=1)
    return ok & np.all(np.abs(w @ p.rows.E.T - p.rows.f) <= tol, axis=1)


def random_statements(rng: np.random.Generator, m: int, count: int, ties: bool = False) -> list:
    """A random mix of statements on m criteria (may be infeasible)."""
    out: list = []
    for _ in range(count):
        kind = rng.integers(4 if ties else 3)
        i, j = rng.choice(m, 2, replace=False) if m > 1 else (0, 0)
        if kind == 0 and m > 1:
            k = int(rng.integers(2, m + 1))
            members = rng.choice(m, k, replace=False)
            if ties and k > 2 and rng.random() < 0.5:
                out.append(Order([members[:2].tolist(), members[2:].tolist()]))
            else:
                out.append(Order([[int(x)] for x in members]))
        elif kind == 1 or m == 1:
            lo, hi = np.sort(np.round(rng.random(2) * 0.8, 2))
            out.append(Interval(int(i), lo if rng.random() < 0.7 else None, hi if rng.random() < 0.7 else hi))
        elif kind == 2:
            lo = float(np.round(rng.uniform(0.3, 2.0), 2))
            out.append(Ratio(int(i), int(j), lo, float(np.round(lo * rng.uniform(1.0, 3.0), 2))))
        else:
            out.append(Exact(int(i), float(np.round(rng.uniform(0.05, 0.5), 2))))
    return out
