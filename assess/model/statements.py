"""Weight statements: what a team can honestly say about the weights.

Weights here are shares of the total weight (normalised, summing to 1), so a
fraction 0.2 means 20 %. Each statement is a mapping with exactly one of the
keys `order`, `interval`, `ratio` or `exact`, which names its kind:

    - order: [security, [sanctions, suspicions], competence]
    - interval: {criterion: security, min: 0.2, max: 0.4}
    - ratio: {criterion: sanctions, to: competence, min: 1.5, max: 3}
    - exact: {criterion: cost_sharing, weight: 0.05}

Ordinal and interval weight information after Kirkwood & Sarin (1985),
Operations Research 33(1):38-48; ratio bounds as in PRIME (Salo & Hamalainen
2001, IEEE Trans. SMC-A 31(6):533-545). Only what a statement can check by
itself is checked here; criterion ids and whether the statements can all hold
at once are checked against the case elsewhere.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    Field,
    Tag,
    model_serializer,
    model_validator,
)
from pydantic import SerializerFunctionWrapHandler as Handler

from assess.errors import did_you_mean
from assess.model.base import FiniteFloat, Id, Label, Strict, Text, tag, tagged

# -- what every statement, elicitation step and AHP judgement carries -----------

_SAID_BY = ("by", "rationale", "date")


class Attributed(Strict):
    """Who said it, why and when; written after what was said."""

    by: Label | None = None
    """Who said it: an assessor id or a free name."""
    rationale: Text | None = None
    """Why, in their words."""
    date: dt.date | None = None
    """When it was said."""

    @model_serializer(mode="wrap")
    def _said_last(self, handler: Handler) -> Any:
        # Pydantic orders inherited fields first; in a file the statement reads first.
        data = handler(self)
        if isinstance(data, dict):
            for key in _SAID_BY:
                if key in data:
                    data[key] = data.pop(key)
        return data


# -- numbers of statements --------------------------------------------------------


def _share(x: float) -> float:
    if not 0 <= x <= 1:
        raise ValueError(f"a share of the total weight is a fraction in 0..1 (0.2 means 20 %), not {x:g}")
    return x


def _positive(x: float) -> float:
    if not x > 0:
        raise ValueError(f"a ratio bound is above 0, not {x:g}")
    return x


_FRACTION = Field(json_schema_extra={"minimum": 0, "maximum": 1})
_ABOVE_ZERO = Field(json_schema_extra={"exclusiveMinimum": 0})

Share = Annotated[FiniteFloat, AfterValidator(_share), _FRACTION]
"""A share of the total weight: a fraction in 0..1 (0.2 means 20 %)."""

RatioBound = Annotated[FiniteFloat, AfterValidator(_positive), _ABOVE_ZERO]
"""A ratio of two weights: above 0."""


def _bounds(kind: str, low: float | None, high: float | None) -> None:
    if low is None and high is None:
        raise ValueError(f"{kind}: give min, max or both")
    if low is not None and high is not None and low > high:
        raise ValueError(f"{kind}: min {low:g} is above max {high:g}")


# -- an order of criteria, with ties ----------------------------------------------


def _one_or_tie(item: object) -> str:
    if isinstance(item, str):
        return "id"
    if isinstance(item, list):
        return "tie"
    raise ValueError("an entry of an order is a criterion id or a list of tied ids")


OrderEntry = Annotated[
    Annotated[Id, Tag(tag("id"))] | Annotated[list[Id], Tag(tag("tie"))],
    *tagged(_one_or_tie),
]
"""A criterion id, or a list of ids that weigh the same (a tie)."""


def check_order(entries: list[str | list[str]], what: str) -> None:
    """An order names at least two criteria, each once, in no empty tie."""
    flat: list[str] = []
    for entry in entries:
        group = [entry] if isinstance(entry, str) else entry
        if not group:
            raise ValueError(f"{what}: a tie lists at least one criterion, not []")
        flat += group
    twice = sorted(c for c, n in Counter(flat).items() if n > 1)
    if twice:
        raise ValueError(f"{what} names {', '.join(repr(c) for c in twice)} more than once")
    if len(flat) < 2:
        raise ValueError(f"{what} compares two criteria or more")


def order_groups(entries: list[str | list[str]]) -> list[list[str]]:
    """The entries as groups (a lone id is a group of one), most important first."""
    return [[entry] if isinstance(entry, str) else list(entry) for entry in entries]


# -- the four kinds -----------------------------------------------------------------


class OrderStatement(Attributed):
    """Criteria from most to least important, each at least as important as the next."""

    order: list[OrderEntry]
    """Most important first; a nested list is a tie (equal weights), e.g.
    [security, [sanctions, suspicions], competence]."""

    @model_validator(mode="after")
    def _order(self) -> OrderStatement:
        check_order(self.order, "order")
        return self


class IntervalBounds(Strict):
    """min <= w <= max for one criterion's share of the total weight."""

    criterion: Id
    """The criterion whose share is bounded."""
    min: Share | None = None
    """Lowest share of the total weight (0.2 means 20 %)."""
    max: Share | None = None
    """Highest share of the total weight (0.4 means 40 %)."""

    @model_validator(mode="after")
    def _ordered(self) -> IntervalBounds:
        _bounds("interval", self.min, self.max)
        return self


