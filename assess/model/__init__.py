"""The decision model: pydantic v2, strict, immutable. No I/O, no UI."""

from assess.model.case import (
    FORMAT_VERSION,
    Assessor,
    AssessorScenario,
    Byline,
    Case,
    CaseCriteria,
    Option,
    Scenario,
    ScenarioCriteria,
    Team,
)
from assess.model.criteria import (
    Catalogue,
    Criterion,
    CriterionOverride,
    Scale,
    ValueFunction,
    Veto,
)
from assess.model.estimates import Basis, Cost, Estimate, Score
from assess.model.families import FAMILIES, Family, FamilyId
from assess.model.portfolio import Requirement, Resource, Rules
from assess.model.record import (
    PairwiseStep,
    StatementStep,
    Step,
    SwingOrderStep,
    SwingRatingStep,
    TradeoffStep,
    WithdrawalStep,
)
from assess.model.sources import Document, SourceRef
from assess.model.statements import (
    ExactStatement,
    ExactWeight,
    IntervalBounds,
    IntervalStatement,
    OrderStatement,
    RatioBounds,
    RatioStatement,
    Statement,
)
from assess.model.weights import Judgement, Weights

__all__ = [
    "Assessor",
    "AssessorScenario",
    "Byline",
    "Basis",
    "Team",
    "FAMILIES",
    "FORMAT_VERSION",
    "Case",
    "CaseCriteria",
    "Catalogue",
    "Cost",
    "Criterion",
    "CriterionOverride",
    "Document",
    "Estimate",
    "Family",
    "FamilyId",
    "ExactStatement",
    "ExactWeight",
    "IntervalBounds",
    "IntervalStatement",
    "Judgement",
    "Option",
    "OrderStatement",
    "PairwiseStep",
    "RatioBounds",
    "RatioStatement",
    "Requirement",
    "Resource",
    "Rules",
    "Scale",
    "Scenario",
    "ScenarioCriteria",
    "Score",
    "SourceRef",
    "Statement",
    "StatementStep",
    "Step",
    "SwingOrderStep",
    "SwingRatingStep",
    "TradeoffStep",
    "WithdrawalStep",
    "ValueFunction",
    "Veto",
    "Weights",
]
