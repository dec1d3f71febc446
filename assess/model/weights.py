"""Weights as elicited: the method and its inputs, so they can be re-derived,
the statements a team can make about them, and how they came about."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from pydantic import Field, model_validator

from assess.model.base import FiniteFloat, Id, Positive, Strict, Text
from assess.model.record import StatementStep, Step
from assess.model.statements import Attributed, Statement

WeightMethod = Literal[
    "direct", "swing", "roc", "smarter", "rank_sum", "rank_reciprocal", "ahp", "statements"
]
"""The names of `WEIGHT_METHODS`, as the schema lists them."""


@dataclass(frozen=True, slots=True)
class MethodInfo:
    """What a weighting method is called and what it needs."""

    label: str
    """Its name at the start of a sentence ("Swing weighting"); inside one, see
    `assess.render.labels.method_label`."""
    field: str
    """The field of `Weights` that holds its inputs."""
    per_criterion: bool = False
    """Its inputs are a number per criterion, which an edit can change one by one."""


WEIGHT_METHODS: Mapping[str, MethodInfo] = MappingProxyType(
    {
        "direct": MethodInfo("Direct points", "points", per_criterion=True),
        "swing": MethodInfo("Swing weighting", "swing", per_criterion=True),
        "roc": MethodInfo("Rank order centroid (ROC)", "ranking"),
        "smarter": MethodInfo("SMARTER (rank order centroid of ranked swings)", "ranking"),
        "rank_sum": MethodInfo("Rank sum", "ranking"),
        "rank_reciprocal": MethodInfo("Rank reciprocal", "ranking"),
        "ahp": MethodInfo("AHP pairwise comparison", "pairwise"),
        "statements": MethodInfo("Central weights of the statements", "statements"),
    }
)
"""Every weighting method, by name: the one table the model, the kernels'
dispatch (`assess.kernels.weighting`), the edits and the UI read."""

INPUT_FIELD: Mapping[str, str] = MappingProxyType({k: m.field for k, m in WEIGHT_METHODS.items()})
"""Which field holds each method's inputs (from `WEIGHT_METHODS`)."""

POINT_INPUTS = tuple(dict.fromkeys(m.field for m in WEIGHT_METHODS.values() if m.field != "statements"))
"""The fields from which point weights are derived; a view has at most one."""


class Judgement(Attributed):
    """One AHP pairwise judgement: `a` is `ratio` times as important as `b`."""

    a: Id
    b: Id
    ratio: Positive


class Weights(Strict):
    """The weights of a view and how they were elicited."""

    method: WeightMethod = "direct"
    """direct points, swing weighting, rank order (roc, smarter, rank_sum,
    rank_reciprocal), AHP pairwise comparison, or statements alone (no point
    weights: the view's weights are those the statements allow)."""
    elicitation: Text = ""
    """Who gave the weights, when, and how."""
    illustrative: bool = False
    """The weights are an example (such as the catalogue's defaults), not a
    team's elicitation; shown as such wherever they are used."""
    points: dict[Id, FiniteFloat] | None = None
    """direct: points per criterion (any scale; normalised to sum to 1)."""
    swing: dict[Id, FiniteFloat] | None = None
    """swing: 100 for the most valued swing, others relative to it."""
    ranking: list[list[Id]] | None = None
    """rank order: groups of criteria, most important first."""
    pairwise: list[Judgement] | None = None
    """ahp: pairwise judgements on Saaty's 1..9 scale."""
    statements: list[Statement] = Field(default_factory=list)
    """What the team can say about the weights: rank orders with ties,
    intervals and exact values of a criterion's share (fractions: 0.2 means
    20 %), ratio bounds between two criteria. The inputs of method
    `statements`; beside any other method, its point weights must satisfy them."""
    record: list[Step] = Field(default_factory=list)
    """The elicitation step by step, in the order taken: swing_order,
    swing_rating, pairwise, tradeoff, statement (an index into `statements`),
    withdrawal (a statement taken back, kept whole in the step)."""

    @model_validator(mode="after")
    def _record_names_statements(self) -> Weights:
        # On the whole block, not on `record`: when the loader leaves out a
        # broken statement to read on, the indices shift, and an error here is
        # then known to follow from that one.
        count = len(self.statements)
        for k, step in enumerate(self.record):
            if isinstance(step, StatementStep) and step.statement >= count:
                have = f"statements 0..{count - 1}" if count else "no statements"
                raise ValueError(f"step {k} of the record names statement {step.statement}; there are {have}")
        return self

    @model_validator(mode="after")
    def _inputs_match_method(self) -> Weights:
        wanted = INPUT_FIELD[self.method]
        given = [f for f in POINT_INPUTS if getattr(self, f) is not None]
        if self.method == "statements":
            if not self.statements:
                raise ValueError("method 'statements' needs at least one statement under 'statements'")
            if given:
                raise ValueError(
                    f"method 'statements' takes no point weights ({', '.join(given)}); "
                    "beside statements, name the method of the point weights"
                )
            return self
        if getattr(self, wanted) is None:
            raise ValueError(f"method '{self.method}' needs its inputs under '{wanted}'")
        extra = [f for f in given if f != wanted]
        if extra:
            raise ValueError(f"method '{self.method}' takes '{wanted}', not {', '.join(extra)}")
        return self

    def inputs(self) -> dict[str, object]:
        """The method's inputs as plain data, for `assess.kernels.weighting.derive_weights`
        (AHP judgements without who gave them and why)."""
        field = INPUT_FIELD[self.method]
        # Copied by hand, not by `model_dump`: dumping builds the models'
        # serializers, a twentieth of a second the CLI's start need not pay.
        if self.pairwise is not None and field == "pairwise":
            return {field: [{"a": j.a, "b": j.b, "ratio": j.ratio} for j in self.pairwise]}
        if self.ranking is not None and field == "ranking":
            return {field: [list(group) for group in self.ranking]}
        if field in ("points", "swing"):
            value = getattr(self, field)
            return {field: None if value is None else dict(value)}
        return self.model_dump(include={field})
