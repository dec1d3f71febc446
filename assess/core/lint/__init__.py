"""What makes an assessment weak, found by rule: `assess check`'s lints.

A case `validate` passed can still be hard to defend: judgement presented as
evidence, one fact counted under two criteria, ranges set by convention,
scales with undescribed levels, weights nobody elicited, a scenario that
silently repeats the baseline. Each `Lint` names its rule (`RULES`, with what
to do about it), the YAML path of the thing warned about and the cells
involved; the CLI turns paths into FILE:LINE:COL. Nothing here reads files
or prints.
"""

from __future__ import annotations

from assess.core.lint import cells, frame
from assess.core.lint.cells import assessor_ids
from assess.core.lint.rules import RULE_IDS, RULES, STEPS, Lint, Path, Rule
from assess.core.view import available_criteria
from assess.model import Case, Catalogue, Criterion


def lint_case(case: Case, catalogue: Catalogue | None) -> list[Lint]:
    """Every lint of a validated case, and of the catalogue's scales it uses,
    ordered by the rules' steps."""
    known = available_criteria(case, catalogue)
    found = [
        *frame.documents(case.documents, False),
        *frame.reference(case),
        *frame.case_scales(case, catalogue, known),
        *cells.basis_lints(case, known),
        *frame.weights(case, known),
        *frame.copied_assessors(case),
        *frame.veto_lines(case, known),
        *frame.team_veto_split(case, known),
    ]
    for path, table in cells.tables(case):
        found += [*cells.uniform_ranges(path, table, known), *cells.no_ranges(path, table)]
    for who in assessor_ids(case):
        for sid in (None, *case.scenarios):
            found += cells.double_count(case, sid, who)
    for sid in case.scenarios:
        found += cells.scenario_lints(case, sid, known)
    return _ordered(found)


def lint_catalogue(catalogue: Catalogue) -> list[Lint]:
    """The lints of a criteria catalogue on its own: its documents and scales."""
    placed: list[tuple[Criterion, Path, bool]] = [
        (c, ("criteria", i, "scale"), True) for i, c in enumerate(catalogue.criteria)
    ]
    return _ordered([*frame.documents(catalogue.documents, True), *frame.scales(placed)])


def _ordered(found: list[Lint]) -> list[Lint]:
    """In rule order, each (rule, place) once."""
    order = {r.id: k for k, r in enumerate(RULES)}
    unique = {(f.rule, f.path, f.in_catalogue, f.message): f for f in found}
    return sorted(unique.values(), key=lambda f: order[f.rule])


__all__ = ["RULES", "RULE_IDS", "STEPS", "Lint", "Rule", "lint_case", "lint_catalogue"]
