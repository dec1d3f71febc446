"""Weighted product model (WPM).

    P(a) = prod_j x_aj ^ e_j,   e_j = +w_j (benefit criterion), -w_j (cost criterion),
                                sum_j w_j = 1

on the raw scores x_aj, which must all be positive. Higher P is better. The
ratio P(a)/P(b) is Bridgman's dimensionless comparison, so the units of each
criterion cancel and no normalisation is needed; any per-criterion rescaling
of the scores multiplies every P(a) by the same constant and leaves the
ranking unchanged. Computed as exp(sum_j e_j log x_aj) (one matrix product,
no overflow for large scores).

References: Bridgman, *Dimensional Analysis* (1922); Miller & Starr,
*Executive Decisions and Operations Research* (1969); Triantaphyllou,
*Multi-Criteria Decision Making Methods: A Comparative Study* (2000), ch. 2.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from assess.kernels.methods.errors import MethodError, finite_result, prepare, require_finite

_NAME = "WPM"


@dataclass(frozen=True, slots=True)
class WpmExplanation:
    """The WPM's intermediate tables, for display."""

    weights: NDArray[np.float64]
    """Normalised weights w_j (sum 1)."""
    exponents: NDArray[np.float64]
    """+w_j for benefit criteria, -w_j for cost criteria."""
    factors: NDArray[np.float64]
    """n x m table of x_aj ^ exponent_j; each row multiplies to P(a)."""
    log_scores: NDArray[np.float64]
    """log P(a) = sum_j exponent_j * log x_aj."""
    scores: NDArray[np.float64]
    """P(a); higher is better."""


def _check_positive(x: NDArray[np.float64], used: NDArray[np.bool_]) -> None:
    bad = ~(x > 0) & used
    if not bad.any():
        return
    require_finite(x, _NAME)
    i, j = (int(k) for k in np.argwhere(bad)[0])
    more = int(bad.sum()) - 1
    extra = f" ({more} more such score{'s' if more != 1 else ''})" if more else ""
    raise MethodError(
        f"WPM needs every score to be positive, because it raises scores to powers and "
        f"multiplies them; option index {i} scores {x[i, j]:g} on criterion index {j}{extra}. "
        f"Use a method that works on any scale (WSM, TOPSIS, PROMETHEE, VIKOR).",
        method=_NAME,
        option=i,
        criterion=j,
        reason="non_positive",
    )


def _prepared(
    matrix: ArrayLike, weights: ArrayLike, cost: ArrayLike | None
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    x, w, c = prepare(matrix, weights, cost, _NAME, finite=False)  # inf: result checked
    used = w > 0
    _check_positive(x, used)
    exponents = np.where(c, -w, w)
    if not used.all():  # 0 ** 0 would be fine, but log(0) * 0 is not: drop unused criteria
        require_finite(x, _NAME)
        x, exponents = x[:, used], exponents[used]
    return x, w, exponents


@np.errstate(all="ignore")  # non-finite results are checked and reported
def wpm(matrix: ArrayLike, weights: ArrayLike, cost: ArrayLike | None = None) -> NDArray[np.float64]:
    """P(a) for each row of the raw score matrix; higher is better."""
    x, _, exponents = _prepared(matrix, weights, cost)
    return finite_result(np.exp(np.log(x) @ exponents), x, _NAME)


@np.errstate(all="ignore")  # non-finite results are checked and reported
def wpm_explain(matrix: ArrayLike, weights: ArrayLike, cost: ArrayLike | None = None) -> WpmExplanation:
    """WPM with its intermediate tables (one column per criterion, as given)."""
    x, w, c = prepare(matrix, weights, cost, _NAME)
    _check_positive(x, w > 0)
    exponents = np.where(c, -w, w)
    factors = np.where(w > 0, np.power(np.where(w > 0, x, 1.0), exponents), 1.0)
    log_scores = np.log(factors).sum(axis=1)
    return WpmExplanation(w, exponents, factors, log_scores, np.exp(log_scores))
