"""Estimates: a score or a cost, with its range, why, where from and on what basis."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, ValidationInfo, field_validator

from assess.model.base import FiniteFloat, Strict, Text
from assess.model.sources import SourceRef

Basis = Literal["evidence", "judgement", "carried"]
"""evidence: the cited passage supports the value; judgement: the assessors'
view, the passage (if any) gives only context; carried: kept from the baseline
without review (meaningful in a scenario)."""


class Estimate(Strict):
    """A value with its plausible range, its rationale, its source and its basis."""

    value: FiniteFloat
    low: FiniteFloat | None = None
    """Lower end of the plausible range (defaults to `value`)."""
    high: FiniteFloat | None = None
    """Upper end of the plausible range (defaults to `value`)."""
    rationale: Text | None = None
    source: SourceRef | None = None
    basis: Basis | None = None
    """What supports the value: evidence (the cited passage supports it),
    judgement (the assessors' view; the passage gives only context) or carried
    (kept from the baseline unreviewed, in a scenario). Unstated if absent."""

    @property
    def range(self) -> tuple[float, float]:
        lo = self.value if self.low is None else self.low
        hi = self.value if self.high is None else self.high
        return lo, hi


class Score(Estimate):
    """One option's score on one criterion, with why and where it comes from.

    The scale and the range (low <= value <= high) are checked against the
    criterion in `assess.validate`, which knows the criterion."""


def _cost(x: float) -> float:
    if x < 0:
        raise ValueError(f"a cost is never negative, not {x:g}")
    return x


NOT_NEGATIVE = Field(json_schema_extra={"minimum": 0})
"""What the schema says of a number >= 0 checked by an AfterValidator of our own
(which words the refusal better than `ge=0` would)."""

CostAmount = Annotated[FiniteFloat, AfterValidator(_cost), NOT_NEGATIVE]


class Cost(Estimate):
    """What funding one option takes of one resource, in the resource's unit.

    Never negative, and low <= value <= high. An option with no cost in a
    resource costs 0 in it."""

    value: CostAmount
    low: CostAmount | None = None
    """Lowest plausible cost (defaults to `value`)."""
    high: CostAmount | None = None
    """Highest plausible cost (defaults to `value`)."""

    @field_validator("low", "high")
    @classmethod
    def _around_value(cls, x: float | None, info: ValidationInfo) -> float | None:
        value = info.data.get("value")
        if x is None or value is None:
            return x
        if info.field_name == "low" and x > value:
            raise ValueError(f"low {x:g} is above the value {value:g}")
        if info.field_name == "high" and x < value:
            raise ValueError(f"high {x:g} is below the value {value:g}")
        return x
