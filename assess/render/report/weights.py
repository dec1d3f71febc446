"""How a view's weights were elicited, said in a planner's words: the method,
the elicitation note, what was given per criterion and, for AHP, whether the
pairwise judgements are consistent; the weight statements, each with who
said it, why and when, and whether the weights used satisfy it; and the
elicitation record step by step, as a reviewer would replay it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from assess.core.elicit_text import tradeoff_question
from assess.core.statements import broken_statements, describe, spec_polytope
from assess.core.view import View
from assess.kernels.weighting import AhpResult
from assess.model import Case, Weights
from assess.model.record import (
    PairwiseStep,
    StatementStep,
    Step,
    SwingOrderStep,
    SwingRatingStep,
    WithdrawalStep,
)
from assess.model.statements import Attributed, order_groups
from assess.render.fmt import scale
from assess.render.labels import method_label


@dataclass(frozen=True)
class AhpInfo:
    """Saaty's consistency diagnostics of AHP weights."""

    cr: float
    ci: float
    lambda_max: float
    threshold: float
    ri_table: str
    worst: tuple[str, ...]
    """The judgements to revisit first, worst first (empty when consistent)."""

    @property
    def consistent(self) -> bool:
        return self.cr <= self.threshold


@dataclass(frozen=True)
class Said:
    """Who said something, why and when, as shown: names for assessor ids."""

    by: str
    """'' when not said."""
    rationale: str
    date: str | None


@dataclass(frozen=True)
class StatementInfo:
    """One weight statement, in words."""

    text: str
    """In a planner's words (`assess.core.statements.describe`), criteria by name."""
    said: Said
    holds: bool | None
    """The view's weights satisfy it (None: it names only criteria outside the view)."""
    breach: str = ""
    """How the weights break it, when they do."""


@dataclass(frozen=True)
class StepInfo:
    """One step of the elicitation record, in words."""

    text: str
    said: Said


@dataclass(frozen=True)
class AssessorStatements:
    """One assessor's weight statements, for the team part of the report."""

    name: str
    statements: tuple[StatementInfo, ...]
    """`holds`: their own point weights satisfy it (None: they gave statements only)."""
    kept: tuple[bool, ...] | None
    """Per statement, whether the team's combined weights keep it
    (`assess.core.team.kept_statements`); None when the case has agreed weights."""


@dataclass(frozen=True)
class WeightInfo:
    method: str
    method_label: str
    elicitation: str
    inputs: dict[str, str] = field(default_factory=dict)
    """criterion id -> what was given for it, e.g. '12 points'."""
    judgements: tuple[str, ...] = ()
    """AHP only: the pairwise judgements as sentences."""
    ahp: AhpInfo | None = None
    warnings: tuple[str, ...] = ()
    illustrative: bool = False
    """The weights are an example (`weights.illustrative`), not an elicitation."""
    statements: tuple[StatementInfo, ...] = ()
    """The weights block's statements, in its order."""
    record: tuple[StepInfo, ...] = ()
    """How the weights came about, step by step (`weights.record`)."""


def _ratio(x: float) -> str:
    """An AHP judgement as given (1/3 stays 0.333333, not a rounded 0.33)."""
    return f"{x:g}"


def _judged(a: str, b: str, ratio: float, names: Mapping[str, str]) -> str:
    return f"{names.get(a, a)} is {_ratio(ratio)} times as important as {names.get(b, b)}"


def said_of(item: Attributed, people: Mapping[str, str]) -> Said:
    """Who said `item` (an assessor id, or each of "ann, bob", by name), why and when."""
    by = ", ".join(people.get(p, p) for p in item.by.split(", ")) if item.by else ""
    return Said(by, (item.rationale or "").strip(), item.date.isoformat() if item.date else None)


def people(case: Case) -> dict[str, str]:
    """Assessor id -> name, for `said_of`."""
    return {aid: a.name for aid, a in case.assessors.items()}


def statement_infos(
    spec: Weights,
    criterion_ids: Sequence[str],
    names: Mapping[str, str],
    who: Mapping[str, str],
    shares: Mapping[str, float] | None,
) -> tuple[StatementInfo, ...]:
    """Each statement of `spec` in words, with whether point weights `shares`
    (criterion id -> weight; None: not checked) satisfy it."""
    if not spec.statements:
        return ()
    vp = spec_polytope(spec, criterion_ids)
    broken = dict(broken_statements(vp, shares)) if shares is not None else {}
    return tuple(
        StatementInfo(
            describe(s, names),
            said_of(s, who),
            None if shares is None or k in vp.dropped else k not in broken,
            broken.get(k, ""),
        )
        for k, s in enumerate(spec.statements)
    )


_ANSWERS = {"more": "more than", "less": "less than", "equal": "exactly"}


