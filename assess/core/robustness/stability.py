"""Weight stability of a view, keyed by id: `assess.kernels.robustness.stability` on the
options no veto excludes, its indices mapped back to option and criterion ids
(see `assess.core.robustness.analysis`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from numpy.typing import NDArray

from assess.core.view import View
from assess.kernels.robustness import weight_stability


@dataclass(frozen=True, slots=True)
class CriterionStability:
    """How far one criterion's weight (a share of 1) can move alone."""

    criterion: str
    weight: float
    first_lo: float
    first_hi: float
    """The first option stays first while the weight is in [first_lo, first_hi]."""
    first_taker_lo: str | None
    first_taker_hi: str | None
    """Who becomes first below / above that interval (None: nobody, the end is 0 or 1)."""
    ranking_lo: float
    ranking_hi: float
    """The whole ranking stays the same while the weight is in [ranking_lo, ranking_hi]."""
    swap_lo: tuple[str, str] | None
    swap_hi: tuple[str, str] | None
    """(higher-placed, lower-placed) options that swap past each end."""


@dataclass(frozen=True, slots=True)
class FirstPlaceChange:
    """The smallest single-weight change that changes the first place."""

    criterion: str
    weight_from: float
    weight_to: float
    """At this weight the new first ties; past it, it leads."""
    change: float
    direction: Literal["up", "down"]
    new_first: str


@dataclass(frozen=True, slots=True)
class Stability:
    order: tuple[str, ...]
    """The options analysed, best first (ties by the view's order)."""
    criteria: tuple[CriterionStability, ...]
    smallest_change: FirstPlaceChange | None


def stability(view: View, ids: list[str], values: NDArray) -> Stability:
    """Stability of the options `ids`, whose rows of the value matrix are `values`."""
    result = weight_stability(values, view.weights)
    crit = list(view.criterion_ids)

    def opt(i: int | None) -> str | None:
        return None if i is None else ids[i]

    def pair(p: tuple[int, int] | None) -> tuple[str, str] | None:
        return None if p is None else (ids[p[0]], ids[p[1]])

    rows = tuple(
        CriterionStability(
            crit[c.criterion],
            c.weight,
            c.first_lo,
            c.first_hi,
            opt(c.first_taker_lo),
            opt(c.first_taker_hi),
            c.rank_lo,
            c.rank_hi,
            pair(c.swap_lo),
            pair(c.swap_hi),
        )
        for c in result.criteria
    )
    s = result.smallest_change
    change = None
    if s is not None:
        direction: Literal["up", "down"] = "up" if s.direction > 0 else "down"
        change = FirstPlaceChange(
            crit[s.criterion], s.weight_from, s.weight_to, s.change, direction, ids[s.new_first]
        )
    return Stability(tuple(ids[i] for i in result.order), rows, change)
