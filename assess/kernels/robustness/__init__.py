"""Robustness analysis kernels for the weighted sum (pure NumPy).

* `weight_stability`: exact one-weight stability intervals (first place and
  whole ranking) and the smallest weight change that changes the winner.
* `tornado`: one-at-a-time swings of each option's total over score and
  weight ranges.
* `smaa`: SMAA-2 Monte Carlo (rank acceptability, central weights,
  confidence factors), chunked and cancellable.

Indices refer to rows (options) and columns (criteria) of the value matrix;
callers map them back to ids.
"""

from __future__ import annotations

from assess.kernels.robustness.smaa import SmaaResult, holistic_acceptability, smaa
from assess.kernels.robustness.stability import (
    IndexedFirstChange,
    IndexedStability,
    StabilityResult,
    weight_paths,
    weight_stability,
)
from assess.kernels.robustness.tornado import IndexedTornado, IndexedTornadoBar, tornado

__all__ = [
    "IndexedStability",
    "IndexedFirstChange",
    "IndexedTornado",
    "SmaaResult",
    "StabilityResult",
    "IndexedTornadoBar",
    "holistic_acceptability",
    "smaa",
    "tornado",
    "weight_paths",
    "weight_stability",
]
