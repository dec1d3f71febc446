"""PROMETHEE II: complete ranking by net outranking flow.

    d_j(a, b) = x_aj - x_bj  (benefit),  x_bj - x_aj  (cost)
    pi(a, b)  = sum_j w_j P_j(d_j(a, b))                 (sum_j w_j = 1)
    phi+(a)   = 1/(n-1) sum_b pi(a, b),   phi-(a) = 1/(n-1) sum_b pi(b, a)
    phi(a)    = phi+(a) - phi-(a)   in [-1, 1], higher is better
              = sum_j w_j phi_j(a)  (phi_j: the unicriterion net flows)

Preference functions P(d) per criterion (Brans, Vincke & Mareschal 1986 names):
  usual   type I,   P = 1 if d > 0, else 0                          (default)
  vshape  type III, "V-shape", linear preference up to p:
          P = 0 if d <= 0,  d/p if 0 < d <= p,  1 if d > p
  linear  type V,   linear preference with indifference zone q < p:
          P = 0 if d <= q,  (d-q)/(p-q) if q < d <= p,  1 if d > p
q and p are in the criterion's raw score units.

Computation, per criterion, with no n x n table (O(n log n) time, O(n) memory):
usual: the unicriterion flow of a is (#options strictly worse - #strictly
better) / (n-1), counted from one sort of the column. V-shape and linear, with
the column sorted (s ascending) and its prefix sums S_k = s_1 + ... + s_k:

    sum_b P(s_a - s_b) = #{b: s_b < s_a - p}                              (d > p)
                       + [(s_a - q) (h - l) - (S_h - S_l)] / (p - q)      (q < d <= p)

where l = #{b: s_b < s_a - p} and h = #{b: s_b < s_a - q} (two binary searches);
the negative flow is the same sum on the reversed, negated column. The values
are centred first, so the prefix sums cancel to about n eps of one preference.
`benchmarks/bench_methods.py` times 100,000 options x 50 criteria (target 2 s).
`_promethee_flows.pairwise_flows`, the definition summed pair by pair
(O(n^2)), is kept as the tests' oracle.

References: Brans & Vincke, Management Science 31 (1985) 647-656; Brans,
Vincke & Mareschal, EJOR 24 (1986) 228-238; Brans & Mareschal, "PROMETHEE
methods", in Figueira, Greco & Ehrgott (eds.), *Multiple Criteria Decision
Analysis: State of the Art Surveys* (2005), ch. 5.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from assess.kernels.methods._promethee_flows import CHUNK_ELEMENTS, piecewise_flows, usual_flows
from assess.kernels.methods.errors import MethodError, prepare

_NAME = "PROMETHEE II"
KINDS = ("usual", "vshape", "linear")

__all__ = [
    "CHUNK_ELEMENTS",
    "KINDS",
    "Preference",
    "PrometheeExplanation",
    "parse_preferences",
    "promethee",
    "promethee_explain",
]


@dataclass(frozen=True, slots=True)
class Preference:
    """One criterion's preference function: `usual`, `vshape` (p) or `linear` (q, p)."""

    kind: str = "usual"
    q: float = 0.0
    p: float = 0.0

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise MethodError(
                f"unknown preference function '{self.kind}'; use one of {', '.join(KINDS)}",
                method=_NAME,
            )
        if self.kind != "linear" and self.q != 0:
            raise MethodError(
                f"the {self.kind} preference function has no indifference threshold q; use linear for one",
                method=_NAME,
            )
        if self.kind == "usual" and self.p != 0:
            raise MethodError("the usual preference function takes no threshold p", method=_NAME)
        if self.kind == "vshape" and not self.p > 0:
            raise MethodError(f"the vshape preference function needs p > 0, got p={self.p}", method=_NAME)
        if self.kind == "linear" and not 0 <= self.q < self.p:
            raise MethodError(
                f"the linear preference function needs 0 <= q < p, got q={self.q}, p={self.p}",
                method=_NAME,
            )

    def __call__(self, d: ArrayLike) -> NDArray[np.float64]:
        """P(d), elementwise."""
        return self.fill(np.array(d, dtype=float))

    def fill(self, d: NDArray[np.float64]) -> NDArray[np.float64]:
        """Overwrite the float array of differences `d` with P(d); return it."""
        if self.kind == "usual":
            d[...] = d > 0
            return d
        if self.kind == "linear":
            d -= self.q
        np.divide(d, self.p - self.q if self.kind == "linear" else self.p, out=d)
        return np.clip(d, 0.0, 1.0, out=d)


