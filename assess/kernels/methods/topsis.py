"""TOPSIS: closeness to the ideal and distance from the anti-ideal.

    r_aj = x_aj / sqrt(sum_b x_bj^2)                 (vector normalisation)
    v_aj = w_j * r_aj                                  (sum_j w_j = 1)
    v+_j = max_a v_aj, v-_j = min_a v_aj   for a benefit criterion j
    v+_j = min_a v_aj, v-_j = max_a v_aj   for a cost criterion j
    D+_a = ||v_a - v+||_2,  D-_a = ||v_a - v-||_2
    C_a  = D-_a / (D+_a + D-_a)                        (in [0, 1], higher is better)

A criterion on which every option scores 0 cannot be vector-normalised and is
refused; a column whose squares would overflow is scaled down first. If every
weighted criterion is constant, all options sit on both the ideal and the
anti-ideal (D+ = D- = 0); they are then all given C = 0.5 and a note says so.

Reference: Hwang & Yoon, *Multiple Attribute Decision Making: Methods and
Applications*, LNEMS 186 (1981), ch. III, pp. 58-191; Opricovic & Tzeng,
EJOR 156 (2004) 445-455 (its comparison with VIKOR).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from assess.kernels.methods.errors import MethodError, prepare, require_finite

_NAME = "TOPSIS"
ALL_IDENTICAL = "all options are identical on every weighted criterion: each gets closeness 0.5"


@dataclass(frozen=True, slots=True)
class TopsisExplanation:
    """TOPSIS's intermediate tables, for display."""

    weights: NDArray[np.float64]
    normalised: NDArray[np.float64]
    """n x m vector-normalised scores r_aj."""
    weighted: NDArray[np.float64]
    """n x m weighted normalised scores v_aj."""
    ideal: NDArray[np.float64]
    """v+ (best weighted score per criterion, by its direction)."""
    anti_ideal: NDArray[np.float64]
    """v- (worst weighted score per criterion)."""
    d_plus: NDArray[np.float64]
    d_minus: NDArray[np.float64]
    closeness: NDArray[np.float64]
    """C = D- / (D+ + D-); higher is better."""
    notes: tuple[str, ...] = ()


def _column_norms(x: NDArray[np.float64]) -> NDArray[np.float64]:
    norms = np.sqrt(np.einsum("ij,ij->j", x, x))
    if not np.isfinite(norms).all():  # a NaN/inf score, or squares too large: rescale those
        require_finite(x, _NAME)
        big = ~np.isfinite(norms)
        top = np.abs(x[:, big]).max(axis=0)
        norms[big] = top * np.linalg.norm(x[:, big] / top, axis=0)
    zero = np.flatnonzero(norms == 0)
    if zero.size:
        j = int(zero[0])
        raise MethodError(
            f"TOPSIS cannot use criterion index {j}: every option scores 0 on it, so it "
            f"cannot be vector-normalised. Remove the criterion, give it weight 0 with "
            f"non-zero scores, or use another method.",
            method=_NAME,
            criterion=j,
        )
    return norms


def _poles(
    v: NDArray[np.float64], cost: NDArray[np.bool_]
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    hi, lo = v.max(axis=0), v.min(axis=0)
    return np.where(cost, lo, hi), np.where(cost, hi, lo)


def _distance(v: NDArray[np.float64], point: NDArray[np.float64]) -> NDArray[np.float64]:
    diff = v - point
    return np.sqrt(np.einsum("ij,ij->i", diff, diff))


def _closeness(
    d_plus: NDArray[np.float64], d_minus: NDArray[np.float64]
) -> tuple[NDArray[np.float64], tuple[str, ...]]:
    total = d_plus + d_minus
    if np.all(total > 0):
        return d_minus / total, ()
    safe = np.where(total > 0, total, 1.0)
    return np.where(total > 0, d_minus / safe, 0.5), (ALL_IDENTICAL,)


@np.errstate(all="ignore")  # non-finite results are checked and reported
def topsis(matrix: ArrayLike, weights: ArrayLike, cost: ArrayLike | None = None) -> NDArray[np.float64]:
    """Closeness C(a) for each row of the raw score matrix; higher is better."""
    x, w, c = prepare(matrix, weights, cost, _NAME, finite=False)  # NaN/inf: norms non-finite
    v = x * (w / _column_norms(x))
    ideal, anti = _poles(v, c)
    return _closeness(_distance(v, ideal), _distance(v, anti))[0]


@np.errstate(all="ignore")  # non-finite results are checked and reported
def topsis_explain(matrix: ArrayLike, weights: ArrayLike, cost: ArrayLike | None = None) -> TopsisExplanation:
    """TOPSIS with its intermediate tables."""
    x, w, c = prepare(matrix, weights, cost, _NAME)
    r = x / _column_norms(x)
    v = r * w
    ideal, anti = _poles(v, c)
    d_plus, d_minus = _distance(v, ideal), _distance(v, anti)
    closeness, notes = _closeness(d_plus, d_minus)
    return TopsisExplanation(w, r, v, ideal, anti, d_plus, d_minus, closeness, notes)
