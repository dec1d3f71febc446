"""Tornado bars of a view, keyed by id, and each weight's plausible range
(see `assess.core.robustness.analysis` for the default range)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from assess.core.values import value_matrix
from assess.core.view import View
from assess.kernels.robustness import tornado

DEFAULT_WEIGHT_SPREAD = 0.5
"""Relative half-width of each weight's plausible range (tornado) without assessors."""


@dataclass(frozen=True, slots=True)
class TornadoBar:
    """One input moved across its range, everything else fixed."""

    source: Literal["score", "weight"]
    criterion: str
    input_low: float
    input_high: float
    """The input at the end giving `total_low` / `total_high` (a raw score, or a weight share)."""
    total_low: float
    total_high: float
    swing: float


@dataclass(frozen=True, slots=True)
class OptionTornado:
    option: str
    total: float
    bars: tuple[TornadoBar, ...]
    """Largest swing first; inputs without a range have no bar."""


@dataclass(frozen=True, slots=True)
class WeightRanges:
    source: Literal["assessors", "relative", "statements"]
    spread: float | None
    """r of w (1 +- r) when the source is "relative"."""
    ranges: dict[str, tuple[float, float]]


def value_ends(view: View, kept: NDArray[np.bool_]) -> tuple[NDArray, NDArray]:
    """The value matrices of the low and high ends of every score, rows `kept`."""
    criteria = list(view.criteria)
    return value_matrix(criteria, view.low)[kept], value_matrix(criteria, view.high)[kept]


def _assessor_shares(view: View) -> list[NDArray]:
    from assess.core.statements import spec_weights

    shares = []
    for assessor in view.case.assessors.values():
        if assessor.weights is None:
            continue
        derived = spec_weights(assessor.weights, view.criterion_ids).weights
        w = np.array([derived.get(c.id, 0.0) for c in view.criteria])
        if w.sum() > 0:
            shares.append(w / w.sum())
    return shares


def weight_ranges(view: View, spread: float | None = None) -> WeightRanges:
    """Each criterion's plausible weight range: with weight statements (and no
    `spread`), the least and greatest share they allow (`WeightPolytope.bounds`);
    else the assessors' lowest to highest weight when two or more gave weights,
    else w (1 +- r), r = `spread` or 0.5."""
    from assess.core.statements import spec_polytope

    w, ids = view.shares, list(view.criterion_ids)
    vp = spec_polytope(view.weight_spec, ids)
    if spread is None and not vp.is_simplex:
        bounds = vp.polytope.bounds()
        return WeightRanges(
            "statements", None, {c: (float(a), float(b)) for c, (a, b) in zip(ids, bounds, strict=True)}
        )
    shares = _assessor_shares(view)
    if len(shares) >= 2:
        stack = np.vstack([*shares, w])
        ranges = {c: (float(a), float(b)) for c, a, b in zip(ids, stack.min(0), stack.max(0), strict=True)}
        return WeightRanges("assessors", None, ranges)
    r = DEFAULT_WEIGHT_SPREAD if spread is None else spread
    lo, hi = w * (1 - r), np.minimum(1.0, w * (1 + r))
    return WeightRanges("relative", r, {c: (float(a), float(b)) for c, a, b in zip(ids, lo, hi, strict=True)})


def option_tornadoes(view: View, kept: NDArray[np.bool_], ranges: WeightRanges) -> dict[str, OptionTornado]:
    """The tornado of every option `kept` (a cell without a range has no bar)."""
    ids = [o.id for o, k in zip(view.options, kept, strict=True) if k]
    crit = list(view.criterion_ids)
    v_low, v_high = value_ends(view, kept)
    s_low, s_high = view.low[kept], view.high[kept]
    none = s_low == s_high
    t_lo = np.array([ranges.ranges[c][0] for c in crit])
    t_hi = np.array([ranges.ranges[c][1] for c in crit])
    found = tornado(
        view.values[kept],
        view.weights,
        values_low=np.where(none, np.nan, v_low),
        values_high=np.where(none, np.nan, v_high),
        weight_low=t_lo,
        weight_high=t_hi,
    )
    out = {}
    for t in found:
        bars = []
        for b in t.bars:
            i, j = t.option, b.criterion
            if b.source == "weight":
                ends = (t_lo[j], t_hi[j])
            else:  # the score at the end whose value is lower gives total_low
                flip = v_low[i, j] > v_high[i, j]
                ends = (s_high[i, j], s_low[i, j]) if flip else (s_low[i, j], s_high[i, j])
            bars.append(
                TornadoBar(
                    b.source, crit[j], float(ends[0]), float(ends[1]), b.total_low, b.total_high, b.swing
                )
            )
        out[ids[t.option]] = OptionTornado(ids[t.option], t.base, tuple(bars))
    return out
