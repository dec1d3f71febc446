"""Weight statements and the analyses under them (pure NumPy + LP kernels).

Criteria and options are indices. Weights are normalised swing weights
(w >= 0, sum w = 1); values are in [0, 1] per criterion.

* `statements`: `Order`, `Interval`, `Ratio`, `Exact` and their linear rows.
* `polytope`: `WeightPolytope`, the weights the statements allow: feasibility,
  interior point, weight and ratio bounds, violated statements, the smallest
  conflict (`conflicts`), the extreme points (`vertices`).
* `dominance`: pairwise dominance, possibly / necessarily best, Hasse diagram.
* `sampling`: uniform weight samplers for SMAA (exact or hit-and-run).
* `tradeoff`: the next PAPRIKA-style question and when to stop.
* `paths`: which part of a stability path the statements allow.

highspy (HiGHS) is imported only inside the functions that solve LPs.
"""

from __future__ import annotations

from assess.kernels.preferences.conflicts import Conflict
from assess.kernels.preferences.dominance import dominance, hasse, necessarily_best, possibly_best
from assess.kernels.preferences.paths import path_ranges
from assess.kernels.preferences.polytope import InfeasibleStatements, WeightPolytope
from assess.kernels.preferences.sampling import (
    HitAndRun,
    SimplexSampler,
    rejection_sample,
    weight_sampler,
)
from assess.kernels.preferences.statements import Exact, Interval, Order, Ratio, Statement
from assess.kernels.preferences.tradeoff import Question, answer, next_question, ratio_ranges, settled

__all__ = [
    "Conflict",
    "Exact",
    "HitAndRun",
    "InfeasibleStatements",
    "Interval",
    "Order",
    "Question",
    "Ratio",
    "SimplexSampler",
    "Statement",
    "WeightPolytope",
    "answer",
    "dominance",
    "hasse",
    "necessarily_best",
    "next_question",
    "path_ranges",
    "possibly_best",
    "ratio_ranges",
    "rejection_sample",
    "settled",
    "weight_sampler",
]
