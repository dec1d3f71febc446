"""Uniform samples of the weight polytope: exact where possible, else hit-and-run.

Every sampler is a callable `(rng, k) -> (k, m)` (rows: weight vectors), the
`weight_sampler` that `assess.kernels.robustness.smaa.smaa` takes. "Uniform" is with
respect to the volume of P inside its own affine hull. `weight_sampler`
picks the method:

* no statements (P is the simplex): Dirichlet(1, ..., 1), drawn as
  normalised standard exponentials in exactly the order `smaa()` draws them,
  so SMAA with this sampler is bit-identical to SMAA without one.
* P is itself a simplex (d + 1 vertices for dimension d: a rank order, with
  or without ties, and many others): w = lambda V with lambda ~ Dirichlet(1)
  over its vertices V; an affine image of the uniform simplex is uniform.
  This is the exact method of SMAA for ordinal weights (Lahdelma & Salminen
  2001, Operations Research 49(3):444-454: sorted uniform weights), in a
  general form.
* otherwise hit-and-run (Smith 1984, "Efficient Monte Carlo procedures for
  generating points uniformly distributed over bounded regions", Operations
  Research 32(6):1296-1308), as in JSMAA and the R package hitandrun
  (Tervonen, van Valkenhoef, Basturk & Postmus 2013, EJOR 224(3):552-559;
  van Valkenhoef, Tervonen & Postmus 2014, EJOR 239(3):865-867 for the
  equality constraints and the starting point). In the coordinates of the
  affine hull (`hull.affine_hull`, so ties and exact weights are handled),
  made near-isotropic by an affine rounding (`walk.isotropic`), from x: a
  direction u uniform on the unit sphere, the chord {x + t u} inside P (from
  the slacks of the rows), and the next point uniform on the chord
  (`walk.Chains`). `chains` chains run side by side in NumPy, all starting at
  the Chebyshev centre. Two deviations from plain hit-and-run: directions
  are in the rounded coordinates, not in the weights' own (without
  rounding, a sliver such as 2.8 <= w_1 / w_2 <= 3 had not mixed after 100
  steps, 45-55 standard errors off in means; with it, after 10), and they
  are the rounded coordinate axes, drawn uniformly, rather than uniform on
  the sphere: coordinate hit-and-run with rounding (CHRR, Haraldsdottir et
  al. 2017, Bioinformatics 33(11):1741-1743), 1.6-1.8 times the effective
  samples per CPU second here (`walk` gives the figures).

Burn-in and thinning of hit-and-run:
* burn-in: each chain takes ceil(ln(d + 1) / 4 * d^3) steps (at least
  `MIN_BURN_IN`) before its first sample: the thinning that hitandrun uses by
  default for samples it treats as independent, after Lovasz (1999),
  "Hit-and-run mixes fast", Mathematical Programming 86:443-461 (O*(d^3)
  steps from a warm start in a well-rounded body). d = 19 (20 criteria):
  5,137 steps.
* thinning: `thin` = 1 by default, every later step is a sample. Thinning
  never lowers the variance of an average for a given number of steps
  (MacEachern & Berliner 1994, The American Statistician 48(3):188-190);
  it only saves work on the samples. The samples of one chain are
  correlated, so k samples carry less information than k independent draws;
  SMAA frequencies remain consistent estimates. What they are worth is
  measured, not assumed: `assess.kernels.robustness.smaa` with `chains`
  reports the effective sample size (`assess.kernels.robustness.ess`).
  Measured on the 20-criterion, 10-statement polytope of
  benchmarks/bench_preferences.py (d = 19), 1e6 samples of 100 chains: the
  weights' ESS runs from about 1,200 to 5,900 (autocorrelation times of
  170-830 steps), the least about 750-1,400 over 24 seeds, against 2,770
  from the old rule samples / d^2; 24 independent replicates put the spread
  of the weights' means at 0.57-1.47 times (median 0.84) what the measured
  ESS predicts. Set `thin` when each sample costs
  much more than a step.

Randomness, for a fixed Generator: the burn-in, then per step C integers
(the axes) and C uniforms (points on the chords); round r gives one sample
per chain, chain order. A sampler keeps its chains between calls (a buffer
keeps a round's surplus), and restarts them when it is called with another
Generator, so one sampler object gives the same results for the same seed.
"""

from __future__ import annotations

import math
from typing import Literal, Protocol

import numpy as np
from numpy.random import Generator
from numpy.typing import NDArray

from assess.kernels.preferences.hull import _chebyshev
from assess.kernels.preferences.polytope import WeightPolytope
from assess.kernels.preferences.vertices import extreme_points
from assess.kernels.preferences.walk import Chains, isotropic, unit_rows

DEFAULT_CHAINS = 100
MIN_BURN_IN = 100
Method = Literal["auto", "exact", "hit-and-run"]


class WeightSampler(Protocol):
    method: str

    @property
    def chains(self) -> int | None:
        """Draw i comes from Markov chain i % chains (None: independent draws)."""

    def __call__(self, rng: Generator, k: int) -> NDArray[np.float64]: ...


def default_burn_in(d: int) -> int:
    """Steps per chain before its first sample (module docstring)."""
    if d <= 0:
        return 0
    return max(MIN_BURN_IN, math.ceil(math.log(d + 1) / 4 * d**3))


