"""Several assessors, one team view: how their scores and weights combine.

A cell's team score is the mean (or median, as the case's `team.aggregate`
says) of the values of the assessors who scored it; its range runs from the
lowest to the highest of their values and ranges, so the spread of opinion
shows up as uncertainty. Weights combine as the mean or median of each
assessor's normalised weights, or, for AHP, as the geometric mean of their
pairwise judgements (Aczél & Saaty 1983), from which the weights are derived.
The assessors' weight statements the whole team can sign are kept with the
combined weights (`kept_statements`), so the team's view is analysed under them.
A value in the case's own `scores` is the team's agreed value and wins.
In a scenario, each assessor's own cells of it (`assessors.<id>.scenarios`)
aggregate the same way, and the scenario's own `scores` are agreed values.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assess.model import Case, Judgement, Score, Weights
from assess.model.base import MAX_LABEL
from assess.model.statements import Statement

if TYPE_CHECKING:
    from assess.kernels.preferences import Statement as KernelStatement


def _combine(values: list[float], how: str) -> float:
    return statistics.median(values) if how == "median" else statistics.fmean(values)


def own_cell(
    case: Case, assessor: str, option: str, criterion: str, scenario: str | None = None
) -> Score | None:
    """One assessor's own score of a cell in a view: in a scenario, their cell
    of the scenario if they wrote one, else their baseline cell."""
    person = case.assessors[assessor]
    if scenario is not None and scenario in person.scenarios:
        cell = person.scenarios[scenario].scores.get(option, {}).get(criterion)
        if cell is not None:
            return cell
    return person.scores.get(option, {}).get(criterion)


def team_cell(case: Case, option: str, criterion: str, scenario: str | None = None) -> Score | None:
    """The aggregate of the assessors' scores of one cell (None if none scored
    it); in a scenario, of each one's own cell there (see `own_cell`)."""
    given = [
        (aid, s)
        for aid in case.assessors
        if (s := own_cell(case, aid, option, criterion, scenario)) is not None
    ]
    if not given:
        return None
    values = [s.value for _, s in given]
    value = _combine(values, case.team.aggregate)
    low = min(min(s.range[0] for _, s in given), value)
    high = max(max(s.range[1] for _, s in given), value)
    listing = ", ".join(f"{case.assessors[aid].name} {s.value:g}" for aid, s in given)
    # built from validated scores, so not validated again (its names are the file's text)
    return Score.model_construct(
        value=value,
        low=low,
        high=high,
        rationale=f"{case.team.aggregate} of {len(given)} assessors ({listing})",
    )


def team_scores(case: Case, scenario: str | None = None) -> dict[str, dict[str, Score]]:
    """Every cell some assessor scored, aggregated; with `scenario`, every cell
    some assessor wrote in their own view of it, aggregated over all of them."""
    if scenario is None:
        tables = [a.scores for a in case.assessors.values()]
    else:
        tables = [a.scenarios[scenario].scores for a in case.assessors.values() if scenario in a.scenarios]
    cells = {(o, c) for table in tables for o, row in table.items() for c in row}
    table: dict[str, dict[str, Score]] = {}
    for option, criterion in sorted(cells):
        cell = team_cell(case, option, criterion, scenario)
        if cell is not None:
            table.setdefault(option, {})[criterion] = cell
    return table


def _geometric_judgements(specs: list[Weights]) -> list[Judgement]:
    pairs: dict[tuple[str, str], list[float]] = {}
    for spec in specs:
        for j in spec.pairwise or []:
            key, ratio = ((j.a, j.b), j.ratio) if j.a < j.b else ((j.b, j.a), 1 / j.ratio)
            pairs.setdefault(key, []).append(math.log(ratio))
    return [Judgement(a=a, b=b, ratio=math.exp(statistics.fmean(logs))) for (a, b), logs in pairs.items()]


