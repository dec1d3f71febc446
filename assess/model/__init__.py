"""The decision model: pydantic v2, strict, immutable. No I/O, no UI."""

from assess.model.case import (
    FORMAT_VERSION,
    Assessor,
    Case,
    CaseCriteria,
    Option,
    Scenario,
    ScenarioCriteria,
    Score,
    Team,
)
from assess.model.criteria import (
    FAMILY_LABELS,
    Catalogue,
    Criterion,
    CriterionOverride,
    Scale,
    ValueFunction,
    Veto,
)
from assess.model.sources import Document, SourceRef
from assess.model.weights import Judgement, Weights

__all__ = [
    "Assessor",
    "Team",
    "FAMILY_LABELS",
    "FORMAT_VERSION",
    "Case",
    "CaseCriteria",
    "Catalogue",
    "Criterion",
    "CriterionOverride",
    "Document",
    "Judgement",
    "Option",
    "Scale",
    "Scenario",
    "ScenarioCriteria",
    "Score",
    "SourceRef",
    "ValueFunction",
    "Veto",
    "Weights",
]
