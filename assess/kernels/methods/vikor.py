"""VIKOR: compromise ranking by group utility S and individual regret R.

    f*_j = best raw score on criterion j, f-_j = worst (by its direction)
    d_aj = w_j (f*_j - x_aj) / (f*_j - f-_j)           (sum_j w_j = 1)
    S_a  = sum_j d_aj,   R_a = max_j d_aj
    Q_a  = v (S_a - S*) / (S- - S*) + (1 - v) (R_a - R*) / (R- - R*)

with S* = min S, S- = max S (likewise R) and v the weight of the "majority"
strategy (default 0.5). Lower Q is better. With options ordered by Q,
A(1) is proposed as the compromise solution if
  C1 (acceptable advantage): Q(A(2)) - Q(A(1)) >= DQ = 1 / (n - 1), and
  C2 (acceptable stability): A(1) is also best ranked by S or by R.
Otherwise the compromise set is A(1) and A(2) if only C2 fails, or
A(1), ..., A(M) with M the largest such that Q(A(M)) - Q(A(1)) < DQ if C1 fails.

Ties (Q equal within `assess.kernels.ranks.TIE_RTOL`) never depend on the order of
the options: when only C2 fails, every option tied for second place joins
A(1); options tied for first place all stand first (so C1 fails, since
Q(A(2)) = Q(A(1))), and C2 holds if one of them is best by S or by R. The
literature states the conditions for a strict order and leaves ties open;
taking every tied option is the choice that does not let the file's order
decide.

Degenerate cases, handled as the literature does and reported in `notes`:
a criterion on which every option scores the same has f* = f-; it separates
no options, so it contributes 0 to S and R. If all S (or all R) are equal
(within `assess.kernels.ranks.TIE_RTOL`), that term of Q is 0.

Reference: Opricovic & Tzeng, "Compromise solution by MCDM methods: A
comparative analysis of VIKOR and TOPSIS", EJOR 156 (2004) 445-455;
Opricovic, *Multicriteria Optimization of Civil Engineering Systems* (1998).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from assess.kernels.methods.errors import MethodError, finite_result, prepare
from assess.kernels.ranks import TIE_RTOL, rank_scores

_NAME = "VIKOR"


@dataclass(frozen=True, slots=True)
class VikorExplanation:
    """VIKOR's intermediate tables and compromise conditions, for display."""

    weights: NDArray[np.float64]
    best: NDArray[np.float64]
    """f*_j, best raw score per criterion."""
    worst: NDArray[np.float64]
    """f-_j, worst raw score per criterion."""
    regrets: NDArray[np.float64]
    """n x m table d_aj = w_j (f*_j - x_aj) / (f*_j - f-_j); rows sum to S, max to R."""
    s: NDArray[np.float64]
    r: NDArray[np.float64]
    q: NDArray[np.float64]
    """Lower is better."""
    v: float
    order: tuple[int, ...]
    """Option indices by ascending Q: A(1), A(2), ..."""
    dq: float
    """DQ = 1 / (n - 1) (1.0 for a single option, which is trivially the compromise)."""
    advantage: bool
    """C1: Q(A(2)) - Q(A(1)) >= DQ."""
    stability: bool
    """C2: A(1) is also best by S or by R."""
    compromise: tuple[int, ...]
    """Option indices of the compromise solution (one, or a set)."""
    constant_criteria: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()


def _regrets(
    x: NDArray[np.float64], w: NDArray[np.float64], cost: NDArray[np.bool_]
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64], tuple[int, ...]]:
    hi, lo = x.max(axis=0), x.min(axis=0)
    best, worst = np.where(cost, lo, hi), np.where(cost, hi, lo)
    span = best - worst
    constant = tuple(int(j) for j in np.flatnonzero(span == 0))
    scale = np.divide(w, span, out=np.zeros_like(w), where=span != 0)
    return (best - x) * scale, best, worst, constant


def _rescale(values: NDArray[np.float64]) -> tuple[NDArray[np.float64], bool]:
    lo, hi = values.min(), values.max()
    if hi - lo <= TIE_RTOL * max(1.0, abs(hi)):  # equal up to rounding: no spread to rescale
        return np.zeros_like(values), False
    return (values - lo) / (hi - lo), True