class IntervalStatement(Attributed):
    """A criterion's share of the total weight lies in an interval."""

    interval: IntervalBounds


class RatioBounds(Strict):
    """min <= w(criterion) / w(to) <= max."""

    criterion: Id
    """The criterion whose weight is compared."""
    to: Id
    """The criterion it is compared to."""
    min: RatioBound | None = None
    """At least this many times as important (1: at least as important)."""
    max: RatioBound | None = None
    """At most this many times as important."""

    @model_validator(mode="after")
    def _ordered(self) -> RatioBounds:
        if self.criterion == self.to:
            raise ValueError(f"ratio: '{self.criterion}' is compared with itself")
        _bounds("ratio", self.min, self.max)
        return self


class RatioStatement(Attributed):
    """One criterion weighs between min and max times another."""

    ratio: RatioBounds


class ExactWeight(Strict):
    """w = weight for one criterion."""

    criterion: Id
    """The criterion whose share is known."""
    weight: Share
    """Its share of the total weight (0.05 means 5 %)."""


class ExactStatement(Attributed):
    """A criterion's share of the total weight is known exactly."""

    exact: ExactWeight


# -- a statement is one of the kinds, named by its key -------------------------------

STATEMENT_KINDS: dict[str, type[Attributed]] = {
    "order": OrderStatement,
    "interval": IntervalStatement,
    "ratio": RatioStatement,
    "exact": ExactStatement,
}


def _statement_kind(data: object) -> str:
    """The kind of a statement's data, or a ValueError that says why there is none."""
    if not isinstance(data, dict):
        raise ValueError(f"a statement is a mapping, not {type(data).__name__}")
    kinds = [k for k in STATEMENT_KINDS if k in data]
    if len(kinds) == 1:
        return kinds[0]
    if kinds:
        raise ValueError(f"a statement has one kind; this one has {' and '.join(kinds)}: make them two")
    names = ", ".join(STATEMENT_KINDS)
    other = [str(k) for k in data if k not in _SAID_BY]
    hint = did_you_mean(other[0], tuple(STATEMENT_KINDS)) if other else ""
    listed = ", ".join(other[:3]) + (", ..." if len(other) > 3 else "")
    got = f"; it has {listed}{hint}" if other else ""
    raise ValueError(f"a statement needs one of the keys {names}{got}")


Statement = Annotated[
    Annotated[OrderStatement, Tag(tag("order"))]
    | Annotated[IntervalStatement, Tag(tag("interval"))]
    | Annotated[RatioStatement, Tag(tag("ratio"))]
    | Annotated[ExactStatement, Tag(tag("exact"))],
    *tagged(_statement_kind, STATEMENT_KINDS),
]
"""One weight statement: order, interval, ratio or exact (see the module docstring)."""
