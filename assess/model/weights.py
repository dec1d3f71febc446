"""Weights as elicited: the method and its inputs, so they can be re-derived."""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from assess.model.base import FiniteFloat, Id, Positive, Strict, Text

WeightMethod = Literal["direct", "swing", "roc", "smarter", "rank_sum", "rank_reciprocal", "ahp"]

INPUT_FIELD: dict[str, str] = {
    "direct": "points",
    "swing": "swing",
    "roc": "ranking",
    "smarter": "ranking",
    "rank_sum": "ranking",
    "rank_reciprocal": "ranking",
    "ahp": "pairwise",
}
"""Which field holds each method's inputs."""


class Judgement(Strict):
    """One AHP pairwise judgement: `a` is `ratio` times as important as `b`."""

    a: Id
    b: Id
    ratio: Positive


class Weights(Strict):
    """The weights of a view and how they were elicited."""

    method: WeightMethod = "direct"
    """direct points, swing weighting, rank order (roc, smarter, rank_sum,
    rank_reciprocal) or AHP pairwise comparison."""
    elicitation: Text = ""
    """Who gave the weights, when, and how."""
    points: dict[Id, FiniteFloat] | None = None
    """direct: points per criterion (any scale; normalised to sum to 1)."""
    swing: dict[Id, FiniteFloat] | None = None
    """swing: 100 for the most valued swing, others relative to it."""
    ranking: list[list[Id]] | None = None
    """rank order: groups of criteria, most important first."""
    pairwise: list[Judgement] | None = None
    """ahp: pairwise judgements on Saaty's 1..9 scale."""

    @model_validator(mode="after")
    def _inputs_match_method(self) -> Weights:
        wanted = INPUT_FIELD[self.method]
        if getattr(self, wanted) is None:
            raise ValueError(f"method '{self.method}' needs its inputs under '{wanted}'")
        extra = [f for f in set(INPUT_FIELD.values()) - {wanted} if getattr(self, f) is not None]
        if extra:
            raise ValueError(f"method '{self.method}' takes '{wanted}', not {', '.join(extra)}")
        return self

    def inputs(self) -> dict[str, object]:
        """The method's inputs as plain data, for `assess.weighting.derive_weights`."""
        field = INPUT_FIELD[self.method]
        return self.model_dump(include={field})
