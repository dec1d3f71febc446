"""How a view's weights were elicited, said in a planner's words: the method,
the elicitation note, what was given per criterion and, for AHP, whether the
pairwise judgements are consistent."""

from __future__ import annotations

from dataclasses import dataclass, field

from assess.core.view import View
from assess.kernels.weighting import AhpResult
from assess.render.fmt import scale
from assess.render.labels import method_label


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


def _ratio(x: float) -> str:
    """An AHP judgement as given (1/3 stays 0.333333, not a rounded 0.33)."""
    return f"{x:g}"


def _inputs(view: View) -> dict[str, str]:
    spec = view.weight_spec
    if spec is None:
        return {c.id: f"default {scale(c.default_weight)}" for c in view.criteria}
    if spec.points is not None:
        return {k: f"{scale(v)} points" for k, v in spec.points.items()}
    if spec.swing is not None:
        return {k: f"swing {scale(v)}" for k, v in spec.swing.items()}
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
        f"{names.get(j.a, j.a)} vs {names.get(j.b, j.b)}: given {_ratio(j.given)}, "
        f"the other judgements imply {j.consistent:.2f} (nearest on Saaty's scale: {j.nearest_scale:.3g})"
        for j in result.inconsistent
    )
    return AhpInfo(result.cr, result.ci, result.lambda_max, result.threshold, result.ri_table, worst)


def weight_info(view: View) -> WeightInfo:
    """The elicitation of `view`'s weights, with the diagnostics of their derivation."""
    spec = view.weight_spec
    if spec is None:
        # the catalogue's defaults are an example, never an elicitation
        return WeightInfo("default", method_label(None), "", _inputs(view), illustrative=True)
    names = {c.id: c.name for c in view.criteria}
    derived, ahp = view.weighting, None
    warnings = derived.warnings if derived is not None else ()
    if derived is not None and isinstance(derived.diagnostics, AhpResult):
        ahp = _ahp(derived.diagnostics, names)
    judgements = tuple(
        f"{names.get(j.a, j.a)} is {_ratio(j.ratio)} times as important as {names.get(j.b, j.b)}"
        for j in spec.pairwise or ()
    )
    return WeightInfo(
        spec.method,
        method_label(spec.method),
        spec.elicitation.strip(),
        _inputs(view),
        judgements,
        ahp,
        tuple(warnings),
        spec.illustrative,
    )
