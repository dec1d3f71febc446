"""The elicitation record: how the weights came about, step by step.

`Weights.record` lists the steps in the order they were taken, so a reviewer
can replay them. Each step is a mapping whose `step` names its kind:

    - {step: swing_order, order: [security, sanctions, competence], by: anna}
    - {step: swing_rating, criterion: sanctions, rating: 80, by: anna}
    - {step: pairwise, a: security, b: competence, ratio: 3, by: boris}
    - {step: tradeoff, criterion: security, to: competence, ratio: 2, answer: more}
    - {step: statement, statement: 2, by: chen}
    - {step: withdrawal, withdrawn: {order: [security, sanctions], by: chen}, by: anna}

A statement withdrawn leaves `statements`; its `withdrawal` step keeps it
whole, with who gave it and when, and says who withdrew it, when and why
(`assess.core.edit_elicit.remove_statement`).

Swing weighting after von Winterfeldt & Edwards (1986), Decision Analysis and
Behavioral Research, ch. 8; pairwise judgements on Saaty's 1..9 scale;
trade-off questions two criteria at a time, as in PAPRIKA (Hansen & Ombler
2008, J. Multi-Criteria Decision Analysis 15:87-107).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, Tag, model_validator

from assess.errors import did_you_mean
from assess.model.base import Id, tag, tagged
from assess.model.statements import Attributed, OrderEntry, RatioBound, Statement, check_order


class SwingOrderStep(Attributed):
    """The swings from worst to best on each criterion, most valued first."""

    step: Literal["swing_order"]
    order: list[OrderEntry]
    """Most valued swing first; a nested list is a tie."""

    @model_validator(mode="after")
    def _order(self) -> SwingOrderStep:
        check_order(self.order, "swing_order")
        return self


class SwingRatingStep(Attributed):
    """One swing rated against the most valued one, which is 100."""

    step: Literal["swing_rating"]
    criterion: Id
    """The criterion whose swing is rated."""
    rating: Annotated[float, Field(allow_inf_nan=False, ge=0, le=100)]
    """0..100; the most valued swing is 100."""


class PairwiseStep(Attributed):
    """An AHP judgement: `a` is `ratio` times as important as `b`."""

    step: Literal["pairwise"]
    a: Id
    b: Id
    ratio: RatioBound
    """On Saaty's 1..9 scale (1/9..1 when `b` is the more important)."""

    @model_validator(mode="after")
    def _two(self) -> PairwiseStep:
        if self.a == self.b:
            raise ValueError(f"pairwise: '{self.a}' is compared with itself")
        return self


class TradeoffStep(Attributed):
    """A trade-off question and its answer: does the swing on `criterion`
    matter more than `ratio` times the swing on `to`?

    more: w(criterion) > ratio * w(to); less: w(criterion) < ratio * w(to);
    equal: w(criterion) = ratio * w(to)."""

    step: Literal["tradeoff"]
    criterion: Id
    """The criterion whose swing was offered."""
    to: Id
    """The criterion whose swing it was weighed against."""
    ratio: RatioBound
    """How many swings on `to` one swing on `criterion` was weighed against."""
    answer: Literal["more", "less", "equal"]
    """The planner's answer: more, less or equal."""

    @model_validator(mode="after")
    def _two(self) -> TradeoffStep:
        if self.criterion == self.to:
            raise ValueError(f"tradeoff: '{self.criterion}' is compared with itself")
        return self


class StatementStep(Attributed):
    """A statement added to `statements` at this point of the elicitation."""

    step: Literal["statement"]
    statement: int = Field(ge=0)
    """Its index in `statements` (0 is the first)."""


class WithdrawalStep(Attributed):
    """A statement withdrawn at this point: it left `statements` (the step that
    gave it with it); `by`, `date` and `rationale` are the withdrawal's."""

    step: Literal["withdrawal"]
    withdrawn: Statement
    """The statement as it was, with who gave it, when and why."""


STEP_KINDS: dict[str, type[Attributed]] = {
    "swing_order": SwingOrderStep,
    "swing_rating": SwingRatingStep,
    "pairwise": PairwiseStep,
    "tradeoff": TradeoffStep,
    "statement": StatementStep,
    "withdrawal": WithdrawalStep,
}


def _step_kind(data: object) -> str:
    """The kind of a step's data, or a ValueError that says why there is none."""
    if not isinstance(data, dict):
        raise ValueError(f"a step of the record is a mapping, not {type(data).__name__}")
    names = ", ".join(STEP_KINDS)
    if "step" not in data:
        raise ValueError(f"a step of the record needs 'step:', one of {names}")
    kind = data["step"]
    if not isinstance(kind, str) or kind not in STEP_KINDS:  # a list is unhashable
        hint = did_you_mean(kind, tuple(STEP_KINDS)) if isinstance(kind, str) else ""
        raise ValueError(f"unknown step {kind!r}{hint}; one of {names}")
    return kind


Step = Annotated[
    Annotated[SwingOrderStep, Tag(tag("swing_order"))]
    | Annotated[SwingRatingStep, Tag(tag("swing_rating"))]
    | Annotated[PairwiseStep, Tag(tag("pairwise"))]
    | Annotated[TradeoffStep, Tag(tag("tradeoff"))]
    | Annotated[StatementStep, Tag(tag("statement"))]
    | Annotated[WithdrawalStep, Tag(tag("withdrawal"))],
    *tagged(_step_kind, STEP_KINDS),
]
"""One step of the elicitation record (see the module docstring)."""
