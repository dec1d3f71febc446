"""Many small 0-1 programs at once: breadth-first branch and bound across samples.

Each sample s has benefits b_s (n,) and cost shares a_s (n, r) under the same budgets
(shares <= 1) and rules. All samples walk the options in one fixed order; a node is
(sample, options decided so far as a bit mask, benefit, cost). A node branches on the
next option: without it (unless a funded option requires it) and with it (if it fits
every budget, no funded member shares a group with it, and what it requires among the
decided options is funded). Adding an option with b_sj <= 0 that no option requires is
skipped: the portfolio without it is as good and wins the tie rule. A node is dropped
when its benefit plus an upper bound on what the later options can add is below the
sample's incumbent minus the tie tolerance, so every portfolio within the tolerance of
the optimum survives; the tie rule of `optimal` then picks among the complete ones.

Upper bound: for each resource r, the fractional knapsack (Dantzig 1957) of the later
options with b_sj > 0 in the remaining share 1 - cost_r, taken in order of b_sj / a_sjr;
the least over the resources. Incumbents (supplied by the caller): in `montecarlo`, the
better of `greedy` (value for money within the sample's costs) and the best, in that
sample, of portfolios feasible at every cost in range. With one resource, a node is also
dropped when a node of the same sample and rule signature costs no more and is better by
more than the tie tolerance (`_outdone`).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from assess.kernels.portfolio import rules
from assess.kernels.portfolio.problem import BUDGET_RTOL, VALUE_RTOL, PortfolioProblem

CAP = 1.0 + BUDGET_RTOL

OUTDONE_FROM = 8
"""Compare nodes of one sample only when there are more than this many per sample (sorting
them costs more than it saves below)."""


def _curves(benefit: NDArray, shares: NDArray, later: NDArray[np.int64]):
    """Per resource: cumulative weights (k, L), values (k, L), ratios (k, L) in ratio order."""
    v = np.maximum(benefit[:, later], 0.0)
    out = []
    for r in range(shares.shape[2]):
        a = shares[:, later, r]
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(a > 0, v / a, np.where(v > 0, np.inf, 0.0))
        order = np.argsort(-ratio, axis=1, kind="stable")
        w = np.take_along_axis(np.where(v > 0, a, 0.0), order, axis=1)
        out.append(
            (
                np.cumsum(w, axis=1),
                np.cumsum(np.take_along_axis(v, order, axis=1), axis=1),
                np.take_along_axis(ratio, order, axis=1),
            )
        )
    return out


def _bound(curves, sample: NDArray[np.int64], room: NDArray) -> NDArray:
    """(N,) the least over resources of the fractional fill of `room` (N, r) by later options."""
    out = np.full(sample.size, np.inf)
    for r, (cw, cv, ratio) in enumerate(curves):
        L = cw.shape[1]
        if L == 0:
            return np.zeros(sample.size)
        cap = np.maximum(room[:, r], 0.0)
        span = max(float(cw[:, -1].max()), float(cap.max(initial=0.0))) + 1.0
        flat = (cw + span * np.arange(cw.shape[0])[:, None]).ravel()
        cnt = np.searchsorted(flat, cap + span * sample, side="right") - sample * L
        last = np.maximum(cnt - 1, 0)
        taken = np.where(cnt > 0, cv[sample, last], 0.0)
        used = np.where(cnt > 0, cw[sample, last], 0.0)
        nxt = np.minimum(cnt, L - 1)
        rate = np.where(np.isinf(ratio[sample, nxt]), 0.0, ratio[sample, nxt])
        part = np.where(cnt < L, (cap - used) * rate, 0.0)
        out = np.minimum(out, taken + np.maximum(part, 0.0))
    return out


def greedy(problem: PortfolioProblem, benefit: NDArray, shares: NDArray) -> NDArray:
    """(k,) the benefit of a feasible portfolio per sample (-inf if the forced ones do not fit):
    from the forced options, add each option with b_sj > 0 in order of b_sj / sum_r a_sjr when
    it fits, no funded option shares a group with it and what it requires is already funded."""
    k, n = benefit.shape
    force, block = rules.forced(problem), rules.blocked(problem)
    held = np.broadcast_to(force, (k, n)).copy()
    cost = shares[:, force, :].sum(axis=1)
    value = benefit[:, force].sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = benefit / shares.sum(axis=2)
    ratio = np.where(benefit > 0, np.nan_to_num(ratio, posinf=np.inf), -np.inf)
    order = np.argsort(-ratio, axis=1, kind="stable")
    rows = np.arange(k)
    req = problem.requires
    for pos in range(n):
        j = order[:, pos]
        ok = (benefit[rows, j] > 0) & ~block[j] & ~held[rows, j]
        new_cost = cost + shares[rows, j, :]
        ok &= np.all(new_cost <= CAP, axis=1)
        for a, b in req:
            ok &= (j != a) | held[:, b]
        for g in problem.groups:
            ok &= ~(np.isin(j, g) & held[:, g].any(axis=1))
        held[rows[ok], j[ok]] = True
        cost[ok] = new_cost[ok]
        value[ok] += benefit[rows[ok], j[ok]]
    return np.where(np.all(shares[:, force, :].sum(axis=1) <= CAP, axis=1), value, -np.inf)


def solve_many(
    problem: PortfolioProblem, benefit: NDArray, shares: NDArray, incumbent: NDArray
) -> tuple[NDArray[np.uint64], NDArray[np.bool_]]:
    """Each sample's optimal portfolio as a bit mask (bit j = option j), and which samples
    have a feasible portfolio at all. benefit (k, n), shares (k, n, r), incumbent (k,) a
    lower bound on each optimum (-inf if unknown)."""
    k, n = benefit.shape
    force, block = rules.forced(problem), rules.blocked(problem)
    free = np.flatnonzero(~force & ~block)
    u = problem.shares.sum(axis=1)
    free = free[np.argsort(-benefit[:, free].mean(axis=0) / (u[free] + 1e-12), kind="stable")]
    bit = np.uint64(1) << np.arange(n, dtype=np.uint64)
    tol = VALUE_RTOL * np.maximum(1.0, np.abs(benefit).sum(axis=1))
    sample = np.arange(k)
    mask = np.full(k, bit[force].sum(dtype=np.uint64) if force.any() else np.uint64(0))
    value = benefit[:, force].sum(axis=1)
    cost = shares[:, force, :].sum(axis=1)
    alive = np.all(cost <= CAP, axis=1)
    sample, mask, value, cost = sample[alive], mask[alive], value[alive], cost[alive]
    required = np.zeros(n, dtype=bool)
    required[problem.requires[:, 1]] = True
    decided = force | block
    for pos, j in enumerate(free.tolist()):
        sample, mask, value, cost = _branch(
            problem, benefit, shares, j, bit, decided, required, sample, mask, value, cost
        )
        decided[j] = True
        ub = _bound(_curves(benefit, shares, free[pos + 1 :]), sample, 1.0 + BUDGET_RTOL - cost)
        keep = value + ub >= incumbent[sample] - tol[sample]
        sample, mask, value, cost = sample[keep], mask[keep], value[keep], cost[keep]
        if cost.shape[1] == 1 and sample.size > OUTDONE_FROM * k:
            keep = ~_outdone(problem, bit, decided, sample, mask, value, cost[:, 0], tol)
            sample, mask, value, cost = sample[keep], mask[keep], value[keep], cost[keep]
    share_tol = VALUE_RTOL * np.maximum(1.0, shares.sum(axis=(1, 2)))
    return _pick(n, k, sample, mask, value, cost, tol, share_tol)


def _signature(problem, bit, decided, mask) -> tuple[NDArray[np.int64], int]:
    """Per node an integer of the rule features that reach the undecided options (nodes with
    equal signatures admit the same completions, budget aside), and its number of bits."""
    code = np.zeros(mask.size, dtype=np.int64)
    f = 0
    for g in problem.groups:
        if not decided[g].all():
            code |= ((mask & bit[g].sum(dtype=np.uint64)) != 0).astype(np.int64) << f
            f += 1
    req = problem.requires
    for a, b in req[decided[req[:, 0]] ^ decided[req[:, 1]]]:
        held = a if decided[a] else b
        code |= ((mask & bit[held]) != 0).astype(np.int64) << f
        f += 1
    return code, f


def _outdone(problem, bit, decided, sample, mask, value, cost, tol) -> NDArray[np.bool_]:
    """One resource: whether another node of the same sample and signature costs no more and
    is better by more than the tie tolerance (then no completion of this one can win)."""
    code, width = _signature(problem, bit, decided, mask)
    key = (sample.astype(np.int64) << width) | code
    order = np.lexsort((cost, key))
    s, key, v = sample[order], key[order], value[order]
    start = np.ones(s.size, dtype=bool)
    start[1:] = key[1:] != key[:-1]
    seg = np.cumsum(start)
    spread = float(v.max() - v.min()) + 1.0
    shifted = v + spread * 2 * seg
    before = np.maximum.accumulate(shifted)
    best_before = np.empty_like(before)
    best_before[0] = -np.inf
    best_before[1:] = before[:-1]
    best_before[start] = -np.inf
    out = np.zeros(s.size, dtype=bool)
    margin = 8 * np.finfo(float).eps * float(np.abs(shifted).max())  # the offsets' rounding
    out[order] = best_before > shifted + tol[s] + margin
    return out


def _branch(problem, benefit, shares, j, bit, decided, required, sample, mask, value, cost):
    """Both children of every node on option j, where the rules and budgets allow."""
    has = lambda i: (mask & bit[i]) != 0  # noqa: E731
    req = problem.requires
    skip = np.ones(sample.size, dtype=bool)
    for a in req[(req[:, 1] == j) & decided[req[:, 0]], 0]:
        skip &= ~has(a)
    new_cost = cost + shares[sample, j, :]
    add = np.all(new_cost <= CAP, axis=1)
    if not required[j]:
        add &= benefit[sample, j] > 0
    for b in req[(req[:, 0] == j) & decided[req[:, 1]], 1]:
        add &= has(b)
    for g in problem.groups:
        if np.any(g == j):
            gmask = bit[g].sum(dtype=np.uint64)
            add &= (mask & gmask) == 0
    return (
        np.concatenate([sample[skip], sample[add]]),
        np.concatenate([mask[skip], mask[add] | bit[j]]),
        np.concatenate([value[skip], value[add] + benefit[sample[add], j]]),
        np.concatenate([cost[skip], new_cost[add]]),
    )


def _pick(n, k, sample, mask, value, cost, tol, share_tol):
    """Per sample the tie rule: best benefit, then cheapest, then fewest, then lowest indices."""
    found = np.zeros(k, dtype=bool)
    found[sample] = True
    best = np.full(k, -np.inf)
    np.maximum.at(best, sample, value)
    tied = value >= best[sample] - tol[sample]
    sample, mask, cost = sample[tied], mask[tied], cost[tied]
    u = cost.sum(axis=1)
    cheapest = np.full(k, np.inf)
    np.minimum.at(cheapest, sample, u)
    ok = u <= cheapest[sample] + share_tol[sample]
    sample, mask = sample[ok], mask[ok]
    X = ((mask[:, None] >> np.arange(n, dtype=np.uint64)) & np.uint64(1)).astype(bool)
    count = X.sum(axis=1)
    order = np.lexsort((*(~X[:, j] for j in reversed(range(n))), count, sample))
    first = np.ones(order.size, dtype=bool)
    first[1:] = sample[order][1:] != sample[order][:-1]
    out = np.zeros(k, dtype=np.uint64)
    out[sample[order][first]] = mask[order][first]
    return out, found
