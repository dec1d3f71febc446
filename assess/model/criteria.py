"""Criteria: what each option is judged on, on which scale, in which direction."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic import Strict as StrictFlag

from assess.model.base import FiniteFloat, FormatVersion, Id, Label, NonNegative, Positive, Strict, Text
from assess.model.families import FamilyId
from assess.model.sources import Document, SourceRef

Direction = Literal["benefit", "cost"]
"""benefit: higher scores are better; cost: higher scores are worse."""


class Scale(Strict):
    """The declared range of a criterion's scores, with optional level labels."""

    min: FiniteFloat = 0.0
    max: FiniteFloat = 5.0
    levels: dict[Annotated[int, StrictFlag(False)], Label] = Field(default_factory=dict)
    """Labels of whole-number levels, e.g. {0: none, 5: severe}."""

    @model_validator(mode="after")
    def _ordered(self) -> Scale:
        if not self.max > self.min:
            raise ValueError(f"scale max ({self.max:g}) must be greater than min ({self.min:g})")
        for level in self.levels:
            if not self.min <= level <= self.max:
                raise ValueError(f"level {level} lies outside the scale {self.min:g}..{self.max:g}")
        return self

    def contains(self, x: float) -> bool:
        return self.min <= x <= self.max

    def label(self, x: float) -> str | None:
        return self.levels.get(int(x)) if float(x).is_integer() else None


class ValueFunction(Strict):
    """How a score becomes a value in [0, 1] (before reversal for cost criteria).

    `linear` maps min..max straight onto 0..1. `piecewise` goes through the
    given (score, value) points, which must start at the scale's min with 0,
    end at its max with 1, and never decrease.
    """

    kind: Literal["linear", "piecewise"] = "linear"
    points: list[Annotated[list[FiniteFloat], Field(min_length=2, max_length=2)]] = Field(
        default_factory=list
    )
    """[score, value] pairs."""

    @model_validator(mode="after")
    def _points(self) -> ValueFunction:
        if self.kind == "linear":
            if self.points:
                raise ValueError("a linear value function takes no points")
            return self
        if len(self.points) < 2:
            raise ValueError("a piecewise value function needs at least two points")
        xs = [p[0] for p in self.points]
        vs = [p[1] for p in self.points]
        if any(b <= a for a, b in zip(xs, xs[1:], strict=False)):
            raise ValueError("piecewise points must have increasing scores")
        if any(b < a for a, b in zip(vs, vs[1:], strict=False)):
            raise ValueError("piecewise values must never decrease")
        if vs[0] != 0 or vs[-1] != 1:
            raise ValueError("piecewise values must run from 0 to 1")
        return self


VetoMode = Literal["value", "high", "any_assessor"]
"""What a veto threshold is compared with (see `Veto.applies_to`)."""


class Veto(Strict):
    """A threshold beyond which an option is excluded from the ranking."""

    threshold: FiniteFloat
    """Cost criteria: a score above it excludes; benefit criteria: below it."""
    reason: Text | None = None
    """Why the threshold is a no-go, in the planner's words."""
    applies_to: VetoMode = "value"
    """What is compared with the threshold. value: the score itself (the
    team's score in a team case). high: the unfavourable end of the score's
    range, so an option is excluded when it could be beyond the line: the
    high end for a cost criterion, the low end for a benefit criterion
    (despite the name). any_assessor: every assessor's own score, so one
    assessor beyond the line excludes the option."""


class PreferenceFunction(Strict):
    """How PROMETHEE II turns one option's advantage d over another on this
    criterion (in score units, d > 0 in its favour) into a preference P(d) in
    [0, 1] (Brans & Vincke 1985). Only PROMETHEE II reads it (`assess score
    --method promethee` or `all`)."""

    function: Literal["usual", "vshape", "linear"] = "usual"
    """usual: any advantage is full preference (P = 1 if d > 0). vshape:
    preference grows in proportion up to p (P = d/p, 1 beyond p). linear: no
    preference up to q, then in proportion to full at p (P = (d - q)/(p - q))."""
    q: NonNegative | None = None
    """Indifference threshold, in score units: advantages up to q count for
    nothing (linear only; 0 <= q < p)."""
    p: Positive | None = None
    """Preference threshold, in score units: advantages beyond p are full
    preference (vshape and linear)."""

    @model_validator(mode="after")
    def _thresholds(self) -> PreferenceFunction:
        if self.function == "usual" and (self.q is not None or self.p is not None):
            raise ValueError("the usual preference function takes no thresholds q or p")
        if self.function != "usual" and self.p is None:
            raise ValueError(f"the {self.function} preference function needs a threshold p > 0")
        if self.function == "vshape" and self.q:
            raise ValueError("the vshape preference function has no q (or q: 0); use linear for one")
        q = self.q or 0.0
        if self.function == "linear" and self.p is not None and not q < self.p:
            raise ValueError(f"the linear preference function needs q < p, got q={q:g}, p={self.p:g}")
        return self


class Criterion(Strict):
    """One criterion of the catalogue or of a case."""

    id: Id
    name: Label
    family: FamilyId
    direction: Direction
    description: Text = ""
    scale: Scale = Field(default_factory=Scale)
    default_weight: NonNegative = 1.0
    veto: Veto | None = None
    value_function: ValueFunction = Field(default_factory=ValueFunction)
    source: SourceRef | None = None
    """The passage the criterion comes from."""
    preference: PreferenceFunction | None = None
    """PROMETHEE II's preference function on this criterion; usual if absent."""

    @model_validator(mode="after")
    def _consistent(self) -> Criterion:
        vf = self.value_function
        if vf.kind == "piecewise":
            if vf.points[0][0] != self.scale.min or vf.points[-1][0] != self.scale.max:
                raise ValueError("piecewise points must span the scale from min to max")
        if self.veto and not self.scale.contains(self.veto.threshold):
            raise ValueError(f"veto threshold {self.veto.threshold:g} lies outside the scale")
        return self

    def veto_point(self, low: float, value: float, high: float) -> float:
        """What the veto compares with its threshold for a score and its range:
        the value, or for `applies_to: high` the unfavourable end of the range
        (high for a cost criterion, low for a benefit one)."""
        if self.veto is None or self.veto.applies_to != "high":
            return value
        return high if self.direction == "cost" else low

    def vetoes(self, score: float) -> bool:
        if self.veto is None:
            return False
        if self.direction == "cost":
            return score > self.veto.threshold
        return score < self.veto.threshold


class CriterionOverride(Strict):
    """Changes a case makes to a catalogue criterion; unset fields are kept."""

    name: Label | None = None
    description: Text | None = None
    scale: Scale | None = None
    default_weight: NonNegative | None = None
    veto: Veto | None = None
    value_function: ValueFunction | None = None
    preference: PreferenceFunction | None = None
    """PROMETHEE II's preference function on this criterion in this case."""

    def apply(self, criterion: Criterion) -> Criterion:
        changes = self.model_dump(exclude_unset=True)
        return Criterion.model_validate({**criterion.model_dump(), **changes})


class Catalogue(Strict):
    """`criteria.yaml`: the shared catalogue of criteria."""

    format: FormatVersion = 1
    """Version of the catalogue format."""
    title: Label = ""
    documents: dict[Label, Document] = Field(default_factory=dict)
    criteria: list[Criterion]
