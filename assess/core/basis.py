"""What a view's score rests on, as it is shown: evidence, judgement, carried.

A cell's `basis` is what its file says, with two readings a planner would
make anyway: in a scenario, a cell the scenario does not set, or one that
repeats its baseline cell word for word (value, range, rationale, source),
is *carried* over from the baseline, whatever it says; in a team view, a
cell is the basis its assessors agree on, or *mixed* when they differ (in a
scenario, their own cells of it, each read against their own baseline).
"""

from __future__ import annotations

from collections import Counter
from typing import Literal

from assess.core.view import View, effective_scores
from assess.model import Case, Estimate, Score

Shown = Literal["evidence", "judgement", "carried", "mixed"] | None
"""A cell's basis as shown; None: not stated."""
ORDER: tuple[Shown, ...] = ("evidence", "judgement", "carried", "mixed", None)


def _passage(cell: Estimate) -> tuple[str, str] | None:
    src = cell.source
    return None if src is None else (src.document, " ".join(src.passage.split()).casefold())


def repeats(cell: Estimate, old: Estimate) -> bool:
    """The cell says nothing its baseline cell does not: same value, range,
    rationale (spacing aside) and passage."""
    same_text = (cell.rationale or "").split() == (old.rationale or "").split()
    return (
        cell.value == old.value and cell.range == old.range and same_text and _passage(cell) == _passage(old)
    )


def team_basis(case: Case, option: str, criterion: str) -> Shown:
    """The basis the assessors who scored a cell agree on, 'mixed' if they differ."""
    said = {
        a.scores[option][criterion].basis
        for a in case.assessors.values()
        if criterion in a.scores.get(option, {})
    }
    if not said:
        return None
    return said.pop() if len(said) == 1 else "mixed"


def cell_basis(
    case: Case,
    scenario: str | None,
    option: str,
    criterion: str,
    assessor: str | None = None,
    baseline: dict[str, dict[str, Score]] | None = None,
) -> Shown:
    """The basis a cell of a view is shown with (see the module docstring).
    `baseline`: the baseline's cells of the same assessor, if at hand."""
    if scenario is not None:
        shared = case.scenarios[scenario].scores.get(option, {}).get(criterion)
        if assessor is None and shared is None and case.assessors:
            return _team_scenario_basis(case, scenario, option, criterion)
        own = _assessor_scenario_cell(case, scenario, option, criterion, assessor) or shared
        if baseline is None:
            baseline = effective_scores(case, None, assessor)
        return _scenario_basis(own, baseline.get(option, {}).get(criterion))
    for table in ([case.assessors[assessor].scores] if assessor else []) + [case.scores]:
        cell = table.get(option, {}).get(criterion)
        if cell is not None:
            return cell.basis
    return team_basis(case, option, criterion) if case.assessors else None


def _scenario_basis(own: Score | None, old: Score | None) -> Shown:
    """A scenario cell's basis: carried when it is missing, says so or repeats
    its baseline cell."""
    if own is None or own.basis == "carried" or (old is not None and repeats(own, old)):
        return "carried"
    return own.basis


def _assessor_scenario_cell(
    case: Case, scenario: str, option: str, criterion: str, assessor: str | None
) -> Score | None:
    if assessor is None or scenario not in case.assessors[assessor].scenarios:
        return None
    return case.assessors[assessor].scenarios[scenario].scores.get(option, {}).get(criterion)


def _team_scenario_basis(case: Case, scenario: str, option: str, criterion: str) -> Shown:
    """The basis the assessors' own cells of a scenario agree on, each read
    against their own baseline cell, 'mixed' if they differ."""
    said = set()
    for aid, person in case.assessors.items():
        old = person.scores.get(option, {}).get(criterion)
        own = _assessor_scenario_cell(case, scenario, option, criterion, aid)
        if own is not None or old is not None:
            said.add(_scenario_basis(own, old))
    if not said:
        return "carried"
    return said.pop() if len(said) == 1 else "mixed"


def view_bases(view: View) -> dict[tuple[str, str], Shown]:
    """Every cell's basis as shown, by (option, criterion)."""
    case = view.case
    baseline = effective_scores(case, None, view.assessor) if view.scenario is not None else None
    return {
        (o.id, c.id): cell_basis(case, view.scenario, o.id, c.id, view.assessor, baseline)
        for o in view.options
        for c in view.criteria
    }


def basis_counts(view: View) -> dict[Shown, int]:
    """How many of a view's cells rest on each basis, in `ORDER`, zeros left out."""
    counts = Counter(view_bases(view).values())
    return {b: counts[b] for b in ORDER if counts[b]}