def weight_sampler(
    polytope: WeightPolytope,
    *,
    method: Method = "auto",
    chains: int = DEFAULT_CHAINS,
    burn_in: int | None = None,
    thin: int = 1,
) -> WeightSampler:
    """A uniform sampler of P: exact when P is a simplex, else hit-and-run (module docstring)."""
    polytope.require_feasible()
    if method == "hit-and-run":
        return HitAndRun(polytope, chains=chains, burn_in=burn_in, thin=thin)
    vertices = _simplex_vertices(polytope)
    if vertices is not None:
        return SimplexSampler(vertices, identity=not polytope.statements)
    if method == "exact":
        raise ValueError("exact sampling needs a polytope that is a simplex (d + 1 vertices)")
    return HitAndRun(polytope, chains=chains, burn_in=burn_in, thin=thin)


def _simplex_vertices(polytope: WeightPolytope) -> NDArray[np.float64] | None:
    """The vertices if P is a simplex, found with a small cap on the enumeration."""
    if not polytope.statements:
        return np.eye(polytope.m)
    cap = 4 * polytope.m + 8
    try:
        v = extreme_points(polytope.G, polytope.h, polytope.rows.E, polytope.rows.f, cap)
    except ValueError:
        return None
    return v if v.shape[0] == polytope.dimension + 1 else None


class SimplexSampler:
    """w = lambda V, lambda ~ Dirichlet(1) (normalised exponentials), V (d + 1, m) vertices."""

    method = "exact"
    chains: int | None = None

    def __init__(self, vertices: NDArray[np.float64], identity: bool = False) -> None:
        self.vertices = np.asarray(vertices, dtype=float)
        self.identity = identity

    def __call__(self, rng: Generator, k: int) -> NDArray[np.float64]:
        e = rng.standard_exponential((k, self.vertices.shape[0]))
        total = e.sum(axis=1, keepdims=True)
        e *= 1.0 / np.where(total > 0, total, 1.0)  # as assess.kernels.robustness.smaa draws them
        return e if self.identity else e @ self.vertices


class HitAndRun:
    """Hit-and-run chains in the affine hull of P, in rounded coordinates (module docstring)."""

    method = "hit-and-run"

    def __init__(
        self,
        polytope: WeightPolytope,
        *,
        chains: int = DEFAULT_CHAINS,
        burn_in: int | None = None,
        thin: int = 1,
    ) -> None:
        if chains < 1 or thin < 1 or (burn_in is not None and burn_in < 0):
            raise ValueError("chains and thin must be >= 1 and burn_in >= 0")
        hull = polytope.hull
        self.hull, self.m, self.d = hull, polytope.m, hull.dimension
        self.chains, self.thin = int(chains), int(thin)
        self.burn_in = default_burn_in(self.d) if burn_in is None else int(burn_in)
        self._rng: Generator | None = None
        self._buffer = np.zeros((0, self.m))
        if self.d > 0:
            c, T = isotropic(hull.G, hull.h, hull.centre)
            self._G, self._h = unit_rows(hull.G @ T, hull.h - hull.G @ c)
            self._start_y = _chebyshev(self._G, self._h)[0]
            # w = w0 + basis (c + T y) = offset + y @ linear
            self._offset = hull.w0 + hull.basis @ c
            self._linear = (hull.basis @ T).T.copy()

    def __call__(self, rng: Generator, k: int) -> NDArray[np.float64]:
        if self.d == 0:
            return np.broadcast_to(np.clip(self.hull.w0, 0.0, None), (k, self.m)).copy()
        if rng is not self._rng:
            self._start(rng)
        rounds = -(-max(0, k - self._buffer.shape[0]) // self.chains)
        ys = np.empty((rounds, self.chains, self.d))
        for r in range(rounds):
            self._walk.step(rng, self.thin)
            ys[r] = self._walk.positions
        out = np.concatenate([self._buffer, self._weights(ys.reshape(-1, self.d))])
        self._buffer = out[k:]
        return out[:k]

    def _start(self, rng: Generator) -> None:
        self._rng = rng
        self._buffer = np.zeros((0, self.m))
        self._walk = Chains(self._G, self._h, self._start_y, self.chains, axes=True)
        self._walk.step(rng, self.burn_in)

    def _weights(self, y: NDArray[np.float64]) -> NDArray[np.float64]:
        w = y @ self._linear
        w += self._offset
        return np.maximum(w, 0.0, out=w)


def rejection_sample(
    polytope: WeightPolytope, k: int, rng: Generator, max_draws: int = 10_000_000
) -> NDArray[np.float64]:
    """k independent uniform points of a full-dimensional P: Dirichlet(1) draws kept if in P.

    The test oracle for small cases; acceptance is vol(P) / vol(simplex).
    """
    if polytope.dimension != polytope.m - 1:
        raise ValueError("rejection sampling needs a polytope of full dimension m - 1")
    A, b = polytope.rows.A, polytope.rows.b
    kept: list[NDArray[np.float64]] = []
    drawn = 0
    while sum(len(x) for x in kept) < k:
        if drawn >= max_draws:
            raise ValueError(f"fewer than {k} points accepted in {max_draws} draws")
        batch = min(max(4 * k, 10_000), max_draws - drawn)
        w = rng.dirichlet(np.ones(polytope.m), batch)
        kept.append(w[np.all(w @ A.T <= b, axis=1)])
        drawn += batch
    return np.concatenate(kept)[:k]
