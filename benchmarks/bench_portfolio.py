"""Timings of the portfolio kernels against the issue's targets.

Run as `python benchmarks/bench_portfolio.py`. Prints each figure beside its target,
asserts nothing. Times are process CPU seconds, best of `REPEAT` (HiGHS runs on one
thread, so CPU time is the time a user waits on an idle machine).

Instances (fixed seeds, built below):
* optimum: 50 options x 3 resources, mixed-sign benefits, budgets at 35% of the
  total cost, 5 groups, 6 requirements, one must and one must-not;
* frontier: the same kind of problem with 30 options, with one resource and with
  3 resources (both against the 2 s target);
* core index: the rrpm example (15 projects, 3 criteria, no weight information), and
  30 projects drawn like it (scores 0..100, costs 1..100, budget 42% of the total)
  with point scores (no information) and with scores +-5 (rank order w1 >= w2 >= w3);
  for information also 20 projects with scores +-10 and no information;
* Monte Carlo: 20 options, 6 criteria, values in [0, 1] against a reference, one
  resource, a group and a requirement, Dirichlet(1) weights, 100,000 samples in
  chunks of 10,000: point scores and costs; for information also scores +-0.05 and
  costs +-10%, and the same with two resources.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from assess.kernels.portfolio import (  # noqa: E402
    PortfolioProblem,
    frontier,
    funding_probability,
    no_information_vertices,
    optimal,
    rank_order_vertices,
    robust_portfolios,
)

REPEAT = 3
RRPM = np.array([
    [46, 55, 31, 79], [61, 49, 49, 32], [22, 65, 57, 31], [43, 88, 42, 73], [8, 82, 51, 19],
    [60, 92, 71, 32], [72, 62, 38, 94], [92, 78, 100, 22], [81, 75, 37, 44], [85, 23, 22, 10],
    [50, 17, 53, 27], [9, 37, 83, 100], [64, 32, 51, 51], [98, 57, 17, 98], [9, 16, 13, 2],
], dtype=float)  # fmt: skip


def best_of(run, repeat: int = REPEAT) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def line(what: str, seconds: float, target: float | None, note: str = "") -> None:
    verdict = "" if target is None else ("  ok" if seconds < target else "  OVER")
    goal = "(information)" if target is None else f"target < {target:g} s"
    print(f"  {what:<58} {seconds:7.3f} s   {goal}{verdict}  {note}")


def ruled_problem(n: int, r: int, seed: int) -> PortfolioProblem:
    rng = np.random.default_rng(seed)
    costs = rng.integers(1, 30, (n, r)).astype(float)
    must, must_not = np.zeros(n, bool), np.zeros(n, bool)
    must[0], must_not[1] = True, True
    groups = tuple(np.arange(2 + 3 * g, 5 + 3 * g) for g in range(5))
    requires = np.array([[20, 21], [22, 23], [23, 24], [24, 22], [25, 0], [26, 3]])
    return PortfolioProblem(
        rng.normal(1.0, 1.0, n), costs, costs.sum(axis=0) * 0.35, must, must_not, groups, requires
    )


def rrpm_like(n: int, seed: int = 1) -> tuple[np.ndarray, PortfolioProblem]:
    rng = np.random.default_rng(seed)
    scores = rng.integers(0, 101, (n, 3)).astype(float)
    costs = rng.integers(1, 101, (n, 1)).astype(float)
    return scores, PortfolioProblem(np.zeros(n), costs, [0.42 * costs.sum()])


def bench_optimal_and_frontier() -> None:
    problem = ruled_problem(50, 3, 0)
    line("optimum, 50 options x 3 resources, rules", best_of(lambda: optimal(problem)), 1.0)
    for r, target in ((1, 2.0), (3, 2.0)):
        small = ruled_problem(30, r, 1)
        points = frontier(small)
        line(
            f"frontier, 30 options x {r} resource{'s' * (r > 1)}, rules",
            best_of(lambda small=small: frontier(small)),
            target,
            f"{len(points)} points",
        )


def bench_rpm() -> None:
    rrpm = PortfolioProblem(np.zeros(15), RRPM[:, 3:], [300.0])
    none3 = no_information_vertices(3)
    res = robust_portfolios(RRPM[:, :3], RRPM[:, :3], none3, rrpm)
    t = best_of(lambda: robust_portfolios(RRPM[:, :3], RRPM[:, :3], none3, rrpm))
    line("core index, rrpm example, 15 projects", t, 1.0, f"{len(res.portfolios)} non-dominated")
    scores, problem = rrpm_like(30)
    res = robust_portfolios(scores, scores, none3, problem)
    t = best_of(lambda: robust_portfolios(scores, scores, none3, problem), 1)
    line(
        "core index, 30 projects, point scores, no information",
        t,
        10.0,
        f"{len(res.portfolios)} non-dominated",
    )
    rank = rank_order_vertices([[0], [1], [2]])
    res = robust_portfolios(scores - 5, scores + 5, rank, problem)
    t = best_of(lambda: robust_portfolios(scores - 5, scores + 5, rank, problem), 1)
    line("core index, 30 projects, scores +-5, rank order", t, 10.0, f"{len(res.portfolios)} non-dominated")
    scores, problem = rrpm_like(20)
    res = robust_portfolios(scores - 10, scores + 10, none3, problem)
    t = best_of(lambda: robust_portfolios(scores - 10, scores + 10, none3, problem), 1)
    line(
        "core index, 20 projects, scores +-10, no information",
        t,
        None,
        f"{len(res.portfolios)} non-dominated",
    )


def bench_montecarlo() -> None:
    n, m = 20, 6
    rng = np.random.default_rng(2)
    low = rng.random((n, m)) * 0.9
    ref = low.mean(axis=0) * 0.8
    costs = rng.integers(1, 20, (n, 2)).astype(float)

    def run(width: float, spread: float, r: int) -> None:
        c = costs[:, :r]
        problem = PortfolioProblem(
            np.zeros(n), c, c.sum(axis=0) * 0.35, groups=(np.array([0, 1]),), requires=np.array([[2, 3]])
        )
        funding_probability(
            problem,
            low,
            low + width,
            lambda g, k: g.standard_exponential((k, m)),
            reference_low=ref,
            cost_low=c * (1 - spread),
            cost_high=c * (1 + spread),
            samples=100_000,
            chunk_size=10_000,
            seed=1,
        )

    line("Monte Carlo, 100,000 samples, 20 options, point values", best_of(lambda: run(0, 0, 1), 1), 5.0)
    line("Monte Carlo, same, scores +-0.05, costs +-10%", best_of(lambda: run(0.1, 0.1, 1), 1), None)
    line("Monte Carlo, same, two resources", best_of(lambda: run(0.1, 0.1, 2), 1), None)


if __name__ == "__main__":
    print("Portfolio kernels (CPU seconds)")
    bench_optimal_and_frontier()
    bench_rpm()
    bench_montecarlo()
