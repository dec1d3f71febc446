"""What options cost and what may be spent: resources, budgets, portfolio rules.

Only what one object can check by itself is checked here; ids that must name
options or resources of the case are checked by `assess.model.references`.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field, ValidationInfo, field_validator, model_validator

from assess.model.base import FiniteFloat, Id, Label, Strict
from assess.model.estimates import NOT_NEGATIVE, Cost


class Resource(Strict):
    """Something options cost and the budget limits: money, people, political capital."""

    name: Label
    """How it is called in tables and on screen."""
    unit: Label = ""
    """What an amount counts, e.g. "M EUR per year" or "FTE"."""


def _budget(x: float) -> float:
    if x < 0:
        raise ValueError(f"a budget is never negative, not {x:g}")
    return x


Budget = dict[Id, Annotated[FiniteFloat, AfterValidator(_budget), NOT_NEGATIVE]]
"""resource id -> the amount available (>= 0, in the resource's unit). A
resource without an amount here is not limited."""

CostTable = dict[Id, dict[Id, Cost]]
"""option id -> resource id -> cost. A cost not given is 0."""


class Requirement(Strict):
    """`option` is funded only if `needs` is funded too."""

    option: Id
    """The option that needs another."""
    needs: Id
    """The option it cannot go without."""

    @model_validator(mode="after")
    def _not_itself(self) -> Requirement:
        if self.option == self.needs:
            raise ValueError(f"'{self.option}' cannot require itself")
        return self


class Rules(Strict):
    """Which portfolios are allowed, beside the budget."""

    must: list[Id] = Field(default_factory=list)
    """Options that must be funded."""
    must_not: list[Id] = Field(default_factory=list)
    """Options that are never funded."""
    at_most_one: list[list[Id]] = Field(default_factory=list)
    """Groups of options of which at most one is funded (variants of one area)."""
    requires: list[Requirement] = Field(default_factory=list)
    """"A requires B" pairs; a cycle means "all or none"."""

    @field_validator("must_not")
    @classmethod
    def _not_also_must(cls, ids: list[str], info: ValidationInfo) -> list[str]:
        must = set(info.data.get("must", []))
        both = [i for i in ids if i in must]
        if both:
            raise ValueError(f"{_quoted(both)} cannot be both in 'must' and in 'must_not'")
        return ids

    @field_validator("at_most_one")
    @classmethod
    def _groups(cls, groups: list[list[str]], info: ValidationInfo) -> list[list[str]]:
        must = set(info.data.get("must", []))
        for group in groups:
            if len(set(group)) < 2:
                raise ValueError(f"at most one of {_listed(group)}: a group needs two options or more")
            if len(set(group)) < len(group):
                raise ValueError(f"a group names an option twice: {_listed(group)}")
            forced = [i for i in group if i in must]
            if len(forced) > 1:
                raise ValueError(f"{_quoted(forced)} must be funded; at most one of {_listed(group)} may be")
        return groups


def _quoted(ids: list[str]) -> str:
    return ", ".join(f"'{i}'" for i in dict.fromkeys(ids))


def _listed(ids: list[str]) -> str:
    return "[" + ", ".join(ids) + "]"