def _q(s: NDArray[np.float64], r: NDArray[np.float64], v: float) -> tuple[NDArray[np.float64], list[str]]:
    s01, s_ok = _rescale(s)
    r01, r_ok = _rescale(r)
    notes = [] if s_ok else ["all options have the same group utility S: that term of Q is 0"]
    notes += [] if r_ok else ["all options have the same individual regret R: that term of Q is 0"]
    return v * s01 + (1 - v) * r01, notes


def _check_v(v: float) -> float:
    if not 0.0 <= float(v) <= 1.0:
        raise MethodError(f"VIKOR's strategy weight v must be between 0 and 1, got {v}", method=_NAME)
    return float(v)


Compromise = tuple[tuple[int, ...], tuple[int, ...], float, bool, bool]


def _compromise(q: NDArray[np.float64], s: NDArray[np.float64], r: NDArray[np.float64]) -> Compromise:
    """(order by Q, compromise set, DQ, C1, C2) as in Opricovic & Tzeng (2004),
    with ties (Q within `TIE_RTOL`) treated alike whatever the options' order:
    options tied for A(1) all stand first (C1 then fails, as Q(A(2)) = Q(A(1)));
    when only C2 fails, every option tied for A(2) joins A(1); C2 holds if an
    option standing first is best by S or by R. Sets are in the order of Q."""
    order = np.argsort(q, kind="stable")
    ordered = tuple(int(k) for k in order)
    n = len(q)
    if n == 1:
        return ordered, ordered, 1.0, True, True
    dq = 1.0 / (n - 1)
    tol = TIE_RTOL * max(1.0, float(np.abs(q).max()))
    q1, q2 = q[order[0]], q[order[1]]
    first = q <= q1 + tol
    advantage = bool(q2 - q1 >= dq - 1e-12)
    best_s, best_r = rank_scores(s, False) == 1, rank_scores(r, False) == 1
    stability = bool((first & (best_s | best_r)).any())
    if not advantage:
        chosen = q - q1 < dq - 1e-12
    elif not stability:
        chosen = first | (np.abs(q - q2) <= tol)
    else:
        chosen = first
    return ordered, tuple(int(k) for k in order if chosen[k]), dq, advantage, stability


@np.errstate(all="ignore")  # non-finite results are checked and reported
def vikor(
    matrix: ArrayLike, weights: ArrayLike, cost: ArrayLike | None = None, v: float = 0.5
) -> NDArray[np.float64]:
    """Q(a) for each row of the raw score matrix; lower is better."""
    v = _check_v(v)
    x, w, c = prepare(matrix, weights, cost, _NAME, finite=False)  # NaN/inf reach S: checked
    d = _regrets(x, w, c)[0]
    s, r = d.sum(axis=1), d.max(axis=1)
    finite_result(s + r, x, _NAME)
    return _q(s, r, v)[0]


@np.errstate(all="ignore")  # non-finite results are checked and reported
def vikor_explain(
    matrix: ArrayLike, weights: ArrayLike, cost: ArrayLike | None = None, v: float = 0.5
) -> VikorExplanation:
    """VIKOR with S, R, Q, the conditions C1/C2 and the compromise set."""
    v = _check_v(v)
    x, w, c = prepare(matrix, weights, cost, _NAME)
    d, best, worst, constant = _regrets(x, w, c)
    d = np.abs(d)  # exact (d >= 0 by construction); only turns -0.0 into 0.0 for display
    s, r = d.sum(axis=1), d.max(axis=1)
    finite_result(s + r, x, _NAME)
    q, notes = _q(s, r, v)
    order, chosen, dq, advantage, stability = _compromise(q, s, r)
    if constant:
        notes.insert(
            0, f"criteria {list(constant)} have the same score for every option: they contribute 0 to S and R"
        )
    return VikorExplanation(
        weights=w,
        best=best,
        worst=worst,
        regrets=d,
        s=s,
        r=r,
        q=q,
        v=v,
        order=order,
        dq=dq,
        advantage=advantage,
        stability=stability,
        compromise=chosen,
        constant_criteria=constant,
        notes=tuple(notes),
    )
