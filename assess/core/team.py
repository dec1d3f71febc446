"""Several assessors, one team view: how their scores and weights combine.

A cell's team score is the mean (or median, as the case's `team.aggregate`
says) of the values of the assessors who scored it; its range runs from the
lowest to the highest of their values and ranges, so the spread of opinion
shows up as uncertainty. Weights combine as the mean or median of each
assessor's normalised weights, or, for AHP, as the geometric mean of their
pairwise judgements (Aczél & Saaty 1983), from which the weights are derived.
A value in the case's own `scores` is the team's agreed value and wins.
In a scenario, each assessor's own cells of it (`assessors.<id>.scenarios`)
aggregate the same way, and the scenario's own `scores` are agreed values.
"""

from __future__ import annotations

import math
import statistics

from assess.model import Case, Judgement, Score, Weights


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
    specs = [a.weights for a in case.assessors.values() if a.weights is not None]
    return combine_weights(specs, case.team.weights, criteria) if specs else None


def combine_weights(specs: list[Weights], how: str, criteria: list[str]) -> Weights:
    """Several assessors' weights as one, by the team rule `how`: the mean or
    median of each criterion's normalised weight (as direct points summing to
    1), or for 'geometric' the geometric mean of their AHP judgements, when
    every spec is AHP; otherwise 'geometric' falls back to the mean. The
    result is illustrative when any of them is."""
    from assess.core.statements import spec_weights

    example = any(s.illustrative for s in specs)  # an example in the mix makes the whole one
    if how == "geometric" and all(s.method == "ahp" for s in specs):
        return Weights(
            method="ahp",
            elicitation=f"geometric mean of {len(specs)} assessors' judgements",
            pairwise=_geometric_judgements(specs),
            illustrative=example,
        )
    used = "median" if how == "median" else "mean"
    note = f"{used} of {len(specs)} assessors' weights"
    if how == "geometric":
        note += " (the geometric mean needs every assessor's AHP judgements)"
    shares = [spec_weights(s, criteria).weights for s in specs]
    points = {c: _combine([w.get(c, 0.0) for w in shares], used) for c in criteria}
    return Weights(method="direct", elicitation=note, points=points, illustrative=example)
