"""How a view's weights were elicited, said in a planner's words: the method,
the elicitation note, what was given per criterion and, for AHP, whether the
pairwise judgements are consistent."""

from __future__ import annotations

from dataclasses import dataclass, field

from assess.core.view import View
from assess.kernels.weighting import AhpResult, WeightingError, derive_weights

METHOD_LABELS: dict[str, str] = {
    "default": "Default weights of the criteria",
    "direct": "Direct points",
    "swing": "Swing weighting",
    "roc": "Rank order centroid (ROC)",
    "smarter": "SMARTER (rank order centroid of ranked swings)",
    "rank_sum": "Rank sum",
    "rank_reciprocal": "Rank reciprocal",
    "ahp": "AHP pairwise comparison",
}


@dataclass(frozen=True)
class AhpInfo:
    """Saaty's consistency diagnostics of AHP weights."""

    cr: float
    ci: float
    lambda_max: float
    threshold: float
    ri_table: str
    worst: tuple[str, ...]
    """The judgements to revisit first, worst first (empty when consistent)."""

    @property
    def consistent(self) -> bool:
        return self.cr <= self.threshold


@dataclass(frozen=True)
class WeightInfo:
    method: str
    method_label: str
    elicitation: str
    inputs: dict[str, str] = field(default_factory=dict)
    """criterion id -> what was given for it, e.g. '12 points'."""
    judgements: tuple[str, ...] = ()
    """AHP only: the pairwise judgements as sentences."""
    ahp: AhpInfo | None = None
    warnings: tuple[str, ...] = ()
    illustrative: bool = False
    """The weights are an example (`weights.illustrative`), not an elicitation."""


def _num(x: float) -> str:
    return f"{x:g}"


def _inputs(view: View) -> dict[str, str]:
    spec = view.weight_spec
    if spec is None:
        return {c.id: f"default {_num(c.default_weight)}" for c in view.criteria}
    if spec.points is not None:
        return {k: f"{_num(v)} points" for k, v in spec.points.items()}
    if spec.swing is not None:
        return {k: f"swing {_num(v)}" for k, v in spec.swing.items()}
    if spec.ranking is not None:
        out = {}
        place = 1
        for group in spec.ranking:
            tied = " (tied)" if len(group) > 1 else ""
            out.update({k: f"rank {place}{tied}" for k in group})
            place += len(group)
        return out
    return {}


def _ahp(result: AhpResult, names: dict[str, str]) -> AhpInfo:
    worst = tuple(
        f"{names.get(j.a, j.a)} vs {names.get(j.b, j.b)}: given {_num(j.given)}, "
        f"the other judgements imply {j.consistent:.2f} (nearest on Saaty's scale: {j.nearest_scale:.3g})"
        for j in result.inconsistent
    )
    return AhpInfo(result.cr, result.ci, result.lambda_max, result.threshold, result.ri_table, worst)


def weight_info(view: View) -> WeightInfo:
    """The elicitation of `view`'s weights, re-derived for its diagnostics."""
    spec = view.weight_spec
    if spec is None:
        # the catalogue's defaults are an example, never an elicitation
        return WeightInfo("default", METHOD_LABELS["default"], "", _inputs(view), illustrative=True)
    names = {c.id: c.name for c in view.criteria}
    ahp, warnings = None, ()
    try:
        derived = derive_weights(spec.method, spec.inputs())
    except WeightingError as err:  # resolve() derived them already; keep the report going
        warnings = (str(err),)
    else:
        warnings = derived.warnings
        if isinstance(derived.diagnostics, AhpResult):
            ahp = _ahp(derived.diagnostics, names)
    judgements = tuple(
        f"{names.get(j.a, j.a)} is {_num(j.ratio)} times as important as {names.get(j.b, j.b)}"
        for j in spec.pairwise or ()
    )
    return WeightInfo(
        spec.method,
        METHOD_LABELS.get(spec.method, spec.method),
        spec.elicitation.strip(),
        _inputs(view),
        judgements,
        ahp,
        tuple(warnings),
        spec.illustrative,
    )
