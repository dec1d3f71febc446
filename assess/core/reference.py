"""The reference option (the status quo) in a ranking: the line to beat.

An option whose score is worse than the reference's (below it when higher is
better, above it when lower is) is "worse than doing nothing": funding it would
leave things worse than funding nothing new. Options a veto excludes, and the
reference itself, are never marked. Without a reference, or when the reference
has no score (a veto excludes it under a method that scores only the others),
there is no line.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from assess.core.scoring import ScoreResult


@dataclass(frozen=True)
class ReferenceLine:
    option: str
    """The reference's id."""
    name: str
    score: float
    """Its score by the ranking's method."""
    worse: tuple[str, ...]
    """The options worse than it, in ranking order."""


def reference_line(result: ScoreResult) -> ReferenceLine | None:
    """The ranking's reference line (module docstring), or None."""
    ref = result.view.case.reference
    entry = result.by_option().get(ref) if ref is not None else None
    if entry is None or entry.score is None or not math.isfinite(entry.score):
        return None
    s = entry.score

    def worse(x: float | None) -> bool:
        return x is not None and math.isfinite(x) and (x < s if result.higher_is_better else x > s)

    below = tuple(r.option for r in result.ranking if r.option != ref and not r.excluded and worse(r.score))
    return ReferenceLine(entry.option, entry.name, s, below)
