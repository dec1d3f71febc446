"""Funding probabilities by Monte Carlo over weights, scores and costs within their ranges.

Each sample s draws a weight vector w_s from `sampler` (non-negative; each row is
scaled to sum to one), every option's values x_sj uniform in [low_j, high_j], the
reference's values uniform in its range, and every cost uniform in [cost_low,
cost_high]; option j's benefit is b_sj = w_s . (x_sj - ref_s). The sample's optimal
portfolio is `optimal` for those benefits and costs under the problem's budgets and
rules, with the same tie rule. Option j's funding probability is the share of
samples whose optimal portfolio funds it (cf. SMAA, Lahdelma & Salminen 2001, and
Monte Carlo portfolio selection, Liesio, Mild & Salo 2008, EJOR 190:679-695).

Exact per sample without a 0-1 program per sample: the samples of a chunk are
solved together by a breadth-first branch and bound (`_branch`), every node a
(sample, partial portfolio) pair, pruned by a fractional-knapsack bound against the
sample's incumbent (a greedy portfolio, or portfolios feasible at every cost in
range) and, with one resource, by cheaper nodes of the same sample that are better
by more than the tie tolerance. A sample whose costs admit no portfolio (the forced
options do not fit) funds nothing and is counted in `infeasible`.

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

from assess.kernels.portfolio import rules
from assess.kernels.portfolio._branch import greedy, solve_many
from assess.kernels.portfolio._search import dominators
from assess.kernels.portfolio.problem import PortfolioProblem

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
    infeasible: int
    """Samples whose costs admit no portfolio at all (they fund nothing)."""
    stopped: bool


class Draws:
    """The sample stream of the module docstring: benefits (k, n) and cost shares (k, n, r)."""

    def __init__(
        self,
        problem: PortfolioProblem,
        values_low: ArrayLike,
        values_high: ArrayLike | None,
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
    `cost_low`/`cost_high`, the costs; its benefit is not used. `weight_vertices` (K, m), the
    corners of the weights the sampler draws, only steer the incumbents (default: the unit
    vectors)."""
    if samples < 1 or chunk_size < 1:
        raise ValueError("samples and chunk_size must be positive")
    draws = Draws(
        problem, values_low, values_high, sampler, reference_low, reference_high, cost_low, cost_high
    )
    at_low = _with_costs(problem, draws.share_low)
    rules.check(at_low)
    sure = _incumbents(problem, draws, weight_vertices)
    rng = Generator(PCG64(seed))
    tally: dict[int, int] = {}
    done, infeasible, stopped = 0, 0, False
    for start in range(0, samples, chunk_size):
        if should_stop is not None and should_stop():
            stopped = True
            break
        k = min(chunk_size, samples - start)
        benefit, shares = draws.draw(rng, k)
        if shares is None:
            shares = np.broadcast_to(draws.share_low, (k, *draws.share_low.shape))
        lower = greedy(at_low, benefit, shares)
        if len(sure):
            lower = np.maximum(lower, (benefit @ sure.T).max(axis=1))
        masks, found = solve_many(at_low, benefit, shares, lower)
        infeasible += int(np.count_nonzero(~found))
        for mask, count in zip(*np.unique(masks[found], return_counts=True), strict=True):
            tally[int(mask)] = tally.get(int(mask), 0) + int(count)
        done += k
        if progress is not None:
            progress(done, samples)
    return _result(problem.n, tally, done, infeasible, stopped)


def _incumbents(problem: PortfolioProblem, draws: Draws, weight_vertices: ArrayLike | None) -> NDArray:
    """(d, n) float: portfolios feasible at the highest costs with good mid-range benefits."""
    m = draws.m
    W = np.eye(m) if weight_vertices is None else np.asarray(weight_vertices, dtype=float)
    if W.ndim != 2 or W.shape[1] != m or len(W) == 0 or not np.all(np.isfinite(W)) or np.any(W < 0):
        raise ValueError(f"weight_vertices must be non-negative with shape (K, {m})")
    mid = (draws.low + draws.high) / 2 - (draws.ref_low + draws.ref_high) / 2
    return dominators(_with_costs(problem, draws.share_high), mid @ W.T).astype(float)


def _with_costs(problem: PortfolioProblem, shares: NDArray) -> PortfolioProblem:
    return PortfolioProblem(
        np.zeros(problem.n),
        shares * problem.budget,
        problem.budget,
        problem.must,
        problem.must_not,
        problem.groups,
        problem.requires,
    )


def _result(n: int, tally: dict[int, int], done: int, infeasible: int, stopped: bool) -> FundingResult:
    if done == 0:
        return FundingResult(np.full(n, np.nan), np.zeros((0, n), bool), np.zeros(0), 0, 0, stopped)
    masks = sorted(tally, key=lambda mask: (-tally[mask], mask))
    X = np.array([[(mask >> j) & 1 for j in range(n)] for mask in masks], dtype=bool).reshape(-1, n)
    counts = np.array([tally[mask] for mask in masks], dtype=float)
    return FundingResult(counts @ X / done, X, counts / done, done, infeasible, stopped)
