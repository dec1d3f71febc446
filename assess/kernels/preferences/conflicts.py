"""Which statements conflict, when together they admit no weights.

An irreducible infeasible subset (IIS) is a set of statements that admits
no weights (with the simplex w >= 0, sum w = 1, which is always kept) while
every proper subset does. Two searches:

* Deletion filter (Chinneck & Dravnieks 1991, "Locating minimal infeasible
  constraint sets in linear programs", ORSA Journal on Computing 3:157-168):
  drop each statement in turn and keep it out if the rest is still
  infeasible. One LP per statement; the result is an IIS, not always the
  smallest one.
* Smallest IIS (a minimum-cardinality one; NP-hard in general, Amaldi, Pfetsch
  & Trotter 2003) by hitting-set duality: every infeasible subset meets every
  correction set (the complement of a maximal feasible subset), and a
  smallest set that meets all of them is a smallest IIS (Chinneck 2008,
  "Feasibility and Infeasibility in Optimization", Springer, ch. 4, on
  the IIS / maximum-feasible-subset duality; the implicit hitting-set loop of
  Ignatiev, Previti, Liffiton & Marques-Silva 2015, "Smallest MUS extraction
  with minimal hitting set dualization", CP 2015, LNCS 9255:173-182). The
  loop keeps a few correction sets K, takes a smallest set H meeting each
  (exact, by iterative deepening on its size), and tests H: infeasible, H is
  a smallest IIS (no smaller set meets K, and every IIS does); feasible, H is
  grown to a maximal feasible subset F and its complement joins K. Growing
  adds every statement that the LP's point for F already satisfies at once,
  so it takes far fewer LPs than statements. Only statements in some
  correction set are ever candidates, so the search is among the statements
  that take part in a conflict, not among all subsets: a planted conflict of
  3 among 40 statements takes a few dozen LPs (tests/kernels/preferences/
  test_prefs_conflicts.py). It is stopped after `EXACT_BUDGET` LPs (and as
  many hitting-set nodes); the result is then the filter's IIS, marked
  `smallest=False`: an irreducible conflict, not proven smallest, unless the
  bound already reached its size.

Each feasibility test is an LP on one model whose statement rows are switched
off (bounds -inf..inf) rather than rebuilt.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from assess.kernels.preferences._lp import LinearProgram
from assess.kernels.preferences.statements import Statement, statement_rows

EXACT_BUDGET = 20_000
"""LPs (and hitting-set search nodes) the smallest-conflict search may spend:
about 5 s at most (0.15-0.45 ms per LP measured at 20-60 statements); past it
the filter's irreducible conflict is reported, not proven smallest."""
SATISFIED_TOL = 1e-12
"""A statement counts as satisfied by an LP point (no LP of its own) within this."""


@dataclass(frozen=True, slots=True)
class Conflict:
    statements: tuple[int, ...]
    """Indices (in the statement list) of a set of statements that admits no weights."""
    smallest: bool
    """True if no smaller set conflicts (proven); False: irreducible, not proven smallest."""


class _Switchboard:
    """One LP with every statement's rows; `point(keep)` switches the others off."""

    def __init__(self, m: int, statements: Sequence[Statement]) -> None:
        rows = statement_rows(m, statements)
        A = np.vstack([rows.A, rows.E, np.ones((1, m))])
        self.lo = np.concatenate([np.full(rows.A.shape[0], -np.inf), rows.f, [1.0]])
        self.hi = np.concatenate([rows.b, rows.f, [1.0]])
        self.A = A
        self.source = np.concatenate([rows.source, rows.eq_source, [-1]])
        self.lp = LinearProgram(A, self.lo, self.hi, 0.0, np.inf)
        self.switchable = np.flatnonzero(self.source >= 0)
        self.m, self.n = m, len(statements)
        self.solved = 0

    def point(self, keep: Iterable[int]) -> NDArray[np.float64] | None:
        """Weights satisfying the statements `keep` (None: they admit none)."""
        on = np.isin(self.source[self.switchable], list(keep))
        rows = self.switchable
        self.lp.set_rows(rows, np.where(on, self.lo[rows], -np.inf), np.where(on, self.hi[rows], np.inf))
        self.solved += 1
        return self.lp.solve(np.zeros(self.m)).x

    def feasible(self, keep: Iterable[int]) -> bool:
        return self.point(keep) is not None

    def satisfied(self, w: NDArray[np.float64]) -> set[int]:
        """The statements all of whose rows w satisfies (within `SATISFIED_TOL`)."""
        aw = self.A @ w
        bad = (aw < self.lo - SATISFIED_TOL) | (aw > self.hi + SATISFIED_TOL)
        broken = set(self.source[bad].tolist())
        return {s for s in range(self.n) if s not in broken}


