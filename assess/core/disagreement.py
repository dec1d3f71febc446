"""Where the assessors of a team case disagree, and how much it matters.

Per cell (option × criterion of the baseline) scored by some assessor:

- the assessors' values, ranges, rationales and sources, side by side;
- the team's value, as `assess.core.team.team_cell` aggregates it (mean or median);
- the spread, max − min of the values, and their standard deviation
  (population: the assessors are the whole group, not a sample of one);
- who is furthest from the rest: the assessor whose value is furthest from
  the mean of the others' values, with that distance. Nobody is named when
  that largest distance is shared (all agree; two assessors; 1, 3, 5) —
  then no single assessor stands out.

Across assessors: where their weight statements conflict (one's statement
that another's exclude, the smallest conflicting set of the union;
`assess.core.team_statements`).

Per assessor: their own weighted-sum ranking of the baseline (their scores
laid over the team's, their weights where they gave some) and Kendall's
tau-b against the team's ranking. Options a veto excludes share the last
place in these comparisons.

Pure: takes a validated case (and its catalogue), returns data.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from numpy.typing import NDArray

from assess.core.scoring import ScoreResult, score_wsm
from assess.core.team import team_cell
from assess.core.team_statements import StatementConflicts, statement_conflicts
from assess.core.view import View, available_criteria, resolve, view_criterion_ids
from assess.model import Case, Catalogue, Criterion, Option, SourceRef

TIE = 1e-9
"""Distances closer than this count as equal when looking for who stands out."""


@dataclass(frozen=True)
class Opinion:
    """One assessor's score of one cell."""

    assessor: str
    name: str
    value: float
    low: float
    high: float
    rationale: str | None
    source: SourceRef | None
    basis: str | None = None
    """What the assessor says the score rests on (evidence, judgement, carried)."""


@dataclass(frozen=True)
class CellDisagreement:
    """How the assessors scored one cell."""

    option: str
    criterion: str
    opinions: tuple[Opinion, ...]
    """In the case's order of assessors; only those who scored the cell."""
    team: float
    """The team's aggregate (mean or median, as the case's `team.aggregate` says)."""
    agreed: float | None = None
    """The agreed value in the case's own `scores`, which the team view uses, if any."""

    @property
    def bases_differ(self) -> bool:
        """The assessors say different things of what their scores rest on."""
        return len({o.basis for o in self.opinions}) > 1

    @property
    def values(self) -> list[float]:
        return [o.value for o in self.opinions]

    @property
    def spread(self) -> float:
        """max − min of the values (0 with fewer than two)."""
        return max(self.values) - min(self.values) if self.opinions else 0.0

    @property
    def std(self) -> float:
        """Population standard deviation of the values."""
        return statistics.pstdev(self.values) if len(self.opinions) > 1 else 0.0

    @cached_property
    def distances(self) -> dict[str, float]:
        """Each assessor's distance from the mean of the others' values."""
        if len(self.opinions) < 2:
            return {}
        total, n = sum(self.values), len(self.opinions)
        return {o.assessor: abs(o.value - (total - o.value) / (n - 1)) for o in self.opinions}

    @cached_property
    def furthest(self) -> tuple[str, float] | None:
        """(assessor, distance) of the one furthest from the others, or None
        when nobody stands out (see the module docstring)."""
        ranked = sorted(self.distances.items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] <= TIE:
            return None
        if len(ranked) > 1 and ranked[0][1] - ranked[1][1] <= TIE:
            return None
        return ranked[0]

    def opinion(self, assessor: str) -> Opinion | None:
        return next((o for o in self.opinions if o.assessor == assessor), None)


@dataclass(frozen=True)
class AssessorRanking:
    """One assessor's ranking of the baseline beside the team's."""

    assessor: str
    name: str
    result: ScoreResult
    ranks: dict[str, int]
    """Option id -> rank, excluded options sharing the last place."""
    tau: float
    """Kendall's tau-b against the team's ranks (nan with fewer than two options)."""
    furthest_in: int
    """In how many cells this assessor is the one furthest from the others."""
    own_weights: bool
    """Whether the assessor gave weights of their own."""

    @property
    def first(self) -> str:
        """The id of the option this assessor ranks first."""
        return self.result.ranking[0].option


def rank_map(result: ScoreResult) -> dict[str, int]:
    """Option id -> rank; options a veto excludes all share the last place."""
    last = 1 + sum(1 for r in result.ranking if not r.excluded)
    return {r.option: r.rank if r.rank is not None else last for r in result.ranking}