def step_text(step: Step, names: Mapping[str, str], statements: Sequence[str]) -> str:
    """One step of the record in words; `statements` are the block's statements in words."""

    def n(c: str) -> str:
        return names.get(c, c)

    if isinstance(step, SwingOrderStep):
        groups = " > ".join(" = ".join(n(c) for c in g) for g in order_groups(step.order))
        return f"Swings ranked, most valued first: {groups}"
    if isinstance(step, SwingRatingStep):
        return f"The swing on {n(step.criterion)} rated {scale(step.rating)} (the most valued swing: 100)"
    if isinstance(step, PairwiseStep):
        return f"Judged: {_judged(step.a, step.b, step.ratio, names)}"
    if isinstance(step, StatementStep):
        return f"Statement {step.statement + 1} added: {statements[step.statement]}"
    if isinstance(step, WithdrawalStep):
        gone = step.withdrawn
        given = (
            f" (given by {gone.by}{f' on {gone.date.isoformat()}' if gone.date else ''})" if gone.by else ""
        )
        return f"Statement withdrawn: {describe(gone, names)}{given}"
    answer = _ANSWERS[step.answer]
    return (
        f"Asked: {tradeoff_question(n(step.criterion), n(step.to), step.ratio)} Answer: {step.answer}, "
        f"so {n(step.criterion)} weighs {answer} {_ratio(step.ratio)} times {n(step.to)}"
    )


def _inputs(view: View) -> dict[str, str]:
    spec = view.weight_spec
    if spec is None:
        return {c.id: f"default {scale(c.default_weight)}" for c in view.criteria}
    if spec.points is not None:
        return {k: f"{scale(v)} points" for k, v in spec.points.items()}
    if spec.swing is not None:
        return {k: f"swing {scale(v)}" for k, v in spec.swing.items()}
    if spec.ranking is not None:
        out = {}
        place = 1
        for group in spec.ranking:
            tied = " (tied)" if len(group) > 1 else ""
            out.update({k: f"rank {place}{tied}" for k in group})
            place += len(group)
        return out
    return {}


def _ahp(result: AhpResult, names: dict[str, str]) -> AhpInfo:
    worst = tuple(
        f"{names.get(j.a, j.a)} vs {names.get(j.b, j.b)}: given {_ratio(j.given)}, "
        f"the other judgements imply {j.consistent:.2f} (nearest on Saaty's scale: {j.nearest_scale:.3g})"
        for j in result.inconsistent
    )
    return AhpInfo(result.cr, result.ci, result.lambda_max, result.threshold, result.ri_table, worst)


def weight_info(view: View) -> WeightInfo:
    """The elicitation of `view`'s weights, with the diagnostics of their derivation."""
    spec = view.weight_spec
    if spec is None:
        # the catalogue's defaults are an example, never an elicitation
        return WeightInfo("default", method_label(None), "", _inputs(view), illustrative=True)
    names = {c.id: c.name for c in view.criteria}
    derived, ahp = view.weighting, None
    warnings = derived.warnings if derived is not None else ()
    if derived is not None and isinstance(derived.diagnostics, AhpResult):
        ahp = _ahp(derived.diagnostics, names)
    judgements = tuple(_judged(j.a, j.b, j.ratio, names) for j in spec.pairwise or ())
    who = people(view.case)
    shares = dict(zip(view.criterion_ids, map(float, view.shares), strict=True))
    statements = statement_infos(spec, view.criterion_ids, names, who, shares)
    record = tuple(
        StepInfo(step_text(step, names, [x.text for x in statements]), said_of(step, who))
        for step in spec.record
    )
    return WeightInfo(
        spec.method,
        method_label(spec.method),
        spec.elicitation.strip(),
        _inputs(view),
        judgements,
        ahp,
        tuple(warnings),
        spec.illustrative,
        statements,
        record,
    )


def team_statements(case: Case, names: Mapping[str, str]) -> tuple[AssessorStatements, ...]:
    """Each assessor's statements over the baseline's criteria (`names`: id ->
    name), with whether their own point weights satisfy them and whether the
    team keeps them."""
    from assess.core.statements import spec_weights
    from assess.core.team import said_key, team_weights
    from assess.core.view import view_criterion_ids
    from assess.kernels.weighting import WeightingError

    ids = view_criterion_ids(case, None)
    given = {aid: a.weights for aid, a in case.assessors.items() if a.weights and a.weights.statements}
    if not given:
        return ()
    combined = team_weights(case, ids) if case.weights is None else None
    kept = {said_key(s) for s in combined.statements} if combined is not None else None
    who = people(case)
    out = []
    for aid, spec in given.items():
        try:
            shares = spec_weights(spec, ids).weights if spec.method != "statements" else None
        except WeightingError:  # reported by check
            shares = None
        out.append(
            AssessorStatements(
                case.assessors[aid].name,
                statement_infos(spec, ids, names, who, shares),
                None if kept is None else tuple(said_key(s) in kept for s in spec.statements),
            )
        )
    return tuple(out)
