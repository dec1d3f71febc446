"""Tornado (one-at-a-time) sensitivity of weighted-sum totals.

Each bar moves one input across its range with everything else fixed.

* Score of option a on criterion j, value range [lo, hi] with
  lo = min(v_low, v_high), hi = max(v_low, v_high) (the ends are already mapped
  through the value function, so a cost criterion may give v_low > v_high):

      V_a(lo) = V_a + w_j (lo - v_aj),   V_a(hi) = V_a + w_j (hi - v_aj).

  Only option a's own total moves; its swing is w_j (hi - lo).
* Weight of criterion j over [w_low_j, w_high_j] (normalised units), the other
  weights rescaled in proportion (see `assess.kernels.robustness.stability`):

      V_a(t) = A_aj + t B_aj   at t = w_low_j and t = w_high_j.

Swing = |V(high end) - V(low end)|. Bars are sorted by swing, largest first
(ties: score bars before weight bars, then by criterion). A NaN at either end
of a range means "no range given" and yields no bar.

Reference: Eschenbach (1992), "Spiderplots versus tornado diagrams for
sensitivity analysis", Interfaces 22(6):40-46; Howard (1988).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from assess.kernels.methods.wsm import normalise_weights
from assess.kernels.robustness.stability import weight_paths


@dataclass(frozen=True, slots=True)
class IndexedTornadoBar:
    source: Literal["score", "weight"]
    criterion: int
    total_low: float
    """Total with the input at the low end of its range."""
    total_high: float
    swing: float
    """|total_high - total_low|."""


@dataclass(frozen=True, slots=True)
class IndexedTornado:
    option: int
    base: float
    """Total at the current scores and weights."""
    bars: tuple[IndexedTornadoBar, ...]
    """Largest swing first."""


def _score_ends(v, w, base, values_low, values_high):
    lo_in = np.asarray(values_low, dtype=float)
    hi_in = np.asarray(values_high, dtype=float)
    if lo_in.shape != v.shape or hi_in.shape != v.shape:
        raise ValueError("values_low and values_high must have the shape of values")
    lo, hi = np.fmin(lo_in, hi_in), np.fmax(lo_in, hi_in)
    ok = ~(np.isnan(lo_in) | np.isnan(hi_in))
    return base[:, None] + w * (lo - v), base[:, None] + w * (hi - v), ok


def _weight_ends(v, w, weight_low, weight_high):
    t_lo = np.asarray(weight_low, dtype=float)
    t_hi = np.asarray(weight_high, dtype=float)
    if t_lo.shape != w.shape or t_hi.shape != w.shape:
        raise ValueError("weight_low and weight_high need one entry per criterion")
    ok = ~(np.isnan(t_lo) | np.isnan(t_hi))
    if np.any((t_lo[ok] < 0) | (t_lo[ok] > 1) | (t_hi[ok] < 0) | (t_hi[ok] > 1)):
        raise ValueError("weight ranges must lie in [0, 1] (normalised units)")
    a, b = weight_paths(v, w)
    ok_full = np.broadcast_to(ok, v.shape)
    return a + np.nan_to_num(t_lo) * b, a + np.nan_to_num(t_hi) * b, ok_full


def tornado(
    values: NDArray[np.floating],
    weights: NDArray[np.floating],
    *,
    values_low: NDArray[np.floating] | None = None,
    values_high: NDArray[np.floating] | None = None,
    weight_low: NDArray[np.floating] | None = None,
    weight_high: NDArray[np.floating] | None = None,
) -> tuple[IndexedTornado, ...]:
    """Tornado bars for every option (n x m `values`, weights normalised here)."""
    v = np.asarray(values, dtype=float)
    w = normalise_weights(weights)
    if v.ndim != 2 or w.shape != (v.shape[1],):
        raise ValueError("values must be n x m with one weight per criterion")
    base = v @ w
    parts: list[tuple[Literal["score", "weight"], NDArray, NDArray, NDArray]] = []
    if (values_low is None) != (values_high is None):
        raise ValueError("give both values_low and values_high, or neither")
    if values_low is not None:
        parts.append(("score", *_score_ends(v, w, base, values_low, values_high)))
    if (weight_low is None) != (weight_high is None):
        raise ValueError("give both weight_low and weight_high, or neither")
    if weight_low is not None:
        parts.append(("weight", *_weight_ends(v, w, weight_low, weight_high)))
    return tuple(_option_bars(i, float(base[i]), parts) for i in range(v.shape[0]))


def _option_bars(
    option: int, base: float, parts: list[tuple[Literal["score", "weight"], NDArray, NDArray, NDArray]]
) -> IndexedTornado:
    bars = [
        IndexedTornadoBar(
            source,
            j,
            float(low[option, j]),
            float(high[option, j]),
            float(abs(high[option, j] - low[option, j])),
        )
        for source, low, high, ok in parts
        for j in np.flatnonzero(ok[option]).tolist()
    ]
    bars.sort(key=lambda bar: -bar.swing)
    return IndexedTornado(option, base, tuple(bars))