PreferenceLike = Preference | str | Mapping[str, float | str]
Flows = tuple[NDArray[np.float64], NDArray[np.float64] | None, NDArray[np.float64] | None]


def _one(spec: PreferenceLike, j: int) -> Preference:
    try:
        if isinstance(spec, Preference):
            return spec
        if isinstance(spec, str):
            return Preference(spec)
        args = dict(spec)
        return Preference(str(args.pop("kind", "usual")), **{k: float(v) for k, v in args.items()})
    except (TypeError, ValueError) as exc:
        message = exc.message if isinstance(exc, MethodError) else str(exc)
        raise MethodError(f"criterion index {j}: {message}", method=_NAME, criterion=j) from None


def parse_preferences(preferences: Sequence[PreferenceLike] | None, m: int) -> tuple[Preference, ...]:
    """One `Preference` per criterion from names, {'kind', 'q', 'p'} dicts or None (all usual)."""
    if preferences is None:
        return (Preference(),) * m
    if isinstance(preferences, str | Mapping | Preference):
        raise MethodError(f"give one preference function per criterion ({m})", method=_NAME)
    if len(preferences) != m:
        raise MethodError(f"{m} criteria but {len(preferences)} preference functions", method=_NAME)
    return tuple(_one(spec, j) for j, spec in enumerate(preferences))


@dataclass(frozen=True, slots=True)
class PrometheeExplanation:
    """PROMETHEE II's flows, for display."""

    weights: NDArray[np.float64]
    preferences: tuple[Preference, ...]
    unicriterion: NDArray[np.float64]
    """n x m unicriterion net flows phi_j(a) in [-1, 1]; phi = unicriterion @ weights."""
    phi_plus: NDArray[np.float64]
    phi_minus: NDArray[np.float64]
    phi: NDArray[np.float64]
    """Net flow phi+ - phi-; higher is better."""
    notes: tuple[str, ...] = ()


def _flows(
    matrix: ArrayLike,
    weights: ArrayLike,
    cost: ArrayLike | None,
    preferences: Sequence[PreferenceLike] | None,
    explain: bool,
) -> tuple[NDArray[np.float64], NDArray[np.float64], tuple[Preference, ...], Flows]:
    """(x, w, preferences, flows): flows are phi+, phi-, unicriterion if `explain`, else phi."""
    x, w, c = prepare(matrix, weights, cost, _NAME)
    n, m = x.shape
    prefs = parse_preferences(preferences, m)
    usual = np.array([p.kind == "usual" for p in prefs])
    plus = np.zeros(n)
    minus, uni = (np.zeros(n), np.zeros((n, m))) if explain else (None, None)
    usual_flows(x, w, c, usual, plus, minus, uni)
    piecewise_flows(x, w, c, ~usual, prefs, plus, minus, uni)
    scale = 1.0 / (n - 1) if n > 1 else 0.0
    plus *= scale
    if minus is not None and uni is not None:
        minus *= scale
        uni *= scale
    return x, w, prefs, (plus, minus, uni)


@np.errstate(over="ignore")  # a difference may overflow to +-inf: P maps it to 1 or 0
def promethee(
    matrix: ArrayLike,
    weights: ArrayLike,
    cost: ArrayLike | None = None,
    preferences: Sequence[PreferenceLike] | None = None,
) -> NDArray[np.float64]:
    """Net flows phi(a) for each row of the raw score matrix; higher is better."""
    return _flows(matrix, weights, cost, preferences, False)[3][0]


@np.errstate(over="ignore")  # a difference may overflow to +-inf: P maps it to 1 or 0
def promethee_explain(
    matrix: ArrayLike,
    weights: ArrayLike,
    cost: ArrayLike | None = None,
    preferences: Sequence[PreferenceLike] | None = None,
) -> PrometheeExplanation:
    """PROMETHEE II with positive, negative, net and unicriterion flows."""
    x, w, prefs, (plus, minus, uni) = _flows(matrix, weights, cost, preferences, True)
    assert minus is not None and uni is not None
    notes = ("a single option has no one to be compared with: all flows are 0",) if x.shape[0] == 1 else ()
    return PrometheeExplanation(w, prefs, uni, plus, minus, plus - minus, notes)
