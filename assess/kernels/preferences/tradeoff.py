"""Trade-off questions, two criteria at a time, each answer a weight statement.

In the spirit of PAPRIKA (Hansen & Ombler 2008, "A new method for scoring
additive multi-attribute value models using pairwise rankings of
alternatives", J. Multi-Criteria Decision Analysis 15:87-107): the planner is
asked about two criteria at a time, every answer narrows the weights, and
they can stop whenever they like; the answers so far bound the weights.
Here each question is about a swing-weight ratio, as in PRIME's ratio
judgements (Salo & Hamalainen 2001):

    "Is criterion i's swing worth more than r times criterion j's?"

* The pair: the one whose ratio w_i / w_j is least settled, the widest range
  ln(hi / lo) over the polytope (`WeightPolytope.ratio_bounds`), with ranges
  clipped to [1 / RATIO_CAP, RATIO_CAP] so that an unbounded ratio (no
  information yet) has a finite width; ties go to the lowest (i, j).
* The threshold: the geometric midpoint r = sqrt(lo hi) of the clipped
  range, so either answer halves its log width; i and j are oriented so
  that r >= 1.
* The answers: "more" gives Ratio(i, j, lo=r); "less" Ratio(i, j, hi=r);
  "same" ("about the same") Ratio(i, j, r / sqrt(F), r sqrt(F)), a band of
  width exactly the settling factor F.
* Settled: every pair's clipped range within a factor F
  (hi / lo <= F, default `SETTLED_FACTOR` = 1.5, i.e. each ratio known to
  within about +-22 %); ratios beyond 1:RATIO_CAP count as settled at the cap.

A planner who answers honestly for hidden weights w* ("same" when
w*_i / w*_j is within the band, else "more" or "less") never excludes w*,
and the ranges close in on w*'s ratios (tests simulate one).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from assess.kernels.preferences.polytope import WeightPolytope
from assess.kernels.preferences.statements import Ratio

RATIO_CAP = 100.0
SETTLED_FACTOR = 1.5
Reply = Literal["more", "less", "same"]


@dataclass(frozen=True, slots=True)
class Question:
    """Is criterion i's swing worth more than `ratio` times criterion j's?"""

    i: int
    j: int
    ratio: float
    lo: float
    hi: float
    """The current (clipped) range of w_i / w_j that the question splits."""


def ratio_ranges(polytope: WeightPolytope, cap: float = RATIO_CAP) -> NDArray[np.float64]:
    """(m, m, 2): [i, j] = (lo, hi) of w_i / w_j clipped to [1/cap, cap]; NaN on the
    diagonal and where the ratio is undefined (w_i = w_j = 0 on all of P)."""
    m = polytope.m
    out = np.full((m, m, 2), np.nan)
    for i in range(m):
        for j in range(i + 1, m):
            pair = np.array(_pair(polytope, i, j))
            with np.errstate(divide="ignore"):
                out[i, j], out[j, i] = pair, 1 / pair[::-1]
    return np.clip(out, 1 / cap, cap)


def _pair(polytope: WeightPolytope, i: int, j: int) -> tuple[float, float]:
    lo, hi = polytope.ratio_bounds(i, j)
    if np.isnan(lo):  # w_j = 0 on all of P: the ratio is infinite, unless w_i = 0 too
        both_zero = np.isnan(polytope.ratio_bounds(j, i)[0])
        return (np.nan, np.nan) if both_zero else (np.inf, np.inf)
    return lo, hi


def next_question(
    polytope: WeightPolytope, *, factor: float = SETTLED_FACTOR, cap: float = RATIO_CAP
) -> Question | None:
    """The question that halves the least settled ratio; None once all are settled."""
    if factor <= 1 or cap <= 1:
        raise ValueError("factor and cap must be above 1")
    ranges = ratio_ranges(polytope, cap)
    with np.errstate(invalid="ignore"):
        width = np.log(ranges[:, :, 1] / ranges[:, :, 0])
    width = np.where(np.isnan(width), -np.inf, np.triu(width, 1) + np.tril(np.full_like(width, -np.inf)))
    i, j = np.unravel_index(int(np.argmax(width)), width.shape)
    if not width[i, j] > math.log(factor) + 1e-12:
        return None
    lo, hi = ranges[i, j]
    r = math.sqrt(lo * hi)
    if r < 1:
        i, j, lo, hi, r = j, i, 1 / hi, 1 / lo, 1 / r
    return Question(int(i), int(j), r, float(lo), float(hi))


def answer(question: Question, reply: Reply, *, factor: float = SETTLED_FACTOR) -> Ratio:
    """The statement a reply makes (module docstring)."""
    q = question
    if reply == "more":
        return Ratio(q.i, q.j, lo=q.ratio)
    if reply == "less":
        return Ratio(q.i, q.j, hi=q.ratio)
    if reply == "same":
        band = math.sqrt(factor)
        return Ratio(q.i, q.j, q.ratio / band, q.ratio * band)
    raise ValueError(f"a reply is 'more', 'less' or 'same', not {reply!r}")


def settled(polytope: WeightPolytope, *, factor: float = SETTLED_FACTOR, cap: float = RATIO_CAP) -> bool:
    """Whether every ratio range is within the factor (no question left)."""
    return next_question(polytope, factor=factor, cap=cap) is None