@dataclass(frozen=True)
class Disagreement:
    """A team case's disagreements, cell by cell, and each assessor's ranking."""

    case: Case
    options: tuple[Option, ...]
    criteria: tuple[Criterion, ...]
    assessors: dict[str, str]
    """Assessor id -> name, in the case's order."""
    cells: tuple[CellDisagreement, ...]
    """Options × criteria in the case's order; cells no assessor scored are absent."""
    team: ScoreResult
    """The team view's weighted-sum ranking of the baseline."""
    rankings: tuple[AssessorRanking, ...]
    statements: StatementConflicts | None = None
    """Where the assessors' weight statements conflict (None: fewer than two made any)."""

    @property
    def aggregate(self) -> str:
        return self.case.team.aggregate

    @property
    def agreed_weights(self) -> bool:
        """Whether the team ranks with the case's agreed weights."""
        return self.case.weights is not None

    @property
    def weights_rule(self) -> str:
        """Which weights rank the team: "agreed" (the case's own), "default"
        (the criteria's, when nobody gave weights) or how the assessors'
        weights combine ("mean", "median", "geometric")."""
        if self.agreed_weights:
            return "agreed"
        if all(a.weights is None for a in self.case.assessors.values()):
            return "default"
        from assess.core.team import geometric_fallback

        return "mean" if geometric_fallback(self.case) else self.case.team.weights

    @cached_property
    def _index(self) -> dict[tuple[str, str], CellDisagreement]:
        return {(c.option, c.criterion): c for c in self.cells}

    def cell(self, option: str, criterion: str) -> CellDisagreement | None:
        return self._index.get((option, criterion))

    def by_spread(self) -> list[CellDisagreement]:
        """Cells from the widest spread down (then the largest deviation,
        then the case's order)."""
        order = {(c.option, c.criterion): k for k, c in enumerate(self.cells)}
        return sorted(self.cells, key=lambda c: (-c.spread, -c.std, order[(c.option, c.criterion)]))

    @cached_property
    def spread_matrix(self) -> NDArray[np.float64]:
        """Options × criteria spreads, for a heatmap; nan where nobody scored."""
        out = np.full((len(self.options), len(self.criteria)), np.nan)
        for i, option in enumerate(self.options):
            for j, criterion in enumerate(self.criteria):
                cell = self.cell(option.id, criterion.id)
                if cell is not None:
                    out[i, j] = cell.spread
        return out

    @cached_property
    def team_ranks(self) -> dict[str, int]:
        return rank_map(self.team)

    def ranking_of(self, assessor: str) -> AssessorRanking:
        return next(r for r in self.rankings if r.assessor == assessor)


def _cell(case: Case, option: str, criterion: str) -> CellDisagreement | None:
    team = team_cell(case, option, criterion)
    if team is None:
        return None
    opinions = tuple(
        Opinion(aid, a.name, s.value, *s.range, s.rationale, s.source, s.basis)
        for aid, a in case.assessors.items()
        if (s := a.scores.get(option, {}).get(criterion)) is not None
    )
    agreed = case.scores.get(option, {}).get(criterion)
    return CellDisagreement(option, criterion, opinions, team.value, agreed.value if agreed else None)


def _tau(mine: dict[str, int], team: dict[str, int]) -> float:
    from assess.kernels.methods import kendall_tau_b

    ids = list(team)
    return float(kendall_tau_b([mine[i] for i in ids], [team[i] for i in ids]))


def _ranking(
    case: Case,
    catalogue: Catalogue | None,
    aid: str,
    team: dict[str, int],
    cells: tuple[CellDisagreement, ...],
) -> AssessorRanking:
    result = score_wsm(resolve(case, catalogue, None, aid))
    ranks = rank_map(result)
    furthest = sum(1 for c in cells if c.furthest is not None and c.furthest[0] == aid)
    own = case.assessors[aid].weights is not None
    return AssessorRanking(aid, case.assessors[aid].name, result, ranks, _tau(ranks, team), furthest, own)


def disagreement(case: Case, catalogue: Catalogue | None) -> Disagreement:
    """The disagreements of a validated case with assessors (ValueError without)."""
    if not case.assessors:
        raise ValueError("the case has no assessors: merge their files with `assess merge`")
    known = available_criteria(case, catalogue)
    criteria = tuple(known[c] for c in view_criterion_ids(case, None))
    found = (_cell(case, o.id, c.id) for o in case.options for c in criteria)
    cells = tuple(c for c in found if c is not None)
    team_view: View = resolve(case, catalogue, None)
    team = score_wsm(team_view)
    team_ranks = rank_map(team)
    rankings = tuple(_ranking(case, catalogue, aid, team_ranks, cells) for aid in case.assessors)
    names = {aid: a.name for aid, a in case.assessors.items()}
    conflicts = statement_conflicts(case, {c.id: c.name for c in criteria})
    return Disagreement(case, tuple(case.options), criteria, names, cells, team, rankings, conflicts)
