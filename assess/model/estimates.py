"""Estimates: a score or a cost, with its range, why, where from and on what basis."""

from __future__ import annotations

from typing import Literal

from pydantic import ValidationInfo, field_validator

from assess.model.base import FiniteFloat, Strict
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
    rationale: str | None = None
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


class Cost(Estimate):
    """What funding one option takes of one resource, in the resource's unit.

    Never negative, and low <= value <= high. An option with no cost in a
    resource costs 0 in it."""

    @field_validator("value", "low", "high")
    @classmethod
    def _not_negative(cls, x: float | None, info: ValidationInfo) -> float | None:
        if x is not None and x < 0:
            raise ValueError(f"a cost is never negative; {info.field_name} is {x:g}")
        value = info.data.get("value")
        if x is None or value is None or info.field_name == "value":
            return x
        if info.field_name == "low" and x > value:
            raise ValueError(f"low {x:g} is above the value {value:g}")
        if info.field_name == "high" and x < value:
            raise ValueError(f"high {x:g} is below the value {value:g}")
        return x
