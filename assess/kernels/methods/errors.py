"""The error every aggregation method raises, and the input checks they share.

A `MethodError` says in planner-readable words why a method cannot take the
input, and carries the 0-based `option` / `criterion` index concerned (or
None) so a caller can put the option's and criterion's names in its place,
and a `reason` a caller can explain further ("non_positive": WPM met a
score of 0 or below).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from assess.kernels.methods.wsm import normalise_weights


class MethodError(ValueError):
    """An aggregation method cannot take this input."""

    def __init__(
        self,
        message: str,
        *,
        method: str = "",
        option: int | None = None,
        criterion: int | None = None,
        reason: str = "",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.method = method
        self.option = option
        self.criterion = criterion
        self.reason = reason


Prepared = tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.bool_]]


def require_finite(x: NDArray[np.float64], method: str) -> None:
    """Raise naming the first option/criterion whose score is NaN or infinite."""
    bad = ~np.isfinite(x)
    if not bad.any():
        return
    i, j = (int(k) for k in np.argwhere(bad)[0])
    raise MethodError(
        f"{method}: option index {i} has no usable score on criterion index {j} "
        f"(got {x[i, j]}); every option needs a finite score on every criterion",
        method=method,
        option=i,
        criterion=j,
    )


def finite_result(result: NDArray[np.float64], x: NDArray[np.float64], method: str) -> NDArray[np.float64]:
    """`result`, once checked finite; else the bad input score is named, or overflow reported.

    Lets the fast kernels check their n results instead of all n x m inputs:
    a NaN or infinite score always makes some result non-finite.
    """
    if np.isfinite(result).all():
        return result
    require_finite(x, method)
    raise MethodError(
        f"{method}: the scores are too large to compute with (numeric overflow); "
        f"express the large criteria in bigger units",
        method=method,
    )


def prepare(
    matrix: ArrayLike,
    weights: ArrayLike,
    cost: ArrayLike | None,
    method: str,
    *,
    finite: bool = True,
) -> Prepared:
    """Check shapes (and, if `finite`, every score); return (matrix, weights summing to 1, cost).

    Raises `MethodError` naming the first bad option/criterion.
    """
    x = np.asarray(matrix, dtype=float)
    if x.ndim != 2 or x.shape[0] < 1 or x.shape[1] < 1:
        raise MethodError(
            f"{method} needs a table of at least one option by one criterion, got shape {x.shape}",
            method=method,
        )
    m = x.shape[1]
    w = np.asarray(weights, dtype=float).reshape(-1)
    if w.shape != (m,):
        raise MethodError(f"{method}: {m} criteria but {w.size} weights", method=method)
    try:
        w = normalise_weights(w)
    except ValueError as exc:
        raise MethodError(f"{method}: {exc}", method=method) from None
    c = np.zeros(m, dtype=bool) if cost is None else np.asarray(cost, dtype=bool).reshape(-1)
    if c.shape != (m,):
        raise MethodError(f"{method}: {m} criteria but {c.size} cost flags", method=method)
    if finite:
        require_finite(x, method)
    return x, w, c
