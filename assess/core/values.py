"""Value functions: scores on a criterion's scale become values in [0, 1].

1 is always best: a cost criterion's value is reversed (1 - v). Scores are
clipped to the declared scale so that a range end can never leave [0, 1].

`value_matrix` works on NumPy arrays; `value_rows` is the same arithmetic
on plain floats for linear value functions (clip, (x - min) / (max - min),
1 - v), so that the command line's weighted sum needs no NumPy; a property
test checks the two equal bit for bit (tests/core/test_values_plain.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from assess.model import Criterion

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray


def criterion_values(criterion: Criterion, scores: NDArray[np.floating]) -> NDArray[np.float64]:
    """Values in [0, 1] (1 best) of an array of scores on one criterion."""
    import numpy as np

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
    import numpy as np

    s = np.asarray(scores, dtype=float)
    out = np.empty_like(s)
    for j, criterion in enumerate(criteria):
        out[:, j] = criterion_values(criterion, s[:, j])
    return out


def all_linear(criteria: Sequence[Criterion]) -> bool:
    """Every criterion's value function is linear (what `value_rows` computes)."""
    return all(c.value_function.kind != "piecewise" for c in criteria)


def value_rows(criteria: Sequence[Criterion], scores: Sequence[Sequence[float]]) -> list[list[float]]:
    """`value_matrix` of linear value functions on plain floats, row by option
    (raises ValueError if a criterion's value function is piecewise)."""
    if not all_linear(criteria):
        raise ValueError("value_rows computes linear value functions only")
    ends = [(float(c.scale.min), float(c.scale.max), c.direction == "cost") for c in criteria]
    out = []
    for row in scores:
        values = []
        for x, (lo, hi, cost) in zip(row, ends, strict=True):
            v = (min(max(float(x), lo), hi) - lo) / (hi - lo)
            values.append(1.0 - v if cost else v)
        out.append(values)
    return out
