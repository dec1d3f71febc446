"""Scoring a view: totals, contributions, vetoes and ranks.

The weighted sum is the tool's primary method; other methods (see
`assess.kernels.methods`) return the same `ScoreResult` so every consumer (CLI,
TUI, reports) reads one shape.

The weighted sum of a view of up to `PLAIN_CELLS` cells whose value
functions are all linear runs in plain Python (`wsm_plain`), so that
`assess score` loads no NumPy; larger ones, or piecewise value functions,
run on NumPy arrays. Both give the same floats (the kernels share their
order of operations; property tests check them equal bit for bit), and the
ranks come from one plain rule (`rank_list`) on either.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from assess.core.values import all_linear
from assess.core.view import View
from assess.kernels.ranks import rank_list
from assess.kernels.wsm_plain import wsm_plain
from assess.model import Criterion
from assess.model.criteria import VetoMode

if TYPE_CHECKING:  # NumPy is imported where used: the plain weighted sum needs none
    from typing import TypeAlias

    import numpy as np
    from numpy.typing import NDArray

    Floats: TypeAlias = Sequence[float] | NDArray[np.float64]
    """Plain floats or an array of them."""
    Rows: TypeAlias = Sequence[Sequence[float]] | NDArray[np.float64]

PLAIN_CELLS = 20_000
"""The largest view (options x criteria) whose weighted sum runs in plain Python."""


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
    totals: Floats
    """Each option's score, in the view's option order: plain floats or an
    array (`scores` is always an array)."""
    parts: Rows | None = None
    """Weighted sum only: n x m, w_j * v_aj, rows summing to `totals`, as
    plain rows or an array (`contributions` is always an array)."""

    @cached_property
    def scores(self) -> NDArray[np.float64]:
        """`totals` as an array."""
        import numpy as np

        return np.asarray(self.totals, dtype=float)

    @cached_property
    def contributions(self) -> NDArray[np.float64] | None:
        """`parts` as an n x m array (None but for the weighted sum)."""
        import numpy as np

        if self.parts is None:
            return None
        return np.asarray(self.parts, dtype=float).reshape(len(self.totals), len(self.view.criteria))

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
    lo, value, hi = view.triple(option, criterion.id)
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


def build_ranking(view: View, scores: Floats, higher_is_better: bool) -> tuple[Ranked, ...]:
    """Ranks among the options not vetoed; vetoed ones follow, unranked."""
    reasons = veto_reasons(view)
    kept = [i for i, r in enumerate(reasons) if not r]
    ranks = dict(zip(kept, rank_list([float(scores[i]) for i in kept], higher_is_better), strict=True))
    items = [
        Ranked(o.id, o.name, ranks.get(i), float(scores[i]), bool(reasons[i]), reasons[i])
        for i, o in enumerate(view.options)
    ]
    ranked = sorted((r for r in items if not r.excluded), key=lambda r: r.rank or 0)
    return (*ranked, *(r for r in items if r.excluded))


def plain_wsm_applies(view: View) -> bool:
    """The view's weighted sum runs in plain Python (module docstring)."""
    return len(view.options) * len(view.criteria) <= PLAIN_CELLS and all_linear(view.criteria)


def score_wsm(view: View, *, plain: bool | None = None) -> ScoreResult:
    """The weighted sum of the view's values (see `assess.kernels.methods.wsm`):
    in plain Python or on arrays as `plain_wsm_applies` says, or as `plain`
    says when given. The results are the same."""
    if plain_wsm_applies(view) if plain is None else plain:
        parts, totals = wsm_plain(view.value_rows, view.weight_values)
        return ScoreResult("wsm", True, view, build_ranking(view, totals, True), totals, parts)
    from assess.kernels.methods.wsm import row_totals, wsm_contributions

    contributions = wsm_contributions(view.values, view.weights)
    arrays = row_totals(contributions)
    return ScoreResult("wsm", True, view, build_ranking(view, arrays, True), arrays, contributions)


def kept_mask(view: View) -> NDArray[np.bool_]:
    """True for the options no veto excludes."""
    import numpy as np

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
    if method == "wsm":
        return score_wsm(view)
    import numpy as np

    from assess.core.refusal import MethodRefused, refusal
    from assess.kernels.methods import MethodError, get_method

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
