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
  & Trotter 2003): every subset of k statements for k = 1, 2, ... below the
  size of the filter's IIS, until one is infeasible. Used when there are at
  most `EXACT_LIMIT` = 15 statements: at most 2^15 = 32,768 LPs in the worst
  case (every statement in one IIS), a few seconds; in practice a conflict
  of two or three statements is found after a few hundred LPs.

Each feasibility test is an LP on one model whose statement rows are switched
off (bounds -inf..inf) rather than rebuilt.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from assess.kernels.preferences._lp import LinearProgram
from assess.kernels.preferences.statements import Statement, statement_rows

EXACT_LIMIT = 15
"""Up to this many statements the smallest conflicting subset is searched exactly."""


@dataclass(frozen=True, slots=True)
class Conflict:
    statements: tuple[int, ...]
    """Indices (in the statement list) of a set of statements that admits no weights."""
    smallest: bool
    """True if no smaller set conflicts (exact search); False: irreducible only."""


class _Switchboard:
    """One LP with every statement's rows; `feasible(keep)` switches the others off."""

    def __init__(self, m: int, statements: Sequence[Statement]) -> None:
        rows = statement_rows(m, statements)
        A = np.vstack([rows.A, rows.E, np.ones((1, m))])
        self.lo = np.concatenate([np.full(rows.A.shape[0], -np.inf), rows.f, [1.0]])
        self.hi = np.concatenate([rows.b, rows.f, [1.0]])
        self.source = np.concatenate([rows.source, rows.eq_source, [-1]])
        self.lp = LinearProgram(A, self.lo, self.hi, 0.0, np.inf)
        self.switchable = np.flatnonzero(self.source >= 0)
        self.m = m

    def feasible(self, keep: Iterable[int]) -> bool:
        on = np.isin(self.source[self.switchable], list(keep))
        rows = self.switchable
        self.lp.set_rows(rows, np.where(on, self.lo[rows], -np.inf), np.where(on, self.hi[rows], np.inf))
        return self.lp.solve(np.zeros(self.m)).status == "optimal"


def deletion_filter(board: _Switchboard, candidates: Sequence[int]) -> tuple[int, ...]:
    """An IIS among `candidates` (which together must be infeasible)."""
    kept = list(candidates)
    for s in list(kept):
        trial = [k for k in kept if k != s]
        if not board.feasible(trial):
            kept = trial
    return tuple(kept)


def minimal_conflict(
    m: int, statements: Sequence[Statement], exact_limit: int | None = None
) -> Conflict | None:
    """None if the statements admit weights, else a conflicting subset (module docstring)."""
    board = _Switchboard(m, statements)
    everything = range(len(statements))
    if board.feasible(everything):
        return None
    iis = deletion_filter(board, everything)
    limit = EXACT_LIMIT if exact_limit is None else exact_limit
    if len(statements) > limit:
        return Conflict(iis, smallest=len(iis) == 1)
    for k in range(1, len(iis)):
        for subset in combinations(everything, k):
            if not board.feasible(subset):
                return Conflict(subset, smallest=True)
    return Conflict(iis, smallest=True)
