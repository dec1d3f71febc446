"""Scoring a view: totals, contributions, vetoes and ranks.

The weighted sum is the tool's primary method; other methods (see
`assess.kernels.methods`) return the same `ScoreResult` so every consumer (CLI,
TUI, reports) reads one shape.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from assess.core.view import View
from assess.kernels.methods.wsm import wsm_contributions
from assess.kernels.ranks import rank_scores


@dataclass(frozen=True, slots=True)
class VetoReason:
    """A veto that excludes an option: its score on a criterion past the threshold."""

    criterion: str
    """The criterion's name."""
    score: float
    threshold: float
    above: bool
    """True: the score is above the threshold (a cost criterion); False: below it."""
    reason: str | None
    """The catalogue's reason for the veto, if it gives one."""


@dataclass(frozen=True)
class Ranked:
    """One option's place in a ranking."""

    option: str
    name: str
    rank: int | None
    """1 is best; None when the option is excluded."""
    score: float | None
    """The method's index; None for an excluded option under a method whose
    scores depend on the other options (all but the weighted sum)."""
    excluded: bool
    reasons: tuple[VetoReason, ...] = ()
    """Why a veto excludes it (empty if it is not); `assess.render.explain.veto_sentence`
    says each in words."""


@dataclass(frozen=True)
class ScoreResult:
    """A ranking of a view by one method."""

    method: str
    higher_is_better: bool
    view: View
    ranking: tuple[Ranked, ...]
    """Ranked options by rank, then the excluded ones."""
    scores: NDArray[np.float64]
    """Each option's score, in the view's option order."""
    contributions: NDArray[np.float64] | None = None
    """Weighted sum only: n x m, w_j * v_aj, rows summing to `scores`."""

    def by_option(self) -> dict[str, Ranked]:
        return {r.option: r for r in self.ranking}


def veto_reasons(view: View) -> list[tuple[VetoReason, ...]]:
    """For each option, the vetoes that exclude it (empty if none does)."""
    reasons: list[list[VetoReason]] = [[] for _ in view.options]
    vetoed = [j for j, c in enumerate(view.criteria) if c.veto is not None]
    if vetoed:
        x = view.scores[:, vetoed]
        threshold = np.array([view.criteria[j].veto.threshold for j in vetoed])  # type: ignore[union-attr]
        cost = np.array([view.criteria[j].direction == "cost" for j in vetoed])
        for i, k in zip(*np.nonzero(np.where(cost, x > threshold, x < threshold)), strict=True):
            criterion = view.criteria[vetoed[k]]
            assert criterion.veto is not None
            reasons[i].append(
                VetoReason(
                    criterion.name,
                    float(x[i, k]),
                    criterion.veto.threshold,
                    criterion.direction == "cost",
                    criterion.veto.reason or None,
                )
            )
    return [tuple(r) for r in reasons]


def build_ranking(view: View, scores: NDArray[np.float64], higher_is_better: bool) -> tuple[Ranked, ...]:
    """Ranks among the options not vetoed; vetoed ones follow, unranked."""
    reasons = veto_reasons(view)
    kept = np.array([not r for r in reasons], dtype=bool)
    ranks = np.zeros(len(scores), dtype=np.int64)
    if kept.any():
        ranks[kept] = rank_scores(scores[kept], higher_is_better)
    items = [
        Ranked(o.id, o.name, int(ranks[i]) if kept[i] else None, float(scores[i]), not kept[i], reasons[i])
        for i, o in enumerate(view.options)
    ]
    ranked = sorted((r for r in items if not r.excluded), key=lambda r: r.rank or 0)
    return (*ranked, *(r for r in items if r.excluded))


def score_wsm(view: View) -> ScoreResult:
    """The weighted sum of the view's values (see `assess.kernels.methods.wsm`)."""
    contributions = wsm_contributions(view.values, view.weights)
    totals = contributions.sum(axis=1)
    return ScoreResult("wsm", True, view, build_ranking(view, totals, True), totals, contributions)


def kept_mask(view: View) -> NDArray[np.bool_]:
    """True for the options no veto excludes."""
    return np.array([not r for r in veto_reasons(view)], dtype=bool)


def score_method(view: View, method: str, **params: object) -> ScoreResult:
    """Rank a view by any registered method (see `assess.kernels.methods.registry`).

    Methods other than the weighted sum compare options with each other, so
    they run on the options no veto excludes; excluded ones get no score.
    Raises `assess.core.refusal.MethodRefused` (a MethodError), in a planner's
    words and with its data, when the method does not apply to the view."""
    from assess.core.refusal import MethodRefused, refusal
    from assess.kernels.methods import MethodError, get_method

    if method == "wsm":
        return score_wsm(view)
    spec = get_method(method)
    kept = kept_mask(view)
    scores = np.full(len(view.options), np.nan)
    if kept.any():
        matrix = view.values if spec.input == "values" else view.scores
        try:
            scores[kept] = spec.kernel(matrix[kept], view.weights, view.cost, **params)
        except MethodError as err:
            raise MethodRefused(refusal(view, method, err, np.flatnonzero(kept))) from None
    return ScoreResult(
        method, spec.higher_is_better, view, build_ranking(view, scores, spec.higher_is_better), scores
    )
