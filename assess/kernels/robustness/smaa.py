"""SMAA-2 for the weighted sum: rank acceptability, central weights, confidence.

Lahdelma & Salminen (2001), "SMAA-2: Stochastic multicriteria acceptability
analysis for group decision making", Operations Research 49(3):444-454.

Each sample draws a weight vector w and a value matrix x, computes the totals
V_i = sum_j w_j x_ij and ranks them. Over S samples:

* rank acceptability  b_i^r = #{samples where i has rank r} / S   (n x n),
* central weights     w_i^c = mean of w over the samples where i is first
                      (NaN row if i is never first),
* confidence factor   p_i^c = fraction of score re-draws in which i is first
                      with w fixed at w_i^c (NaN if i is never first),
* holistic acceptability a_i^h = sum_r alpha_r b_i^r (`holistic_acceptability`).

Weight sampling: a `weight_sampler(rng, k) -> (k, m)` replaces the rules
below when given (e.g. `assess.kernels.preferences.sampling.weight_sampler`,
uniform over the weights that a set of statements allows); it draws from the
main pass's generator in place of the weights. Without one (criteria listed
in `fixed` keep their given weight; the free criteria share the remaining
mass 1 - sum(fixed)):
* `spread=None`: free weights uniform on the (scaled) simplex, drawn as
  normalised standard exponentials, i.e. Dirichlet(1, ..., 1) -- the same
  distribution as the spacings of sorted uniforms.
* `spread=s` (0 <= s <= 1): each free weight uniform in w_j (1 - s)..w_j (1 + s)
  independently, then all free weights rescaled to the remaining mass.

Score sampling: each cell uniform in [min(low, high), max(low, high)],
independently; if any cell has a range all n x m cells are drawn.

Effective sample size: `effective_samples` is `samples` when the weights
are independent draws (the rules below, or an exact sampler). When they
come from Markov chains (`chains=C`: draw i from chain i % C, as
`assess.kernels.preferences.sampling.HitAndRun` gives them), it is measured:
the least, over the rank-1 indicator of each option (whose means are the
first column of b) and each weight (whose means give the central weights),
of the multi-chain effective sample size (`assess.kernels.robustness.ess`:
Vehtari et al. 2021 with Geyer's initial monotone sequence, on batch means),
capped at `samples`; quantities that never vary are left out (all of them:
`samples`). Cost at 1e6 samples, 10 options x 20 criteria: 0.03 s CPU to
feed the batches and 0.03 s for the estimate, against 0.75-1.0 s for SMAA
with hit-and-run weights and no score ranges.

Ties (totals within `assess.kernels.ranks.TIE_RTOL`) are broken uniformly at random,
so every row of b sums to one; in the confidence pass a tie for first counts as
1 / (number tied). Randomness: the main pass uses
`Generator(PCG64(seed))` (per chunk: weights, then scores, then tie-breaks if
any); the confidence pass uses a child stream `SeedSequence(seed).spawn(1)[0]`.
Results are reproducible for the same (seed, chunk_size).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.random import PCG64, Generator, SeedSequence
from numpy.typing import ArrayLike, NDArray

from assess.kernels.methods.wsm import normalise_weights
from assess.kernels.ranks import TIE_RTOL
from assess.kernels.robustness.ess import BatchMeans

Progress = Callable[[int, int], None]
ShouldStop = Callable[[], bool]
WeightSampler = Callable[[Generator, int], NDArray[np.float64]]


@dataclass(frozen=True, eq=False)
class SmaaResult:
    acceptability: NDArray[np.float64]
    """n x n; [i, r] = share of samples where option i has rank r + 1."""
    central_weights: NDArray[np.float64]
    """n x m; NaN row for an option never first."""
    confidence: NDArray[np.float64]
    """n; NaN for an option never first."""
    samples: int
    """Samples used (fewer than asked if stopped)."""
    confidence_samples: int
    stopped: bool
    effective_samples: int
    """What the samples are worth in independent ones (module docstring)."""


class _Weights:
    """Draws k x m weight vectors according to the module docstring."""

    def __init__(self, m: int, weights: ArrayLike | None, spread: float | None, fixed: Sequence[int]) -> None:
        self.fixed = np.unique(np.asarray(fixed, dtype=np.int64))
        if self.fixed.size and (self.fixed.min() < 0 or self.fixed.max() >= m):
            raise ValueError("fixed criterion index out of range")
        if weights is None and (spread is not None or self.fixed.size):
            raise ValueError("spread and fixed need the current weights")
        if spread is not None and not 0.0 <= spread <= 1.0:
            raise ValueError("spread must lie in [0, 1]")
        self.w = np.full(m, 1.0 / m) if weights is None else normalise_weights(weights)
        if self.w.shape != (m,):
            raise ValueError("weights must have one entry per criterion")
        self.free = np.setdiff1d(np.arange(m), self.fixed)
        self.mass = 1.0 - float(self.w[self.fixed].sum())
        self.spread = spread

    def draw(self, rng: Generator, k: int) -> NDArray[np.float64]:
        if self.free.size == 0 or self.spread == 0.0:
            return np.broadcast_to(self.w, (k, self.w.size))
        if self.spread is None:
            e = rng.standard_exponential((k, self.free.size))
        else:
            u = rng.random((k, self.free.size))
            e = self.w[self.free] * (1.0 + self.spread * (2.0 * u - 1.0))
        total = e.sum(axis=1, keepdims=True)
        e *= self.mass / np.where(total > 0, total, 1.0)
        if self.fixed.size == 0:
            return e
        out = np.empty((k, self.w.size))
        out[:, self.free] = e
        out[:, self.fixed] = self.w[self.fixed]
        return out


def weight_sampler(
    m: int, weights: ArrayLike | None = None, spread: float | None = None, fixed: Sequence[int] = ()
) -> WeightSampler:
    """The sampler `smaa` draws weights with when given no `weight_sampler` (module
    docstring), for other Monte Carlo analyses (portfolio funding probabilities)."""
    return _Weights(m, weights, spread, fixed).draw


class _Scores:
    """Uniform independent cells in [low, high] (point values if no ranges)."""

    def __init__(self, values_low: ArrayLike, values_high: ArrayLike | None) -> None:
        lo = np.asarray(values_low, dtype=float)
        hi = lo if values_high is None else np.asarray(values_high, dtype=float)
        if lo.ndim != 2 or lo.shape != hi.shape or 0 in lo.shape:
            raise ValueError("values_low/values_high must be non-empty n x m matrices")
        if not (np.all(np.isfinite(lo)) and np.all(np.isfinite(hi))):
            raise ValueError("values must be finite")
        self.low, self.width = np.minimum(lo, hi), np.abs(hi - lo)
        self.uncertain = bool(np.any(self.width > 0))
        self.tol = TIE_RTOL * max(1.0, float(np.abs(self.low).max() + self.width.max()))
        self._buffer: NDArray[np.float64] | None = None

    def draw(self, rng: Generator, k: int) -> NDArray[np.float64]:
        """k x n x m draws, written into a scratch buffer reused across chunks."""
        if self._buffer is None or self._buffer.shape[0] < k:
            self._buffer = np.empty((k, *self.low.shape))
        x = self._buffer[:k]
        rng.random(out=x)
        x *= self.width
        x += self.low
        return x

    def totals(self, rng: Generator, w: NDArray[np.float64]) -> NDArray[np.float64]:
        # einsum, not BLAS: many small BLAS calls with idle threads spinning cost
        # more than they save on a busy machine.
        if not self.uncertain:
            return np.einsum("km,nm->kn", w, self.low)
        return np.einsum("knm,km->kn", self.draw(rng, w.shape[0]), w)


def _order(totals: NDArray[np.float64], rng: Generator, tol: float) -> NDArray[np.int64]:
    """Options best first per row; ties within tol in random order."""
    order = np.argsort(-totals, axis=1, kind="stable")
    ranked = np.take_along_axis(totals, order, axis=1)
    tied = ranked[:, :-1] - ranked[:, 1:] <= tol
    if tied.any():
        rows = np.flatnonzero(tied.any(axis=1))
        starts = np.concatenate([np.ones((rows.size, 1), bool), ~tied[rows]], axis=1)
        group = np.cumsum(starts, axis=1)
        perm = np.lexsort((rng.random(group.shape), group), axis=-1)
        order[rows] = np.take_along_axis(order[rows], perm, axis=1)
    return order


def _chunks(total: int, size: int):
    for start in range(0, total, size):
        yield min(size, total - start)


DEFAULT_SAMPLES = 10_000
"""Monte Carlo samples when none are asked for: every command, the report and
the UI use it (through `assess.core.robustness.analysis`)."""


def smaa(
    values_low: NDArray[np.floating],
    values_high: NDArray[np.floating] | None = None,
    *,
    weights: NDArray[np.floating] | None = None,
    spread: float | None = None,
    fixed: Sequence[int] = (),
    samples: int = DEFAULT_SAMPLES,
    confidence_samples: int | None = None,
    seed: int = 0,
    chunk_size: int = 25_000,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
    weight_sampler: WeightSampler | None = None,
    chains: int | None = None,
) -> SmaaResult:
    """SMAA-2 on n x m value matrices (1 = best); see the module docstring.

    `weights` only matter with `spread` or `fixed`: with `spread=None` the free
    weights are uniform on the simplex whatever `weights` says.
    `weight_sampler(rng, k)` returns k x m weight vectors (rows summing to 1)
    and excludes `weights`, `spread` and `fixed`.
    `confidence_samples` defaults to `samples` (0 skips the confidence pass);
    without score ranges confidence factors are exact and need no samples.
    `progress(done, total)` runs after each chunk, total counting both passes;
    `should_stop()` is checked before each chunk.
    `chains`: `weight_sampler`'s draws come from that many interleaved Markov
    chains; `effective_samples` is then measured (module docstring).
    """
    if samples < 1 or chunk_size < 1 or (confidence_samples or 0) < 0:
        raise ValueError("samples and chunk_size must be positive")
    scores = _Scores(values_low, values_high)
    n, m = scores.low.shape
    draw: WeightSampler
    if weight_sampler is None:
        draw = _Weights(m, weights, spread, fixed).draw
    elif weights is not None or spread is not None or len(fixed):
        raise ValueError("weight_sampler replaces weights, spread and fixed: give one or the other")
    else:
        draw = _checked(weight_sampler, m)
    if chains is not None and (weight_sampler is None or chains < 1):
        raise ValueError("chains needs a weight_sampler and must be >= 1")
    tracked = None if chains is None else BatchMeans(chains, samples // chains, n + m)
    n_conf = samples if confidence_samples is None else confidence_samples
    n_conf = n_conf if scores.uncertain else 0
    total = samples + n_conf
    rng = Generator(PCG64(seed))
    counts = np.zeros(n * n, dtype=np.int64)
    w_sum = np.zeros((n, m))
    done, stopped = 0, False
    for k in _chunks(samples, chunk_size):
        if should_stop is not None and should_stop():
            stopped = True
            break
        w = draw(rng, k)
        order = _order(scores.totals(rng, w), rng, scores.tol)
        counts += np.bincount((order * n + np.arange(n)).ravel(), minlength=n * n)
        firsts = (order[:, :1] * m + np.arange(m)).ravel()
        w_sum += np.bincount(firsts, weights=w.ravel(), minlength=n * m).reshape(n, m)
        if tracked is not None:
            values = np.empty((k, n + m))
            values[:, :n] = 0.0
            values[np.arange(k), order[:, 0]] = 1.0
            values[:, n:] = w
            tracked.add(values)
        done += k
        if progress is not None:
            progress(done, total)
    first = counts.reshape(n, n)[:, 0]
    with np.errstate(invalid="ignore", divide="ignore"):
        accept = counts.reshape(n, n) / done if done else np.full((n, n), np.nan)
        central = np.where(first[:, None] > 0, w_sum / first[:, None], np.nan)
    conf, used = np.full(n, np.nan), 0
    if not stopped:
        conf, used, stopped = _confidence(
            scores, central, n_conf, seed, chunk_size, done, total, progress, should_stop
        )
    return SmaaResult(accept, central, conf, done, used, stopped, _worth(tracked, done))


def _worth(tracked: BatchMeans | None, done: int) -> int:
    """`done`, or the least measured ESS capped at `done` (module docstring)."""
    if tracked is None:
        return done
    ess = tracked.effective()
    ess = ess[~np.isnan(ess)]
    return done if ess.size == 0 else max(1, min(done, int(ess.min())))


def _checked(sampler: WeightSampler, m: int) -> WeightSampler:
    """The sampler, with its output checked: k x m finite non-negative rows."""

    def draw(rng: Generator, k: int) -> NDArray[np.float64]:
        w = np.asarray(sampler(rng, k), dtype=float)
        if w.shape != (k, m) or not np.all(np.isfinite(w)) or np.any(w < 0):
            raise ValueError(f"weight_sampler must return {k} x {m} finite non-negative weights")
        return w

    return draw


def _first_share(t: NDArray[np.float64], who: NDArray[np.int64], tol: float) -> NDArray:
    """t: (k, c, n) totals under central vector c; option who[c]'s share of first place."""
    top = t.max(axis=2)
    first = t[:, np.arange(who.size), who] >= top - tol
    near = t >= (top - tol)[:, :, None]
    if np.count_nonzero(near) == top.size:  # no ties anywhere: skip the per-row count
        return first.astype(float)
    return first / np.count_nonzero(near, axis=2)


