"""What the main screen shows: one view of one case, scored, and how the
ranking moved since the state before. Pure: no Textual here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from assess.model import Case, Catalogue, Criterion, Score
from assess.resolve import View, available_criteria, resolve
from assess.scoring import ScoreResult, score_wsm


@dataclass(frozen=True, eq=False)
class ViewState:
    """One scored view of the case on the App; replaced, never changed.

    `eq=False`: two states are the same only if they are the same object, so
    a reactive holding one fires on every replacement (and never compares
    NumPy arrays)."""

    case: Case
    catalogue: Catalogue | None
    scenario: str | None
    view: View
    result: ScoreResult
    moves: Mapping[str, int] = field(default_factory=dict)
    """Option id -> places moved up (negative: down) since the previous state."""
    listed: tuple[Criterion, ...] = ()
    """The view's criteria including those switched off, in display order."""

    def criterion(self, criterion_id: str) -> Criterion:
        return next(c for c in self.listed if c.id == criterion_id)

    def in_overlay(self, option: str, criterion: str) -> bool:
        """Whether a cell of a scenario view is the scenario's own (not the baseline's)."""
        if self.scenario is None:
            return False
        return criterion in self.case.scenarios[self.scenario].scores.get(option, {})

    def cell(self, option: str, criterion: str) -> Score | None:
        return self.view.cells.get(option, {}).get(criterion)


def listed_ids(case: Case, scenario: str | None) -> list[str]:
    """The view's criteria, switched-off ones included: baseline's, minus the
    scenario's removals, plus its additions."""
    ids = list(case.criteria.use)
    if scenario is not None:
        sc = case.scenarios[scenario].criteria
        ids = [c for c in ids if c not in sc.remove]
        ids += [c for c in sc.add if c not in ids]
    return ids


def family_order(criteria: list[Criterion]) -> list[Criterion]:
    """Drivers first, then the 5S constraints, then later risks; file order within."""
    rank = {"driver": 0, "constraint": 1, "risk": 2, "other": 3}
    return sorted(criteria, key=lambda c: rank[c.family])


def rank_moves(before: ScoreResult, after: ScoreResult) -> dict[str, int]:
    old = {r.option: r.rank for r in before.ranking}
    moves = {}
    for r in after.ranking:
        was = old.get(r.option)
        if was is not None and r.rank is not None and was != r.rank:
            moves[r.option] = was - r.rank
    return moves


def analyse(
    case: Case, catalogue: Catalogue | None, scenario: str | None, previous: ViewState | None = None
) -> ViewState:
    """Resolve and score a view. Raises ValueError (e.g. all weights zero) for
    a case that cannot be scored."""
    view = resolve(case, catalogue, scenario)
    order = family_order(list(view.criteria))
    if [c.id for c in order] != [c.id for c in view.criteria]:
        view = _reordered(view, order)
    if previous is not None and previous.scenario == scenario:
        view = replace(view, basis=previous.view)  # an edit: reuse the unchanged cells
    result = score_wsm(view)
    known = available_criteria(case, catalogue)
    listed = tuple(family_order([known[c] for c in listed_ids(case, scenario)]))
    moves = rank_moves(previous.result, result) if previous is not None else {}
    return ViewState(case, catalogue, scenario, view, result, moves, listed)


def _reordered(view: View, order: list[Criterion]) -> View:
    index = {c.id: j for j, c in enumerate(view.criteria)}
    weights = view.weights[[index[c.id] for c in order]]
    return View(view.case, view.scenario, tuple(order), view.options, view.cells, view.weight_spec, weights)
