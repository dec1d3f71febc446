"""The aggregation methods by name, with what each takes and how to read its scores.

Every kernel is called as `kernel(matrix, weights, cost=None, **params)` and
returns one score per option; `explain` takes the same arguments and returns
a frozen dataclass of intermediate tables. `input` says which matrix to give:

  "values"  the value matrix, each criterion already mapped onto [0, 1]
            (0 worst, 1 best) by its value function, so cost criteria are
            already reversed and `cost` is ignored (WSM);
  "raw"     the raw scores in their own units, with `cost` marking the
            criteria where lower is better (WPM, TOPSIS, PROMETHEE II, VIKOR).

Rank any method's scores with `spec.rank(scores)` (1 is best, ties shared).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from assess.errors import did_you_mean
from assess.kernels.methods.errors import MethodError, finite_result, prepare
from assess.kernels.methods.promethee import promethee, promethee_explain
from assess.kernels.methods.topsis import topsis, topsis_explain
from assess.kernels.methods.vikor import vikor, vikor_explain
from assess.kernels.methods.wpm import wpm, wpm_explain
from assess.kernels.methods.wsm import wsm_contributions
from assess.kernels.ranks import rank_scores

__all__ = [
    "METHODS",
    "MethodError",
    "MethodSpec",
    "Param",
    "WsmExplanation",
    "get_method",
    "wsm_explain",
    "wsm_kernel",
]


@dataclass(frozen=True, slots=True)
class WsmExplanation:
    """The weighted sum's tables: each criterion's contribution w_j v_aj and the totals."""

    weights: NDArray[np.float64]
    contributions: NDArray[np.float64]
    scores: NDArray[np.float64]


def wsm_explain(values: ArrayLike, weights: ArrayLike, cost: ArrayLike | None = None) -> WsmExplanation:
    """WSM on the value matrix; `cost` is ignored (value functions already orient criteria)."""
    v, w, _ = prepare(values, weights, cost, "WSM")
    contributions = wsm_contributions(v, w)
    return WsmExplanation(w, contributions, contributions.sum(axis=1))


@np.errstate(all="ignore")  # non-finite results are checked and reported
def wsm_kernel(values: ArrayLike, weights: ArrayLike, cost: ArrayLike | None = None) -> NDArray[np.float64]:
    """V(a) = sum_j w_j v_aj on the value matrix; `cost` is ignored."""
    v, w, _ = prepare(values, weights, cost, "WSM", finite=False)
    return finite_result(v @ w, v, "WSM")


@dataclass(frozen=True, slots=True)
class Param:
    """A method parameter a planner may set."""

    name: str
    default: Any
    description: str


@dataclass(frozen=True, slots=True)
class MethodSpec:
    """One aggregation method: how to call it and how to read its scores."""

    name: str
    label: str
    higher_is_better: bool
    input: Literal["values", "raw"]
    kernel: Callable[..., NDArray[np.float64]]
    explain: Callable[..., Any]
    params: tuple[Param, ...] = ()
    reference: str = ""

    def rank(self, scores: ArrayLike) -> NDArray[np.int64]:
        """Competition ranks of this method's scores (1 is best, ties shared)."""
        return rank_scores(np.asarray(scores, dtype=float), self.higher_is_better)


_PREFERENCES = Param(
    "preferences",
    None,
    "one preference function per criterion: 'usual' (default), {'kind': 'vshape', 'p': ...} "
    "or {'kind': 'linear', 'q': ..., 'p': ...}, q and p in the criterion's score units",
)
_V = Param(
    "v",
    0.5,
    "weight of the group-utility (majority) strategy against individual regret, between 0 and 1",
)

METHODS: Mapping[str, MethodSpec] = MappingProxyType(
    {
        "wsm": MethodSpec(
            "wsm",
            "Weighted sum",
            True,
            "values",
            wsm_kernel,
            wsm_explain,
            reference="Belton & Stewart (2002), ch. 5",
        ),
        "wpm": MethodSpec(
            "wpm",
            "Weighted product",
            True,
            "raw",
            wpm,
            wpm_explain,
            reference="Triantaphyllou (2000); Bridgman (1922)",
        ),
        "topsis": MethodSpec(
            "topsis", "TOPSIS", True, "raw", topsis, topsis_explain, reference="Hwang & Yoon (1981)"
        ),
        "promethee": MethodSpec(
            "promethee",
            "PROMETHEE II",
            True,
            "raw",
            promethee,
            promethee_explain,
            (_PREFERENCES,),
            reference="Brans, Vincke & Mareschal (1986)",
        ),
        "vikor": MethodSpec(
            "vikor",
            "VIKOR",
            False,
            "raw",
            vikor,
            vikor_explain,
            (_V,),
            reference="Opricovic & Tzeng (2004)",
        ),
    }
)


def get_method(name: str) -> MethodSpec:
    """The spec registered under `name`, or a `MethodError` listing the known names."""
    try:
        return METHODS[name]
    except KeyError:
        known = ", ".join(METHODS)
        hint = did_you_mean(name, set(METHODS))
        raise MethodError(
            f"unknown aggregation method '{name}'{hint}; known methods: {known}", method=name
        ) from None