def _confidence(
    scores: _Scores,
    central: NDArray[np.float64],
    n_conf: int,
    seed: int,
    chunk_size: int,
    done: int,
    total: int,
    progress: Progress | None,
    should_stop: ShouldStop | None,
) -> tuple[NDArray[np.float64], int, bool]:
    """Confidence factors p_i^c, samples used, and whether it was stopped."""
    n = central.shape[0]
    conf = np.full(n, np.nan)
    who = np.flatnonzero(~np.isnan(central[:, 0]))
    wc = central[who]
    if not scores.uncertain:
        conf[who] = _first_share((wc @ scores.low.T)[None], who, scores.tol)[0]
        return conf, 0, False
    rng = Generator(PCG64(SeedSequence(seed).spawn(1)[0]))
    hits, used = np.zeros(who.size), 0
    for k in _chunks(n_conf, chunk_size):
        if should_stop is not None and should_stop():
            break
        t = np.einsum("knm,cm->kcn", scores.draw(rng, k), wc, optimize=True)
        hits += _first_share(t, who, scores.tol).sum(axis=0)
        used += k
        if progress is not None:
            progress(done + used, total)
    if used:
        conf[who] = hits / used
    return conf, used, used < n_conf


def holistic_acceptability(
    acceptability: NDArray[np.floating], meta_weights: NDArray[np.floating] | None = None
) -> NDArray[np.float64]:
    """a_i^h = sum_r alpha_r b_i^r; default linear meta-weights alpha_r = (n - r)/(n - 1)."""
    b = np.asarray(acceptability, dtype=float)
    n = b.shape[1]
    if meta_weights is None:
        alpha = np.ones(1) if n == 1 else (n - 1 - np.arange(n)) / (n - 1)
    else:
        alpha = np.asarray(meta_weights, dtype=float)
    return b @ alpha
