"""Where the assessors' weight statements conflict.

Each assessor's statements are checked on their own when the case loads
(`assess.core.statements`); across assessors, on the baseline's criteria:

* exclusions: a statement of one assessor that another's statements exclude,
  i.e. no weight vector satisfies the other's statements and this one
  (one LP per statement and other assessor);
* the union: when all the assessors' statements together admit no weights,
  the smallest conflicting subset across assessors (`WeightPolytope.
  minimal_conflict`: proven smallest within its LP budget, else an
  irreducible one, and said to be which),
  each statement named by its assessor.

Two assessors can each have a consistent view and still exclude each other;
the union can be infeasible although no single statement is excluded by any
one other assessor (three assessors, each pair compatible).
"""

from __future__ import annotations

from dataclasses import dataclass

from assess.core.statements import describe, view_polytope
from assess.model import Case
from assess.model.statements import Statement


@dataclass(frozen=True, slots=True)
class Said:
    """One statement of one assessor."""

    assessor: str
    index: int
    """Its index in the assessor's `weights.statements`."""
    text: str
    """In words, criteria by name."""


@dataclass(frozen=True, slots=True)
class Exclusion:
    """`said` cannot hold together with every statement of `by`."""

    said: Said
    by: str


@dataclass(frozen=True, slots=True)
class StatementConflicts:
    """The assessors' statements across the team (module docstring)."""

    assessors: tuple[str, ...]
    """The assessors who made statements, in the case's order."""
    exclusions: tuple[Exclusion, ...]
    union_feasible: bool
    conflict: tuple[Said, ...]
    """The smallest conflicting subset of the union (empty when it is feasible)."""
    smallest: bool
    """The conflict is a smallest one (else irreducible only)."""


def statement_conflicts(case: Case, criteria: dict[str, str]) -> StatementConflicts | None:
    """Conflicts among the assessors' statements over `criteria` (id -> name, the
    baseline's, in order); None when fewer than two assessors made statements."""
    ids = list(criteria)
    made: dict[str, list[Statement]] = {
        aid: list(a.weights.statements)
        for aid, a in case.assessors.items()
        if a.weights and a.weights.statements
    }
    if len(made) < 2:
        return None
    said = [(aid, k, s) for aid, items in made.items() for k, s in enumerate(items)]
    exclusions = [
        Exclusion(Said(aid, k, describe(s, criteria)), other)
        for aid, k, s in said
        for other in made
        if other != aid and not view_polytope(ids, [*made[other], s]).polytope.is_feasible
    ]
    union = view_polytope(ids, [s for _, _, s in said])
    found = union.polytope.minimal_conflict()
    conflict = () if found is None else union.file_indices(found.statements)
    return StatementConflicts(
        assessors=tuple(made),
        exclusions=tuple(exclusions),
        union_feasible=found is None,
        conflict=tuple(Said(said[j][0], said[j][1], describe(said[j][2], criteria)) for j in conflict),
        smallest=found is None or found.smallest,
    )
