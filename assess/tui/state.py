"""What the UI holds, pure (no Textual here): `AppState`, the whole state of the
app (the loaded cases, the undo history, the view shown), replaced on every
change; and `ViewState`, what the main screen shows: one view of one case,
scored, and how the ranking moved since the file was opened or last saved."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property

from assess.core.basis import Shown, cell_basis
from assess.core.edit import criterion_order
from assess.core.scoring import ScoreResult, score_wsm
from assess.core.view import View, available_criteria, effective_scores, resolve, view_criterion_ids
from assess.files.casefile import LoadedCase
from assess.model import Case, Catalogue, Criterion, Score
from assess.model.families import family_rank
from assess.tui.history import History
from assess.tui.present import criterion_colours


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
    """Option id -> places moved up (negative: down) since the file was opened
    or last saved (`saved`), in this view."""
    listed: tuple[Criterion, ...] = ()
    """The view's criteria including those switched off, in display order."""
    saved: Case | None = None
    """The case as its file holds it (None: the same as `case`)."""
    gains: Mapping[str, float] = field(default_factory=dict)
    """Option id -> change of its total since `saved`, in this view (where nonzero)."""
    reference: ScoreResult | None = None
    """This view of `saved`, scored (None when `saved` lacks the view)."""
    colours: Mapping[str, str] = field(default_factory=dict)
    """Criterion id -> its colour in charts, the same in every view of the case."""

    @property
    def modified(self) -> bool:
        """Whether the case differs from its file."""
        return self.saved is not None and self.saved is not self.case

    def criterion(self, criterion_id: str) -> Criterion:
        return next(c for c in self.listed if c.id == criterion_id)

    def in_overlay(self, option: str, criterion: str) -> bool:
        """Whether a cell of a scenario view is the scenario's own (not the baseline's)."""
        if self.scenario is None:
            return False
        return criterion in self.case.scenarios[self.scenario].scores.get(option, {})

    def cell(self, option: str, criterion: str) -> Score | None:
        return self.view.cells.get(option, {}).get(criterion)

    @cached_property
    def _bases(self) -> dict[tuple[str, str], Shown]:
        return {}

    @cached_property
    def _baseline(self) -> dict[str, dict[str, Score]] | None:
        """The baseline's cells of the view's assessor, which a scenario's bases are read against."""
        return effective_scores(self.case, None, self.view.assessor) if self.scenario is not None else None

    def basis(self, option: str, criterion: str) -> Shown:
        """A cell's basis as shown (`assess.core.basis.cell_basis`), for a
        criterion switched off too; worked out when first asked for in this
        state: a screen shows a few hundred of a large case's cells, and every
        edit makes a new state (all 8,000 of 200 x 40 took a fifth of an edit)."""
        key = (option, criterion)
        if key not in self._bases:
            self._bases[key] = cell_basis(
                self.case, self.scenario, option, criterion, self.view.assessor, self._baseline
            )
        return self._bases[key]


def family_order(criteria: list[Criterion]) -> list[Criterion]:
    """By family, in the order of `assess.model.FAMILIES` (drivers, the 5S
    constraints, later risks, others); file order within."""
    return sorted(criteria, key=lambda c: family_rank(c.family))


def rank_moves(before: ScoreResult, after: ScoreResult) -> dict[str, int]:
    old = {r.option: r.rank for r in before.ranking}
    moves = {}
    for r in after.ranking:
        was = old.get(r.option)
        if was is not None and r.rank is not None and was != r.rank:
            moves[r.option] = was - r.rank
    return moves


def total_gains(before: ScoreResult, after: ScoreResult) -> dict[str, float]:
    old = {r.option: r.score for r in before.ranking}
    gains = {}
    for r in after.ranking:
        was = old.get(r.option)
        if was is not None and r.score is not None and abs(r.score - was) >= 5e-4:
            gains[r.option] = r.score - was
    return gains


def _reference(
    saved: Case, catalogue: Catalogue | None, scenario: str | None, previous: ViewState | None
) -> ScoreResult | None:
    """This view of the saved case, scored; reused from `previous` when it can be."""
    if previous is not None and previous.saved is saved and previous.scenario == scenario:
        return previous.reference
    try:
        return score_wsm(resolve(saved, catalogue, scenario))
    except (KeyError, ValueError):  # the file lacks the view, or cannot be scored
        return None


def view_state(
    case: Case,
    catalogue: Catalogue | None,
    scenario: str | None,
    previous: ViewState | None = None,
    saved: Case | None = None,
) -> ViewState:
    """Resolve and score a view, and compare it with the same view of `saved`
    (the file's case; by default `previous`'s, else `case` itself). Raises
    ValueError (e.g. all weights zero) for a case that cannot be scored."""
    view = resolve(case, catalogue, scenario)
    order = family_order(list(view.criteria))
    if tuple(c.id for c in order) != view.criterion_ids:
        view = _reordered(view, order)
    if previous is not None and previous.scenario == scenario:
        view = replace(view, basis=previous.view)  # an edit: reuse the unchanged cells
    result = score_wsm(view)
    known = available_criteria(case, catalogue)
    listed = tuple(family_order([known[c] for c in view_criterion_ids(case, scenario, switched_off=True)]))
    if saved is None:
        saved = previous.saved if previous is not None and previous.saved is not None else case
    reference = result if saved is case else _reference(saved, catalogue, scenario, previous)
    moves = rank_moves(reference, result) if reference is not None else {}
    gains = total_gains(reference, result) if reference is not None else {}
    if previous is not None and previous.case.criteria is case.criteria and previous.colours:
        colours = previous.colours
    else:
        every = family_order([known[c] for c in criterion_order(case) if c in known])
        colours = criterion_colours(every)
    return ViewState(case, catalogue, scenario, view, result, moves, listed, saved, gains, reference, colours)


def _reordered(view: View, order: list[Criterion]) -> View:
    weights = tuple(view.weight_values[view.criterion_index[c.id]] for c in order)
    return replace(view, criteria=tuple(order), weight_values=weights)


@dataclass(frozen=True, eq=False)
class AppState:
    """Everything the app knows of its cases; replaced, never changed.

    `cases[0]` is the case being edited as its file holds it (last loaded or
    saved), the others are opened beside it for comparison; `history` holds the
    case as edited (its present) and the undo/redo lists; `view` is the view
    shown, scored against `cases[0]`. Each change (an edit, undo, a save, a
    reload, another view) makes a new AppState, and the app redraws from it."""

    cases: tuple[LoadedCase, ...]
    history: History
    view: ViewState

    @property
    def loaded(self) -> LoadedCase:
        return self.cases[0]

    @property
    def case(self) -> Case:
        return self.history.present

    @property
    def dirty(self) -> bool:
        """Whether the case differs from its file (undoing back to it makes it clean)."""
        return self.history.present is not self.loaded.case

    def with_loaded(self, loaded: LoadedCase) -> tuple[LoadedCase, ...]:
        """The cases with `loaded` as the edited one."""
        return (loaded, *self.cases[1:])