def geometric_fallback(case: Case) -> str | None:
    """Why `team: {weights: geometric}` falls back to the mean, or None when it
    applies (or is not asked for): the geometric mean combines AHP pairwise
    judgements, so every assessor with weights of their own must give them by AHP."""
    specs = {aid: a.weights for aid, a in case.assessors.items() if a.weights is not None}
    others = {aid: s.method for aid, s in specs.items() if s.method != "ahp"}
    if case.team.weights != "geometric" or not others:
        return None
    who = ", ".join(f"{case.assessors[aid].name} ({method})" for aid, method in others.items())
    return (
        "team weights 'geometric' combine AHP pairwise judgements, but not every assessor gave "
        f"them: {who}; the team's weights are the mean of the assessors' normalised weights "
        "instead (write 'mean' or 'median' to say so, or give every assessor AHP judgements)"
    )


def team_weights(case: Case, criteria: list[str]) -> Weights | None:
    """The assessors' weights combined as `team.weights` says, or None if no
    assessor gave weights of their own (see `combine_weights`)."""
    given = [(aid, a.weights) for aid, a in case.assessors.items() if a.weights is not None]
    if not given:
        return None
    return combine_weights([w for _, w in given], case.team.weights, criteria, by=[aid for aid, _ in given])


@dataclass(frozen=True, slots=True)
class KeptStatements:
    """The statements the whole team can sign (`kept_statements`)."""

    kept: tuple[Statement, ...]
    """Each once, in the order first said, `by` naming who said it."""
    said: int
    """How many statements the assessors made, duplicates counted."""


def said_key(statement: Statement) -> str:
    """What a statement says, without who said it, why or when."""
    return repr(statement.model_dump(exclude={"by", "rationale", "date"}))


def _own_view(spec: Weights, criteria: Sequence[str]) -> Callable[[KernelStatement], bool]:
    """Whether an assessor's own view satisfies a kernel statement over `criteria`:
    every weighting their statements allow, or else their normalised point weights."""
    import numpy as np

    from assess.core.statements import spec_polytope, spec_weights
    from assess.kernels.preferences import WeightPolytope

    m = len(criteria)
    if spec.statements:
        polytope = spec_polytope(spec, criteria).polytope
        if not polytope.is_feasible:  # statements that admit no weights vouch for nothing
            return lambda _: False
        return polytope.implies
    shares = spec_weights(spec, criteria).weights
    w = np.array([max(0.0, float(shares.get(c, 0.0))) for c in criteria])
    if w.sum() <= 0:
        return lambda _: False
    return lambda statement: not WeightPolytope(m, [statement]).violated_by(w)


def _authors(names: list[str]) -> str:
    """Who said a statement: every name, if they fit in one label, else the first."""
    names = list(dict.fromkeys(names))
    joined = ", ".join(names)
    return joined if len(joined) <= MAX_LABEL else names[0]


