"""Funding probabilities by Monte Carlo over weights, scores and costs within their ranges.

Each sample s draws a weight vector w_s from `sampler` (non-negative; each row is
scaled to sum to one), every option's values x_sj uniform in [low_j, high_j], the
reference's values uniform in its range, and every cost uniform in [cost_low,
cost_high]; option j's benefit is b_sj = w_s . (x_sj - ref_s). The sample's optimal
portfolio is `optimal` for those benefits and costs under the problem's budgets and
rules, with the same tie rule. Option j's funding probability is the share of
samples whose optimal portfolio funds it (cf. SMAA, Lahdelma & Salminen 2001, and
Monte Carlo portfolio selection, Liesio, Mild & Salo 2008, EJOR 190:679-695).

Exact per sample without a 0-1 program per sample: the candidates are found once,
the portfolios that can be optimal in some sample; each chunk of samples is then
evaluated on all of them with matrix products. A portfolio q is left out when
another one p beats it by more than the tie tolerance for every weight vector in
the hull of `weight_vertices` (default: the unit vectors, i.e. any weights), every
score and reference value in range, and is feasible whenever q is, for every cost
in range (`_dominance`, strict form; `_search` enumerates). Every portfolio
feasible at the lowest costs is thus either a candidate or never optimal.

Randomness: `Generator(PCG64(seed))`; per chunk of k samples in this order: the
weights `sampler(rng, k)` (k, m), then the option values (k, n, m) if any has a
range, the reference values (k, m) if it has a range, the costs (k, n, r) if any
has a range, each as `rng.random`. Same seed and chunk size, same result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.random import PCG64, Generator
from numpy.typing import ArrayLike, NDArray

from assess.kernels.portfolio._candidates import Candidates, candidates
from assess.kernels.portfolio.problem import BUDGET_RTOL, VALUE_RTOL, PortfolioProblem

Sampler = Callable[[Generator, int], NDArray[np.float64]]
Progress = Callable[[int, int], None]
ShouldStop = Callable[[], bool]


@dataclass(frozen=True, eq=False)
class FundingResult:
    probability: NDArray[np.float64]
    """(n,) share of samples whose optimal portfolio funds each option."""
    portfolios: NDArray[np.bool_]
    """(Q, n) the distinct optimal portfolios met, most frequent first."""
    shares: NDArray[np.float64]
    """(Q,) the share of samples each was optimal in."""
    samples: int
    """Samples used (fewer than asked if stopped)."""
    candidates: int
    """Portfolios evaluated per sample."""
    stopped: bool


class Draws:
    """The sample stream of the module docstring: benefits (k, n) and cost shares (k, n, r)."""

    def __init__(
        self,
        problem: PortfolioProblem,
        values_low: ArrayLike,
        values_high: ArrayLike,
        sampler: Sampler,
        reference_low: ArrayLike | None,
        reference_high: ArrayLike | None,
        cost_low: ArrayLike | None,
        cost_high: ArrayLike | None,
    ) -> None:
        self.low, self.high = _pair(values_low, values_high, "values", (problem.n, -1))
        m = self.low.shape[1]
        ref = np.zeros(m) if reference_low is None else reference_low
        self.ref_low, self.ref_high = _pair(ref, reference_high, "reference", (m,))
        costs = problem.costs if cost_low is None else cost_low
        clow, chigh = _pair(costs, cost_high, "costs", problem.costs.shape)
        if np.any(clow < 0):
            raise ValueError("costs must be >= 0")
        self.share_low, self.share_high = clow / problem.budget, chigh / problem.budget
        self.sampler, self.m = sampler, m

    def weights(self, rng: Generator, k: int) -> NDArray[np.float64]:
        w = np.asarray(self.sampler(rng, k), dtype=float)
        if w.shape != (k, self.m) or not np.all(np.isfinite(w)) or np.any(w < 0):
            raise ValueError(f"the sampler must return ({k}, {self.m}) finite non-negative weights")
        total = w.sum(axis=1, keepdims=True)
        if np.any(total <= 0):
            raise ValueError("the sampler returned a weight vector of all zeros")
        return w / total

    def draw(self, rng: Generator, k: int) -> tuple[NDArray, NDArray | None]:
        w = self.weights(rng, k)
        x = _uniform(rng, self.low, self.high, k)
        ref = _uniform(rng, self.ref_low, self.ref_high, k)
        benefit = np.einsum("knm,km->kn", np.broadcast_to(x, (k, *self.low.shape)), w)
        benefit -= np.einsum("km,km->k", np.broadcast_to(ref, (k, self.m)), w)[:, None]
        shares = None
        if np.any(self.share_high > self.share_low):
            shares = _uniform(rng, self.share_low, self.share_high, k)
        return benefit, shares


def _pair(low: ArrayLike, high: ArrayLike | None, what: str, shape: tuple[int, ...]):
    lo = np.asarray(low, dtype=float)
    hi = lo if high is None else np.asarray(high, dtype=float)
    ok = lo.shape == hi.shape and len(lo.shape) == len(shape)
    ok = ok and all(s in (-1, t) for s, t in zip(shape, lo.shape, strict=True)) and lo.size > 0
    if not ok:
        raise ValueError(f"{what} low/high must have shape {shape} (-1: any)")
    if not (np.all(np.isfinite(lo)) and np.all(np.isfinite(hi))) or np.any(lo > hi):
        raise ValueError(f"{what} must be finite with low <= high")
    return lo, hi


def _uniform(rng: Generator, low: NDArray, high: NDArray, k: int) -> NDArray:
    """(k, *low.shape) uniform draws, or low itself when nothing has a range (no draws)."""
    if not np.any(high > low):
        return low
    return low + (high - low) * rng.random((k, *low.shape))


def funding_probability(
    problem: PortfolioProblem,
    values_low: ArrayLike,
    values_high: ArrayLike | None,
    sampler: Sampler,
    *,
    reference_low: ArrayLike | None = None,
    reference_high: ArrayLike | None = None,
    cost_low: ArrayLike | None = None,
    cost_high: ArrayLike | None = None,
    weight_vertices: ArrayLike | None = None,
    samples: int = 10_000,
    seed: int = 0,
    chunk_size: int = 10_000,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
) -> FundingResult:
    """Funding probabilities (module docstring). `problem` gives budgets, rules and, without
    `cost_low`/`cost_high`, the costs; its benefit is not used. `weight_vertices` (K, m) must
    span every weight the sampler can return (default: any non-negative weights)."""
    if samples < 1 or chunk_size < 1:
        raise ValueError("samples and chunk_size must be positive")
    draws = Draws(
        problem, values_low, values_high, sampler, reference_low, reference_high, cost_low, cost_high
    )
    pool = candidates(problem, draws, weight_vertices)
    rng = Generator(PCG64(seed))
    counts = np.zeros(len(pool.X), dtype=np.int64)
    done, stopped = 0, False
    for start in range(0, samples, chunk_size):
        if should_stop is not None and should_stop():
            stopped = True
            break
        k = min(chunk_size, samples - start)
        benefit, shares = draws.draw(rng, k)
        counts += np.bincount(_winners(pool, benefit, shares), minlength=len(pool.X))
        done += k
        if progress is not None:
            progress(done, samples)
    return _result(problem, pool, counts, done, stopped)


def _winners(pool: Candidates, benefit: NDArray, shares: NDArray | None) -> NDArray[np.int64]:
    """Index of each sample's optimal candidate, by the tie rule of `optimal`."""
    V = benefit @ pool.Xf.T
    u = pool.u[None, :]
    if shares is not None and len(pool.unsure):
        cost = np.einsum("knr,pn->kpr", shares, pool.Xf[pool.unsure], optimize=True)
        fits = np.all(cost <= 1.0 + BUDGET_RTOL, axis=2)
        V[:, pool.unsure] = np.where(fits, V[:, pool.unsure], -np.inf)
    best = V.max(axis=1, keepdims=True)
    if not np.all(np.isfinite(best)):
        raise RuntimeError("a sample without any feasible candidate")
    tol = VALUE_RTOL * np.maximum(1.0, np.abs(benefit).sum(axis=1, keepdims=True))
    tied = V >= best - tol
    winner = np.argmax(tied, axis=1)
    many = np.flatnonzero(tied.sum(axis=1) > 1)
    if many.size:
        u = pool.u[None, :] if shares is None else np.einsum("knr,pn->kp", shares[many], pool.Xf)
        U = np.where(tied[many], np.broadcast_to(u, (many.size, len(pool.X))), np.inf)
        total = pool.share_sum if shares is None else shares[many].sum(axis=(1, 2))
        ctol = VALUE_RTOL * np.maximum(1.0, np.asarray(total)).reshape(-1, 1)
        winner[many] = np.argmax(U <= U.min(axis=1, keepdims=True) + ctol, axis=1)
    return winner


def _result(
    problem: PortfolioProblem, pool: Candidates, counts: NDArray[np.int64], done: int, stopped: bool
) -> FundingResult:
    n = problem.n
    if done == 0:
        return FundingResult(np.full(n, np.nan), np.zeros((0, n), bool), np.zeros(0), 0, len(pool.X), stopped)
    met = np.flatnonzero(counts)
    met = met[np.argsort(-counts[met], kind="stable")]
    probability = counts @ pool.Xf / done
    return FundingResult(probability, pool.X[met], counts[met] / done, done, len(pool.X), stopped)