def deletion_filter(board: _Switchboard, candidates: Sequence[int]) -> tuple[int, ...]:
    """An IIS among `candidates` (which together must be infeasible)."""
    kept = list(candidates)
    for s in list(kept):
        trial = [k for k in kept if k != s]
        if not board.feasible(trial):
            kept = trial
    return tuple(kept)


def _grow(board: _Switchboard, start: Iterable[int], w: NDArray[np.float64]) -> set[int]:
    """A maximal feasible subset containing `start` (feasible, with point w)."""
    kept = board.satisfied(w) | set(start)
    for s in range(board.n):
        if s in kept:
            continue
        found = board.point([*kept, s])
        if found is not None:
            kept |= board.satisfied(found) | {s}
    return kept


class _OutOfBudget(Exception):
    pass


def _hitting_set(sets: list[frozenset[int]], size: int, nodes: list[int]) -> tuple[int, ...] | None:
    """A set of at most `size` elements meeting every set (None: there is none).

    Depth-first: branch on the elements of the smallest set not yet met.
    `nodes[0]` counts down the search budget (raises `_OutOfBudget` at zero)."""

    def search(chosen: tuple[int, ...], open_sets: list[frozenset[int]]) -> tuple[int, ...] | None:
        nodes[0] -= 1
        if nodes[0] < 0:
            raise _OutOfBudget
        if not open_sets:
            return chosen
        if len(chosen) == size:
            return None
        branch = min(open_sets, key=len)
        for e in sorted(branch):
            found = search((*chosen, e), [s for s in open_sets if e not in s])
            if found is not None:
                return found
        return None

    return search((), sets)


def smallest_conflict(
    board: _Switchboard, upper: tuple[int, ...], budget: int
) -> tuple[tuple[int, ...], bool]:
    """A smallest IIS, or `upper` (an IIS) if the budget runs out first: (IIS, proven)."""
    correction: list[frozenset[int]] = []
    size, nodes = 0, [budget]
    start = board.solved
    try:
        while size < len(upper):
            hit = _hitting_set(correction, size, nodes)
            if hit is None:
                size += 1
                continue
            if board.solved - start >= budget:
                raise _OutOfBudget
            w = board.point(hit)
            if w is None:
                return tuple(sorted(hit)), True
            kept = _grow(board, hit, w)
            correction.append(frozenset(range(board.n)) - kept)
    except _OutOfBudget:
        return upper, False
    return upper, True


def minimal_conflict(m: int, statements: Sequence[Statement], budget: int | None = None) -> Conflict | None:
    """None if the statements admit weights, else a conflicting subset (module docstring).

    `budget`: LPs for the smallest-conflict search (default `EXACT_BUDGET`; 0
    gives the deletion filter's IIS alone)."""
    board = _Switchboard(m, statements)
    everything = range(len(statements))
    if board.feasible(everything):
        return None
    iis = deletion_filter(board, everything)
    if len(iis) == 1:
        return Conflict(iis, smallest=True)
    found, proven = smallest_conflict(board, iis, EXACT_BUDGET if budget is None else budget)
    return Conflict(found, smallest=proven)
