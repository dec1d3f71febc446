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
from assess.model import Criterion
from assess.model.criteria import VetoMode


@dataclass(frozen=True, slots=True)
class VetoReason:
    """A veto that excludes an option: its score on a criterion past the threshold."""

    criterion: str
    """The criterion's name."""
    score: float
    """What was compared with the threshold: the score (`applies_to: value`),
    the unfavourable end of its range (`high`), or the score of the assessor
    farthest beyond the line (`any_assessor`)."""
    threshold: float
    above: bool
    """True: the score is above the threshold (a cost criterion); False: below it."""
    reason: str | None
    """The catalogue's reason for the veto, if it gives one."""
    applies_to: VetoMode = "value"
    """Which of the veto's modes excluded the option; `value` also when an
    `any_assessor` veto excludes on the view's own value (an agreed score)."""
    range: tuple[float, float] | None = None
    """`high`: the score's range (low, high)."""
    assessors: tuple[tuple[str, float], ...] = ()
    """`any_assessor`: each assessor beyond the line (name, their score), farthest first."""


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
    """For each option, the vetoes that exclude it (empty if none does), in
    the view's criterion order.

    A veto compares its threshold with what its `applies_to` says: `value`
    the score; `high` the unfavourable end of the range (the high end of a
    cost criterion, the low end of a benefit one); `any_assessor` the score
    and every assessor's own score of the cell, so that one assessor beyond
    the line excludes the option (in a team case; elsewhere it is `value`)."""
    reasons: list[list[VetoReason]] = [[] for _ in view.options]
    for j, criterion in enumerate(view.criteria):
        veto = criterion.veto
        if veto is None:
            continue
        for i, option in enumerate(view.options):
            found = _veto(view, criterion, i, j, option.id)
            if found is not None:
                reasons[i].append(found)
    return [tuple(r) for r in reasons]


def _veto(view: View, criterion: Criterion, i: int, j: int, option: str) -> VetoReason | None:
    veto = criterion.veto
    assert veto is not None
    cost = criterion.direction == "cost"
    lo, value, hi = float(view.low[i, j]), float(view.scores[i, j]), float(view.high[i, j])
    said = (criterion.name, veto.threshold, cost, veto.reason or None)
    if veto.applies_to == "high":
        end = criterion.veto_point(lo, value, hi)
        if criterion.vetoes(end):
            return VetoReason(said[0], end, *said[1:], applies_to="high", range=(lo, hi))
        return None
    if veto.applies_to == "any_assessor":
        beyond = [(n, x) for n, x in _own_scores(view, option, criterion.id) if criterion.vetoes(x)]
        if beyond:
            beyond.sort(key=lambda nx: -nx[1] if cost else nx[1])
            return VetoReason(
                said[0], beyond[0][1], *said[1:], applies_to="any_assessor", assessors=tuple(beyond)
            )
    return VetoReason(said[0], value, *said[1:]) if criterion.vetoes(value) else None


def _own_scores(view: View, option: str, criterion: str) -> list[tuple[str, float]]:
    """Each assessor's own score of a cell in a team view (in a scenario, their
    own cell of it, else their baseline's): none when the view is one
    assessor's, or when the scenario's or an agreed score replaces the cell."""
    from assess.core.team import own_cell

    case, scenario = view.case, view.scenario
    if view.assessor is not None or not case.assessors:
        return []
    if scenario is not None and criterion in case.scenarios[scenario].scores.get(option, {}):
        return []
    rescored = scenario is not None and any(
        criterion in p.scenarios[scenario].scores.get(option, {})
        for p in case.assessors.values()
        if scenario in p.scenarios
    )
    if not rescored and criterion in case.scores.get(option, {}):
        return []
    out = []
    for aid, person in case.assessors.items():
        cell = own_cell(case, aid, option, criterion, scenario)
        if cell is not None:
            out.append((person.name, cell.value))
    return out


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


def promethee_preferences(view: View) -> list[dict[str, object]]:
    """Each criterion's PROMETHEE preference function (`Criterion.preference`,
    usual if absent) as the kernel's `preferences` parameter."""
    out: list[dict[str, object]] = []
    for c in view.criteria:
        pref = c.preference
        if pref is None or pref.function == "usual":
            out.append({"kind": "usual"})
        else:
            out.append({"kind": pref.function, "q": pref.q or 0.0, "p": pref.p or 0.0})
    return out


def score_method(view: View, method: str, **params: object) -> ScoreResult:
    """Rank a view by any registered method (see `assess.kernels.methods.registry`).

    Methods other than the weighted sum compare options with each other, so
    they run on the options no veto excludes; excluded ones get no score.
    PROMETHEE II takes each criterion's preference function from the view
    unless `preferences` is given.
    Raises `assess.core.refusal.MethodRefused` (a MethodError), in a planner's
    words and with its data, when the method does not apply to the view."""
    from assess.core.refusal import MethodRefused, refusal
    from assess.kernels.methods import MethodError, get_method

    if method == "wsm":
        return score_wsm(view)
    spec = get_method(method)
    if method == "promethee" and "preferences" not in params:
        params = {**params, "preferences": promethee_preferences(view)}
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
