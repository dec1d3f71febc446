"""Weight statements on criteria indices, and the linear rows they stand for.

Weights are normalised swing weights: w >= 0, sum w = 1 (the simplex). Each
statement narrows the simplex by linear rows, inequalities a . w <= b and
equalities a . w = b:

* `Order(groups)`: groups of criteria, most important first; for consecutive
  groups g, g' (with representatives r = g[0], r' = g'[0]) one row
  w_r' - w_r <= 0, and for each further member k of a group a tie row
  w_k - w_r = 0. "security >= sanctions >= competence" is
  `Order(((s,), (n,), (c,)))`; `Order(((s, n), (c,)))` ties s and n.
* `Interval(i, lo, hi)`: lo <= w_i <= hi, rows -w_i <= -lo and w_i <= hi.
* `Ratio(i, j, lo, hi)`: lo <= w_i / w_j <= hi, written without division as
  lo w_j - w_i <= 0 and w_i - hi w_j <= 0; lo = 1 reads "i at least as
  important as j". With w_j = 0 the rows force w_i = 0 when hi is given.
* `Exact(i, value)`: w_i = value, one equality row.

Either end of an interval or ratio may be None (no bound). These are the
statement kinds of preference programming: ordinal and interval weight
information (Kirkwood & Sarin 1985, Operations Research 33(1):38-48) and
ratio judgements of PRIME (Salo & Hamalainen 2001, IEEE Trans. SMC-A
31(6):533-545).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Union

import numpy as np
from numpy.typing import NDArray


def _index(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 0:
        raise ValueError(f"{what} must be a criterion index (an integer >= 0), not {value!r}")
    return int(value)


def _bound(value: float | None, what: str, upper: float | None) -> float | None:
    if value is None:
        return None
    number = float(value)
    if not math.isfinite(number) or number < 0 or (upper is not None and number > upper):
        limit = f"in [0, {upper:g}]" if upper is not None else ">= 0 and finite"
        raise ValueError(f"{what} must be {limit}, not {value!r}")
    return number


def _ordered(lo: float | None, hi: float | None, what: str) -> None:
    if lo is not None and hi is not None and lo > hi:
        raise ValueError(f"{what}: lower bound {lo:g} is above upper bound {hi:g}")
    if lo is None and hi is None:
        raise ValueError(f"{what}: give a lower bound, an upper bound or both")


@dataclass(frozen=True, slots=True)
class Order:
    """Groups of criteria, most important first; members of a group weigh the same."""

    groups: tuple[tuple[int, ...], ...]

    def __init__(self, groups: Iterable[Iterable[int]]) -> None:
        clean = tuple(tuple(_index(i, "Order member") for i in g) for g in groups)
        if len(clean) == 0 or any(len(g) == 0 for g in clean):
            raise ValueError("Order needs non-empty groups")
        flat = [i for g in clean for i in g]
        if len(set(flat)) != len(flat):
            raise ValueError(f"Order names a criterion twice: {flat}")
        object.__setattr__(self, "groups", clean)

    def indices(self) -> tuple[int, ...]:
        return tuple(i for g in self.groups for i in g)

    def rows(self, m: int) -> tuple[list[NDArray], list[float], list[NDArray], list[float]]:
        ub, eq = [], []
        for g in self.groups:
            eq += [_unit(m, {k: 1.0, g[0]: -1.0}) for k in g[1:]]
        for g, nxt in zip(self.groups, self.groups[1:], strict=False):
            ub.append(_unit(m, {nxt[0]: 1.0, g[0]: -1.0}))
        return ub, [0.0] * len(ub), eq, [0.0] * len(eq)


@dataclass(frozen=True, slots=True)
class Interval:
    """lo <= w_i <= hi (normalised weight); either end may be None."""

    i: int
    lo: float | None = None
    hi: float | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "i", _index(self.i, "Interval criterion"))
        object.__setattr__(self, "lo", _bound(self.lo, "Interval lower bound", 1.0))
        object.__setattr__(self, "hi", _bound(self.hi, "Interval upper bound", 1.0))
        _ordered(self.lo, self.hi, "Interval")

    def indices(self) -> tuple[int, ...]:
        return (self.i,)

    def rows(self, m: int) -> tuple[list[NDArray], list[float], list[NDArray], list[float]]:
        ub, b = [], []
        if self.lo is not None:
            ub.append(_unit(m, {self.i: -1.0}))
            b.append(-self.lo)
        if self.hi is not None:
            ub.append(_unit(m, {self.i: 1.0}))
            b.append(self.hi)
        return ub, b, [], []


@dataclass(frozen=True, slots=True)
class Ratio:
    """lo <= w_i / w_j <= hi; either end may be None; lo = 1: i at least as important as j."""

    i: int
    j: int
    lo: float | None = None
    hi: float | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "i", _index(self.i, "Ratio criterion"))
        object.__setattr__(self, "j", _index(self.j, "Ratio criterion"))
        if self.i == self.j:
            raise ValueError(f"Ratio compares criterion {self.i} with itself")
        object.__setattr__(self, "lo", _bound(self.lo, "Ratio lower bound", None))
        object.__setattr__(self, "hi", _bound(self.hi, "Ratio upper bound", None))
        _ordered(self.lo, self.hi, "Ratio")

    def indices(self) -> tuple[int, ...]:
        return (self.i, self.j)

    def rows(self, m: int) -> tuple[list[NDArray], list[float], list[NDArray], list[float]]:
        ub = []
        if self.lo is not None:
            ub.append(_unit(m, {self.j: self.lo, self.i: -1.0}))
        if self.hi is not None:
            ub.append(_unit(m, {self.i: 1.0, self.j: -self.hi}))
        return ub, [0.0] * len(ub), [], []


@dataclass(frozen=True, slots=True)
class Exact:
    """w_i = value (normalised weight)."""

    i: int
    value: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "i", _index(self.i, "Exact criterion"))
        object.__setattr__(self, "value", _bound(self.value, "Exact weight", 1.0))

    def indices(self) -> tuple[int, ...]:
        return (self.i,)

    def rows(self, m: int) -> tuple[list[NDArray], list[float], list[NDArray], list[float]]:
        return [], [], [_unit(m, {self.i: 1.0})], [float(self.value)]


Statement = Union[Order, Interval, Ratio, Exact]  # noqa: UP007 (a runtime alias)


def _unit(m: int, entries: dict[int, float]) -> NDArray[np.float64]:
    row = np.zeros(m)
    for k, v in entries.items():
        row[k] += v
    return row


@dataclass(frozen=True, eq=False)
class Rows:
    """The rows of a list of statements: A w <= b and E w = f.

    `source[r]` / `eq_source[r]` is the index (in the list) of the statement
    row r came from. The simplex itself (w >= 0, sum w = 1) is not included.
    """

    A: NDArray[np.float64]
    b: NDArray[np.float64]
    source: NDArray[np.int64]
    E: NDArray[np.float64]
    f: NDArray[np.float64]
    eq_source: NDArray[np.int64]


def statement_rows(m: int, statements: Sequence[Statement]) -> Rows:
    """Rows of every statement, checking that each names criteria 0..m-1 only."""
    ub: list[NDArray] = []
    b: list[float] = []
    src: list[int] = []
    eq: list[NDArray] = []
    f: list[float] = []
    eq_src: list[int] = []
    for s, statement in enumerate(statements):
        if not isinstance(statement, Order | Interval | Ratio | Exact):
            raise ValueError(f"statement {s}: not a weight statement: {statement!r}")
        bad = [i for i in statement.indices() if i >= m]
        if bad:
            raise ValueError(f"statement {s}: criterion index {bad[0]} out of range for {m} criteria")
        a_ub, b_ub, a_eq, b_eq = statement.rows(m)
        ub += a_ub
        b += b_ub
        src += [s] * len(a_ub)
        eq += a_eq
        f += b_eq
        eq_src += [s] * len(a_eq)
    return Rows(
        np.array(ub).reshape(-1, m),
        np.array(b, dtype=float),
        np.array(src, dtype=np.int64),
        np.array(eq).reshape(-1, m),
        np.array(f, dtype=float),
        np.array(eq_src, dtype=np.int64),
    )
