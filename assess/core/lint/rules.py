"""The rules of `assess check`'s lints: what each finds, at which step of an
appraisal, and what to do about it.

The steps are those of the DCLG manual (Department for Communities and Local
Government 2009, *Multi-criteria analysis: a manual*, ch. 6: the eight steps of
MCDA), folded into seven: context, options, criteria, scores, weights,
combination, sensitivity. The README's reviewer checklist lists the same rules
in the same order; a test keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Step = Literal["context", "options", "criteria", "scores", "weights", "combination", "sensitivity"]
STEPS: tuple[Step, ...] = (
    "context",
    "options",
    "criteria",
    "scores",
    "weights",
    "combination",
    "sensitivity",
)


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    step: Step
    finds: str
    """What the rule warns about."""
    fix: str
    """What to do about it."""


RULES: tuple[Rule, ...] = (
    Rule(
        "unreliable-source",
        "context",
        "a document without a reliability note",
        "say under `reliability:` what kind of source it is, who wrote it and its gaps",
    ),
    Rule(
        "no-reference",
        "options",
        "no reference option (`reference:`), so nothing says whether any option beats doing nothing",
        "add a 'no new cooperation' option, score it like the others and name it under `reference:`",
    ),
    Rule(
        "scale-levels",
        "criteria",
        "a scale with whole-number levels that have no description",
        "describe every level in the criterion's own terms, so two assessors mean the same by a 3",
    ),
    Rule(
        "generic-levels",
        "criteria",
        "two criteria whose scales describe their levels in the same words (none ... outstanding)",
        "anchor each level in what the criterion measures, so a level means one thing per criterion",
    ),
    Rule(
        "no-basis",
        "scores",
        "a score or cost that does not say its basis",
        "write `basis: evidence`, `judgement` or (in a scenario) `carried`",
    ),
    Rule(
        "definition-as-evidence",
        "scores",
        "a score whose only source is the passage that defines its criterion, yet says `basis: evidence`",
        "cite a passage about the option, or say `basis: judgement`",
    ),
    Rule(
        "double-count",
        "scores",
        "the same passage cited for one option under two criteria of one view",
        "score the fact under one criterion, or say in each rationale why the two do not overlap",
    ),
    Rule(
        "uniform-ranges",
        "scores",
        "two thirds or more of a view's ranges of one width, such as the score +/-1 by convention",
        "narrow the ranges where the source is direct, widen them where the score is judgement",
    ),
    Rule(
        "repeats-baseline",
        "scores",
        "a scenario cell that repeats its baseline cell (value, range, rationale and source) "
        "without `basis: carried`",
        "re-assess the cell, or mark it `basis: carried` so that no one takes it for a review",
    ),
    Rule(
        "silent-carry",
        "scores",
        "a criterion a scenario keeps whose baseline scores it neither re-scores nor marks carried",
        "give the scenario a cell for each option: a new score, or the old one with `basis: carried`",
    ),
    Rule(
        "copied-assessor",
        "scores",
        "two assessors who gave the same value in at least 90 % of the cells both scored",
        "have each assessor score independently, or merge them into one",
    ),
    Rule(
        "no-elicitation",
        "weights",
        "weights with no elicitation note, or a view on the catalogue's default weights",
        "say under `elicitation:` who gave the weights, when and how (and record the steps)",
    ),
    Rule(
        "illustrative-unmarked",
        "weights",
        "weights equal to the catalogue's defaults but not marked `illustrative: true`",
        "elicit the team's weights, or mark these `illustrative: true`",
    ),
    Rule(
        "on-veto-line",
        "combination",
        "a score exactly on a veto line (what the veto compares is its threshold)",
        "decide on which side it lies: a veto excludes only beyond the line",
    ),
    Rule(
        "team-veto-split",
        "combination",
        "a team veto on the aggregate that the assessors' own scores contradict: an option "
        "excluded on the mean though most assessors are within the line, or kept though one is beyond",
        "decide whether one assessor's objection is enough (`applies_to: any_assessor`) or the team's value",
    ),
    Rule(
        "no-driver-change",
        "sensitivity",
        "a scenario that changes no driver score",
        "re-score the drivers as of the scenario's date, or mark the cells `basis: carried`",
    ),
    Rule(
        "no-ranges",
        "sensitivity",
        "a view in which no score has a range, so score uncertainty cannot be analysed",
        "give each score the range it could plausibly take (`low:`, `high:`)",
    ),
)

RULE_IDS: dict[str, Rule] = {r.id: r for r in RULES}

Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Lint:
    """One weakness found: its rule, where it is, and what is wrong."""

    rule: str
    """The rule's id (see `RULES`), e.g. 'double-count'."""
    path: Path
    """The YAML path of the thing warned about, in the case file (or, if
    `in_catalogue`, in its criteria catalogue)."""
    message: str
    """What is wrong, naming the cells involved."""
    in_catalogue: bool = False

    @property
    def text(self) -> str:
        """'[double-count] pharma cites ...', as `check` prints it after 'warning: '."""
        return f"[{self.rule}] {self.message}"
