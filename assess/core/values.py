"""Value functions: scores on a criterion's scale become values in [0, 1].

1 is always best: a cost criterion's value is reversed (1 - v). Scores are
clipped to the declared scale so that a range end can never leave [0, 1].
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from assess.model import Criterion


def criterion_values(criterion: Criterion, scores: NDArray[np.floating]) -> NDArray[np.float64]:
    """Values in [0, 1] (1 best) of an array of scores on one criterion."""
    x = np.clip(np.asarray(scores, dtype=float), criterion.scale.min, criterion.scale.max)
    vf = criterion.value_function
    if vf.kind == "piecewise":
        xs, vs = zip(*vf.points, strict=True)
        v = np.interp(x, xs, vs)
    else:
        v = (x - criterion.scale.min) / (criterion.scale.max - criterion.scale.min)
    return 1.0 - v if criterion.direction == "cost" else v


def value_matrix(criteria: list[Criterion], scores: NDArray[np.floating]) -> NDArray[np.float64]:
    """The n x m value matrix of an n x m score matrix, column by criterion."""
    s = np.asarray(scores, dtype=float)
    out = np.empty_like(s)
    for j, criterion in enumerate(criteria):
        out[:, j] = criterion_values(criterion, s[:, j])
    return out
