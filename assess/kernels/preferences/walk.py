"""Hit-and-run steps for many chains at once, and the rounding that makes them mix.

`Chains` moves C chains in {y : G y <= h} (rows of unit norm): per step a
direction u, the chord through the point along u from the slacks
s = h - G y, and a point uniform on the chord (Smith 1984, Operations
Research 32(6):1296-1308). The direction is uniform on the unit sphere
(normalised Gaussian), or with `axes=True` a coordinate axis drawn uniformly
(coordinate hit-and-run): in rounded coordinates that is CHRR (Haraldsdottir,
Cousins, Thiele, Fleming & Vempala 2017, "CHRR: coordinate hit-and-run with
rounding for uniform sampling of constraint-based models", Bioinformatics
33(11):1741-1743). Both leave the uniform distribution invariant. A
coordinate step needs one column of G, not a product with G: measured on
the 20-criterion polytope of benchmarks/bench_preferences.py (d = 19, 100
chains, 1e6 samples, 3 seeds), CPU 0.51-0.83 s against 0.80-1.06 s, and the
least effective sample size of the weights 1,425-1,509 against 1,085-1,323,
so 1.6-1.8 times the effective samples per CPU second; burn-in from the
centre took as many steps with either (the first samples of 4,000 chains
within 3-4 standard errors of the stationary means after 1,000 steps).

Rounding. Hit-and-run mixes in O*(d^2 R^2 / r^2) steps for a body between
balls of radii r and R (Lovasz 1999, Mathematical Programming 86:443-461;
Lovasz & Vempala 2006, SIAM J. Computing 35(4):985-1005): a thin sliver such
as 2.8 <= w_1 / w_2 <= 3 barely moves in hundreds of steps. So the walk runs
in coordinates y with z = c + T y in which P is near isotropic: `isotropic`
runs short pilot walks, takes the covariance S of their points and maps by
S^(1/2) (eigendecomposition), until the covariance in the current
coordinates has condition number at most `ROUND_TARGET` (or `MAX_ROUNDS`).
An affine map carries the uniform distribution to the uniform distribution,
so sampling y uniformly samples P uniformly; directions are uniform on the
sphere in y. The pilot walks use their own fixed seed, so the map depends on
the polytope only, never on the caller's random stream.
"""

from __future__ import annotations

import numpy as np
from numpy.random import PCG64, Generator
from numpy.typing import NDArray

from assess.kernels.preferences.hull import _chebyshev

RESYNC_EVERY = 50
"""Slacks are updated incrementally and recomputed from scratch this often."""
TINY = 1e-300
"""Slacks are kept at least this, so that G u / s has the sign of G u."""
ROUND_TARGET = 10.0
"""Stop rounding when the pilot covariance has condition number <= this (axes
within a factor ~3); the pilots' own sampling noise alone gives about 4 at d = 19."""
MAX_ROUNDS = 10
ROUND_SEED = 20_130_552
"""Seed of the pilot walks (the page of Tervonen et al. 2013 in EJOR 224)."""


class Chains:
    """C hit-and-run chains in {y : G y <= h}; `positions` is (C, d).

    The chord from slacks s > 0 (kept at least `TINY`) and a direction u, with
    q = G u / s per row: the chord is t in [1 / min q, 1 / max q] (rows with
    G u > 0 bound t above, those with G u < 0 below; a bounded body has both).
    u need not be normalised: the chord and the uniform point on it do not
    depend on u's length.
    """

    def __init__(
        self,
        G: NDArray[np.float64],
        h: NDArray[np.float64],
        start: NDArray[np.float64],
        chains: int,
        axes: bool = False,
    ) -> None:
        self.G, self.h, self._Gt = G, h, np.ascontiguousarray(G.T)
        self.axes = axes
        self.positions = np.broadcast_to(start, (chains, G.shape[1])).copy()
        self.slack = self._fresh_slack()
        self.count = 0

    def _fresh_slack(self) -> NDArray[np.float64]:
        return np.maximum(self.h - self.positions @ self._Gt, TINY)

    def step(self, rng: Generator, steps: int) -> None:
        """`steps` steps of every chain: per step C x d normals (`axes`: C integers, the
        axes), then C uniforms."""
        y, s = self.positions, self.slack
        c, d = y.shape
        q = np.empty_like(s)
        every = np.arange(c)
        for _ in range(steps):
            if self.axes:
                axis = rng.integers(d, size=c)
                gu = self._Gt[axis]
            else:
                u = rng.standard_normal((c, d))
                gu = u @ self._Gt
            np.divide(gu, s, out=q)
            t_hi = 1.0 / q.max(axis=1)
            t_lo = 1.0 / q.min(axis=1)
            t = t_lo + (t_hi - t_lo) * rng.random(c)
            if self.axes:
                y[every, axis] += t
            else:
                y += t[:, None] * u
            gu *= t[:, None]
            s -= gu
            self.count += 1
            if self.count % RESYNC_EVERY == 0:
                s[...] = self._fresh_slack()
            else:
                np.maximum(s, TINY, out=s)


def unit_rows(G: NDArray[np.float64], h: NDArray[np.float64]) -> tuple[NDArray, NDArray]:
    norm = np.linalg.norm(G, axis=1)
    keep = norm > 1e-12
    return G[keep] / norm[keep, None], h[keep] / norm[keep]


def isotropic(
    G: NDArray[np.float64], h: NDArray[np.float64], centre: NDArray[np.float64]
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """(c, T): z = c + T y puts {G z <= h} in near-isotropic position (module docstring)."""
    d = G.shape[1]
    c, T = centre.copy(), np.eye(d)
    rng = Generator(PCG64(ROUND_SEED))
    chains, steps = 8 * d + 32, 2 * d + 10
    for _ in range(MAX_ROUNDS):
        Gy, hy = unit_rows(G @ T, h - G @ c)
        start, _radius = _chebyshev(Gy, hy)
        walk = Chains(Gy, hy, start, chains)
        points = []
        for _ in range(4):
            walk.step(rng, steps)
            points.append(walk.positions.copy())
        y = np.concatenate(points)
        values, vectors = np.linalg.eigh(np.cov(y.T).reshape(d, d))
        values = np.maximum(values, 1e-300)
        c = c + T @ y.mean(axis=0)
        T = T @ (vectors * np.sqrt(values))
        if values.max() <= ROUND_TARGET * values.min():
            break
    return c, T
