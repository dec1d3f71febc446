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

from assess.analysis.smaa import SmaaResult, holistic_acceptability, smaa
from assess.analysis.stability import (
    CriterionStability,
    FirstPlaceChange,
    StabilityResult,
    weight_paths,
    weight_stability,
)
from assess.analysis.tornado import OptionTornado, TornadoBar, tornado

__all__ = [
    "CriterionStability",
    "FirstPlaceChange",
    "OptionTornado",
    "SmaaResult",
    "StabilityResult",
    "TornadoBar",
    "holistic_acceptability",
    "smaa",
    "tornado",
    "weight_paths",
    "weight_stability",
]
