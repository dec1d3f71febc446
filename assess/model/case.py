"""A case file: one assessment of options against criteria, with scenarios.

Format 1. Later formats only add optional keys, so a file written for format 1
keeps loading; `format` says which reader a file needs.
"""

from __future__ import annotations

import datetime as dt
from typing import Final, Literal

from pydantic import Field

from assess.model.base import FilePath, FormatVersion, Id, Label, Strict, Text
from assess.model.criteria import Criterion, CriterionOverride
from assess.model.estimates import Score
from assess.model.portfolio import Budget, CostTable, Resource, Rules
from assess.model.sources import Document, SourceRef
from assess.model.weights import Weights

FORMAT_VERSION: Final = 1


class Option(Strict):
    """A candidate area of cooperation."""

    id: Id
    name: Label
    description: Text = ""
    source: SourceRef | None = None


ScoreTable = dict[Id, dict[Id, Score]]
"""option id -> criterion id -> score."""


class CaseCriteria(Strict):
    """Which criteria the case uses, where they are defined, what it changes."""

    catalogue: FilePath | None = None
    """Path of the criteria catalogue, relative to the case file."""
    use: list[Id]
    """Ids of the criteria of the baseline view, in display order."""
    local: list[Criterion] = Field(default_factory=list)
    """Criteria defined in this case only."""
    overrides: dict[Id, CriterionOverride] = Field(default_factory=dict)
    """Changes to catalogue criteria for this case."""
    off: list[Id] = Field(default_factory=list)
    """Criteria kept in the file but switched off (not counted)."""


class ScenarioCriteria(Strict):
    """How a scenario changes the set of criteria."""

    add: list[Id] = Field(default_factory=list)
    remove: list[Id] = Field(default_factory=list)


class Scenario(Strict):
    """A named overlay on the baseline: other weights, scores or criteria."""

    name: Label
    description: Text = ""
    as_of: dt.date | None = None
    """The date this view speaks for."""
    criteria: ScenarioCriteria = Field(default_factory=ScenarioCriteria)
    weights: Weights | None = None
    """Replaces the baseline's weights when given."""
    scores: ScoreTable = Field(default_factory=dict)
    """Cells that replace or add to the baseline's scores."""
    budget: Budget | None = None
    """Replaces the baseline's budget when given."""
    rules: Rules | None = None
    """Replaces the baseline's portfolio rules when given."""
    costs: CostTable = Field(default_factory=dict)
    """Cells that replace or add to the baseline's costs."""


class Byline(Strict):
    """Who scored a case file: one assessor's file says so, and `assess merge`
    keeps it in the team case (`assessors.<id>`)."""

    name: Label
    role: Label = ""
    """What they are (a science-ministry analyst, a security officer), which
    says whose judgement a score is."""


class AssessorScenario(Strict):
    """One assessor's own view of a scenario: the cells they re-scored (or
    marked carried), and their weights there if their own."""

    description: Text = ""
    """What the assessor's own file said of the scenario (`assess merge` keeps
    it when the files' differ)."""
    scores: ScoreTable = Field(default_factory=dict)
    """This assessor's cells of the scenario, laid over their baseline scores;
    the team's cell of the scenario is the assessors' aggregate of them."""
    weights: Weights | None = None
    """This assessor's weights in the scenario, if they differ from the
    scenario's (the team's)."""


class Assessor(Strict):
    """One member of a team and the scores (and weights) they gave."""

    name: Label
    role: Label = ""
    description: Text = ""
    """What the assessor's own file said of their assessment (`assess merge`
    keeps it): their field, what they left to others."""
    scores: ScoreTable = Field(default_factory=dict)
    """This assessor's baseline scores; cells they left out are not theirs."""
    weights: Weights | None = None
    """This assessor's weights, if they differ from the case's."""
    scenarios: dict[Id, AssessorScenario] = Field(default_factory=dict)
    """This assessor's own view of each scenario of the case, by scenario id
    (`assess merge` keeps each file's); a scenario they have no view of is
    their baseline with the scenario's cells over it."""


class Team(Strict):
    """How several assessors' judgements become the team's."""

    aggregate: Literal["mean", "median"] = "mean"
    """How the assessors' scores of a cell combine."""
    weights: Literal["mean", "median", "geometric"] = "mean"
    """How the assessors' weights combine: the mean or median of their
    normalised weights, or (for AHP) the geometric mean of their pairwise
    judgements, from which the team's weights are derived."""


class Case(Strict):
    """One assessment: options scored on criteria, weighted, with scenarios."""

    format: FormatVersion = FORMAT_VERSION
    """Version of the case-file format this file is written in."""
    title: Label
    description: Text = ""
    as_of: dt.date | None = None
    """The date the baseline speaks for."""
    baseline: Id = "baseline"
    """The name by which the baseline view is called beside the scenarios."""
    documents: dict[Label, Document] = Field(default_factory=dict)
    """Source documents by file name, as cited in `source.document`."""
    criteria: CaseCriteria
    options: list[Option] = Field(min_length=1)
    weights: Weights | None = None
    """How much each criterion counts; the criteria's default weights if absent."""
    scores: ScoreTable = Field(default_factory=dict)
    resources: dict[Id, Resource] = Field(default_factory=dict)
    """The resources options cost (money, people, political capital), by id."""
    reference: Id | None = None
    """The option that is the status quo (no new cooperation), scored like any
    other: every option's benefit is its value minus the reference's, and an
    option below it is worse than doing nothing. It costs nothing and is never
    funded. Without a reference, an option's benefit is its value."""
    budget: Budget = Field(default_factory=dict)
    """What may be spent of each resource."""
    rules: Rules = Field(default_factory=Rules)
    """Options that must or must not be funded, variants of which at most one
    is, and options that require others."""
    costs: CostTable = Field(default_factory=dict)
    """What each option costs in each resource (like scores, with a range,
    rationale, source and basis); a cost not given is 0."""
    scenarios: dict[Id, Scenario] = Field(default_factory=dict)
    assessor: Byline | None = None
    """Who scored this file, when it is one assessor's (to be merged)."""
    assessors: dict[Id, Assessor] = Field(default_factory=dict)
    """Several assessors' scores of the baseline. The team's score of a cell
    is their aggregate, unless `scores` holds an agreed value for it."""
    team: Team = Field(default_factory=Team)