def kept_statements(
    specs: Sequence[Weights], criteria: Sequence[str], by: Sequence[str] | None = None
) -> KeptStatements:
    """The assessors' statements that every assessor's own view satisfies, over `criteria`.

    The rule: a statement is kept when, for each assessor (each of `specs`),
    either their statements' polytope P lies inside the statement's half-spaces
    (for every row a . w <= b, max over P of a . w <= b, one LP per row:
    `WeightPolytope.implies`), or, with point weights only, their normalised
    point weights satisfy it. Such a statement is one the whole team can sign.
    A statement on criteria outside `criteria` cannot be checked there and is
    not kept; one said by several assessors (the same kind and numbers) is
    kept once, `by` naming each (joined, if they fit in one label, else the
    first). `by[k]` is who gave `specs[k]`, for statements that do not say.

    Every statement, written in shares, is a linear inequality or equality in
    the weights that holds for a vector when it holds for any positive multiple
    of it (w_i >= lo reads w_i >= lo * sum(w)): the weights it allows form a
    convex cone, so the mean of weights that satisfy it does too. The median
    and the AHP geometric mean are not such combinations: `combined_breaches`
    says when their result breaks a kept statement."""
    said = [(k, s) for k, spec in enumerate(specs) for s in spec.statements]
    if not said:
        return KeptStatements((), 0)
    from assess.core.statements import kernel_statement

    index = {c: j for j, c in enumerate(criteria)}
    views = [_own_view(spec, criteria) for spec in specs]
    verdict: dict[str, bool] = {}
    first: dict[str, Statement] = {}
    authors: dict[str, list[str]] = {}
    for k, statement in said:
        key = said_key(statement)
        if key not in verdict:
            kernel = kernel_statement(statement, index)
            verdict[key] = kernel is not None and all(view(kernel) for view in views)
            first[key] = statement
            authors[key] = []
        who = statement.by or (by[k] if by is not None else None)
        if who:
            authors[key].append(who)
    kept = tuple(
        first[key].model_copy(update={"by": _authors(authors[key])}) if authors[key] else first[key]
        for key, ok in verdict.items()
        if ok
    )
    return KeptStatements(kept, len(said))


def combined_breaches(spec: Weights, criteria: Sequence[str]) -> list[str]:
    """The kept statements that combined weights `spec` break, in words, with by
    how much (the median or the geometric mean can; see `kept_statements`)."""
    if not spec.statements:
        return []
    from assess.core.statements import broken_statements, describe, spec_polytope, spec_weights
    from assess.kernels.weighting import WeightingError

    try:
        shares = spec_weights(spec, criteria).weights
    except WeightingError:  # reported where the weights are derived
        return []
    out = []
    for k, how in broken_statements(spec_polytope(spec, criteria), shares):
        said = spec.statements[k]
        who = f" (said by {said.by})" if said.by else ""
        out.append(f"the team's combined weights break the kept statement {describe(said)}{who}: {how}")
    return out


def combine_weights(
    specs: list[Weights],
    how: str,
    criteria: list[str],
    *,
    by: Sequence[str] | None = None,
    keep_statements: bool = True,
) -> Weights:
    """Several assessors' weights as one, by the team rule `how`: the mean or
    median of each criterion's normalised weight (as direct points summing to
    1), or for 'geometric' the geometric mean of their AHP judgements, when
    every spec is AHP; otherwise 'geometric' falls back to the mean. The
    result is illustrative when any of them is.

    With `keep_statements`, it carries the statements every assessor's own
    view satisfies (`kept_statements`; `by[k]`: who gave `specs[k]`), and its
    elicitation note says how many of the assessors' statements were kept."""
    from assess.core.statements import spec_weights

    example = any(s.illustrative for s in specs)  # an example in the mix makes the whole one
    team = kept_statements(specs, criteria, by) if keep_statements else KeptStatements((), 0)
    kept = (
        f"; keeps {len(team.kept)} of the assessors' {team.said} weight statements "
        "(those every assessor's own weights satisfy)"
        if team.said
        else ""
    )
    said: dict[str, Any] = {"statements": list(team.kept)} if team.kept else {}  # unset: no [] in a file
    if how == "geometric" and all(s.method == "ahp" for s in specs):
        return Weights(
            method="ahp",
            elicitation=f"geometric mean of {len(specs)} assessors' judgements{kept}",
            pairwise=_geometric_judgements(specs),
            illustrative=example,
            **said,
        )
    used = "median" if how == "median" else "mean"
    note = f"{used} of {len(specs)} assessors' weights"
    if how == "geometric":
        note += " (the geometric mean needs every assessor's AHP judgements)"
    shares = [spec_weights(s, criteria).weights for s in specs]
    points = {c: _combine([w.get(c, 0.0) for w in shares], used) for c in criteria}
    return Weights(
        method="direct",
        elicitation=note + kept,
        points=points,
        illustrative=example,
        **said,
    )
