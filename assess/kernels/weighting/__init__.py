"""Weight elicitation kernels: direct points, swing, rank order and AHP.

Planners elicit weights in ways they know; the case file records the inputs so
the weights can be re-derived and reviewed. `derive_weights(method, inputs)`
takes the inputs as a plain dict, mirroring the YAML, and returns normalised
weights (sum 1) with diagnostics and warnings:

    direct           {"points": {"c1": 40, "c2": 60}}          w_i = p_i / sum p
    swing            {"swing": {"c1": 100, "c2": 40}}          w_i = s_i / sum s
                     optional "require_top_100": true           (SMARTS)
    roc, smarter     {"ranking": [["c1"], ["c2", "c3"]]}       w_k = (1/n) sum_{i>=k} 1/i
    rank_sum         {"ranking": ...}                          w_k ~ n + 1 - k
    rank_reciprocal  {"ranking": ...}                          w_k ~ 1/k
    ahp              {"pairwise": [{"a": "c1", "b": "c2", "ratio": 3}, ...]}
                     optional "criteria": [...], "cr_threshold": 0.1

Formulas and references are in the modules: `direct`, `rank_order`, `ahp`.
Bad input raises `WeightingError` (a `ValueError`) with a planner-readable message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assess.errors import did_you_mean
from assess.kernels.weighting.direct import SwingResult, direct_weights, swing_weights
from assess.kernels.weighting.errors import WeightingError
from assess.kernels.weighting.rank_order import rank_weights, smarter_weights
from assess.model.weights import WEIGHT_METHODS

if TYPE_CHECKING:
    from assess.kernels.weighting.ahp import AhpResult, InconsistentJudgement, ahp_weights

_LAZY = {"AhpResult", "InconsistentJudgement", "ahp_weights"}
"""AHP's names, imported on first use: the only method here that needs NumPy."""


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from assess.kernels.weighting import ahp

        return getattr(ahp, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "METHODS",
    "AhpResult",
    "InconsistentJudgement",
    "SwingResult",
    "WeightResult",
    "WeightingError",
    "ahp_weights",
    "derive_weights",
    "direct_weights",
    "rank_weights",
    "smarter_weights",
    "swing_weights",
]


@dataclass(frozen=True, slots=True)
class WeightResult:
    """Normalised weights, the method that made them, diagnostics and warnings."""

    weights: dict[str, float]
    method: str
    diagnostics: AhpResult | SwingResult | None = None
    warnings: tuple[str, ...] = ()


def _direct(inputs: Mapping[str, Any]) -> WeightResult:
    return WeightResult(direct_weights(inputs["points"]), "direct")


def _swing(inputs: Mapping[str, Any]) -> WeightResult:
    strict = inputs.get("require_top_100", False)
    if not isinstance(strict, bool):
        raise WeightingError(f"swing: require_top_100 must be true or false, got {strict!r}")
    result = swing_weights(inputs["swing"], require_top_100=strict)
    return WeightResult(result.weights, "swing", result, result.warnings)


def _ranked(method: str, kernel: str) -> Callable[[Mapping[str, Any]], WeightResult]:
    def run(inputs: Mapping[str, Any]) -> WeightResult:
        return WeightResult(rank_weights(inputs["ranking"], kernel), method)

    return run


def _ahp(inputs: Mapping[str, Any]) -> WeightResult:
    threshold = inputs.get("cr_threshold", 0.1)
    if isinstance(threshold, bool) or not isinstance(threshold, int | float) or threshold < 0:
        raise WeightingError(f"ahp: cr_threshold must be a number >= 0, got {threshold!r}")
    from assess.kernels.weighting.ahp import ahp_weights

    result = ahp_weights(inputs["pairwise"], inputs.get("criteria"), threshold=threshold)
    warnings = (result.warning,) if result.warning else ()
    return WeightResult(result.weights, "ahp", result, warnings)


_DISPATCH: dict[str, tuple[set[str], Callable[..., WeightResult]]] = {
    "direct": (set(), _direct),
    "swing": ({"require_top_100"}, _swing),
    "roc": (set(), _ranked("roc", "roc")),
    "smarter": (set(), _ranked("smarter", "roc")),
    "rank_sum": (set(), _ranked("rank_sum", "rank_sum")),
    "rank_reciprocal": (set(), _ranked("rank_reciprocal", "rank_reciprocal")),
    "ahp": ({"criteria", "cr_threshold"}, _ahp),
}
"""Each method's kernel and its optional inputs; the required one is the
method's field in `assess.model.weights.WEIGHT_METHODS`."""
METHODS = tuple(m for m in WEIGHT_METHODS if m in _DISPATCH)
"""Method names accepted by `derive_weights` (every method of `WEIGHT_METHODS`
but "statements", which derives no point weights); "smarter" is ROC on a
ranking of swings."""


def _check_keys(method: str, inputs: object, required: set[str], optional: set[str]) -> None:
    if not isinstance(inputs, Mapping):
        raise WeightingError(
            f"{method}: inputs must be a mapping like {{{next(iter(required))}: ...}}, got {inputs!r}"
        )
    missing = sorted(required - set(inputs))
    unknown = sorted(str(k) for k in set(inputs) - required - optional)
    if missing:
        raise WeightingError(f"{method}: missing {', '.join(missing)}")
    if unknown:
        allowed = sorted(required | optional)
        raise WeightingError(f"{method}: unexpected {', '.join(unknown)} (allowed: {', '.join(allowed)})")


def _check_coverage(result: WeightResult, criteria: Iterable[str]) -> None:
    expected = list(criteria)
    unknown = [c for c in result.weights if c not in expected]
    absent = [c for c in expected if c not in result.weights]
    if unknown:
        raise WeightingError(
            f"{result.method}: unknown criterion '{unknown[0]}'{did_you_mean(unknown[0], expected)}"
        )
    if absent:
        raise WeightingError(
            f"{result.method}: no weight for {', '.join(map(repr, absent))}; every criterion must be weighted"
        )


def derive_weights(
    method: str, inputs: Mapping[str, Any], *, criteria: Iterable[str] | None = None
) -> WeightResult:
    """Weights by `method` (see `METHODS`) from the plain-dict `inputs`.

    With `criteria` (the case's criterion ids) the weighted ids must be exactly
    those. Raises `WeightingError` on an unknown method or bad inputs.
    """
    if not isinstance(method, str) or method not in _DISPATCH:
        raise WeightingError(
            f"Unknown weighting method {method!r}"
            f"{did_you_mean(str(method), set(METHODS))}; "
            f"use one of {', '.join(METHODS)}"
        )
    optional, run = _DISPATCH[method]
    required = {WEIGHT_METHODS[method].field}
    _check_keys(method, inputs, required, optional)
    result = run(inputs)
    if criteria is not None:
        _check_coverage(result, criteria)
    return result
