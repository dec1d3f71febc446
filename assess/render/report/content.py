"""What a report says, as plain frozen data: built once from a view, then
rendered as HTML or Markdown by modules that only format it.

Everything is in display order (the view's criteria and options, the ranking's
order), numbers are left as floats and formatted by the renderers with fixed
precision (`assess.render.fmt`), and nothing depends on the clock unless a date
is asked for. Words are shared with the command line: each option's largest
contributions (`assess.render.text.ranking.why_parts`) and, for a team case, the
disagreements of `assess team` (`assess.core.disagreement`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from assess import __version__
from assess.core.basis import ORDER, Shown, view_bases
from assess.core.disagreement import Disagreement, disagreement
from assess.core.dominance import Dominance
from assess.core.portfolio.analyses import PortfolioResult
from assess.core.reference import ReferenceLine, reference_line
from assess.core.scoring import ScoreResult, score_wsm
from assess.core.view import View, available_criteria, effective_scores
from assess.files.casefile import LoadedCase
from assess.model import FAMILIES, Criterion
from assess.model.families import family_ids
from assess.render.explain import credit_label, direction_words, veto_sentences
from assess.render.fmt import span
from assess.render.report.evidence import Quote, Quoter, SourceDoc
from assess.render.report.robust import RobustnessSection
from assess.render.report.weights import AssessorStatements, WeightInfo, team_statements, weight_info
from assess.render.text.ranking import why_parts


@dataclass(frozen=True)
class OptionInfo:
    id: str
    name: str
    description: str
    quote: Quote | None


@dataclass(frozen=True)
class CriterionInfo:
    id: str
    name: str
    family: str
    direction: str
    description: str
    scale_min: float
    scale_max: float
    levels: tuple[tuple[int, str], ...]
    veto_threshold: float | None
    veto_reason: str | None
    share: float
    """Normalised weight, 0..1."""
    weight_input: str
    """What the planner gave for this criterion (points, swing, rank), or ''."""

    @property
    def credit(self) -> str:
        """What the criterion's contributions are: 'Low exposure to sanctions' for a cost."""
        return credit_label(self.name, self.direction == "cost")

    @property
    def direction_words(self) -> str:
        return direction_words(self.direction)

    @property
    def levels_text(self) -> str:
        """The scale's level labels: '0 none; 5 severe' ('' when it has none)."""
        return "; ".join(f"{k} {v}" for k, v in self.levels)


@dataclass(frozen=True)
class FamilyGroup:
    """The criteria of one family, with the family's label."""

    label: str
    criteria: tuple[CriterionInfo, ...]

    @property
    def credit(self) -> str:
        """The family as what its contributions are: 'Low exposure to later risks'
        for a family of cost criteria (see `assess.render.explain`)."""
        return credit_label(self.label, all(c.direction == "cost" for c in self.criteria))

    @property
    def share(self) -> float:
        """The family's part of the weight, 0..1."""
        return sum(c.share for c in self.criteria)

    @property
    def shared_scale(self) -> str | None:
        """The scale every criterion of the family shares, said once ("All
        scored on 0–5: 0 none; 5 severe."); None if they differ."""
        if len({(c.scale_min, c.scale_max, c.levels) for c in self.criteria}) != 1:
            return None
        c = self.criteria[0]
        levels = f": {c.levels_text}" if c.levels else ""
        return f"All scored on {span(c.scale_min, c.scale_max)}{levels}."


@dataclass(frozen=True)
class RankRow:
    option: str
    name: str
    rank: int | None
    score: float
    excluded: bool
    reasons: tuple[str, ...]
    contributions: tuple[float, ...]
    """Per criterion, in the order of `Report.criteria`; they sum to `score`."""
    why: tuple[str, ...] = ()
    """The largest contributions in words ("little exposed to sanctions 0.080")."""


@dataclass(frozen=True)
class Evidence:
    criterion: str
    criterion_name: str
    value: float
    low: float
    high: float
    level: str | None
    rationale: str
    quote: Quote | None
    baseline_value: float | None = None
    """The baseline's score when this scenario re-scored the cell (None otherwise)."""
    basis: Shown = None
    """What the score rests on, as shown (`assess.core.basis`): evidence,
    judgement, carried (over from the baseline), mixed (the assessors differ);
    None: not stated."""


@dataclass(frozen=True)
class OptionEvidence:
    option: str
    name: str
    cells: tuple[Evidence, ...]


@dataclass(frozen=True)
class Provenance:
    tool_version: str
    case_file: str
    case_sha256: str
    catalogue_file: str | None
    catalogue_sha256: str | None
    view: str
    assessor: str | None
    method: str
    generated: str | None
    seed: int | None
    samples: int | None


@dataclass(frozen=True)
class Report:
    title: str
    description: str
    view_label: str
    is_baseline: bool
    baseline: str
    """The baseline's name (e.g. 2019), to which a scenario's changes refer."""
    view_description: str
    as_of: str | None
    assessor: str | None
    sources: tuple[SourceDoc, ...]
    options: tuple[OptionInfo, ...]
    criteria: tuple[CriterionInfo, ...]
    families: tuple[FamilyGroup, ...]
    weights: WeightInfo
    ranking: tuple[RankRow, ...]
    evidence: tuple[OptionEvidence, ...]
    robustness: RobustnessSection | None
    robustness_note: str
    """Why there is no robustness section, when `robustness` is None."""
    provenance: Provenance
    team: Disagreement | None = None
    """A team case's disagreements (of its baseline, as `assess team` shows them)."""
    portfolio: PortfolioResult | None = None
    """What the budget buys, when the view has costs and a budget (`report_portfolio`)."""
    reference: ReferenceLine | None = None
    """The reference option as the ranking's line to beat (None without one)."""
    basis_counts: tuple[tuple[Shown, int], ...] = ()
    """How many of the view's scores rest on each basis (see `Evidence.basis`)."""
    dominance: Dominance | None = None
    """Which options beat which under the view's weight statements (None: it has none)."""
    team_statements: tuple[AssessorStatements, ...] = ()
    """A team case's assessors' own weight statements (those who made some)."""


def _criterion(c: Criterion, share: float, given: str) -> CriterionInfo:
    return CriterionInfo(
        c.id,
        c.name,
        c.family,
        c.direction,
        c.description.strip(),
        c.scale.min,
        c.scale.max,
        tuple(sorted(c.scale.levels.items())),
        c.veto.threshold if c.veto else None,
        c.veto.reason if c.veto else None,
        share,
        given,
    )


def _families(criteria: tuple[CriterionInfo, ...]) -> tuple[FamilyGroup, ...]:
    """Criteria grouped by family (drivers, 5S, later risks), each in view order."""
    return tuple(
        FamilyGroup(FAMILIES[key].label, tuple(c for c in criteria if c.family == key))
        for key in family_ids()
        if any(c.family == key for c in criteria)
    )


def _ranking(result: ScoreResult) -> tuple[RankRow, ...]:
    index = result.view.option_index
    contributions = result.contributions
    assert contributions is not None  # the weighted sum always has them
    return tuple(
        RankRow(
            r.option,
            r.name,
            r.rank,
            float(r.score or 0.0),
            r.excluded,
            veto_sentences(r.reasons),
            tuple(float(x) for x in contributions[index[r.option]]),
            tuple(why_parts(result, r.option)),
        )
        for r in result.ranking
    )


def _rescored(view: View) -> dict[str, dict[str, float]]:
    """option -> criterion -> the baseline's score, for the cells the scenario re-scores."""
    if view.scenario is None:
        return {}
    base = effective_scores(view.case, None, view.assessor)
    overlay = view.case.scenarios[view.scenario].scores
    return {o: {c: base[o][c].value for c in row if c in base.get(o, {})} for o, row in overlay.items()}


def _cell(
    view: View, quoter: Quoter, option: str, c: Criterion, before: float | None, basis: Shown
) -> Evidence:
    s = view.cell(option, c.id)
    lo, hi = s.range
    rationale = (s.rationale or "").strip()
    label = c.scale.label(s.value)
    return Evidence(c.id, c.name, s.value, lo, hi, label, rationale, quoter.quote(s.source), before, basis)


def _evidence(view: View, quoter: Quoter, bases: dict[tuple[str, str], Shown]) -> tuple[OptionEvidence, ...]:
    rescored = _rescored(view)
    return tuple(
        OptionEvidence(
            o.id,
            o.name,
            tuple(
                _cell(view, quoter, o.id, c, rescored.get(o.id, {}).get(c.id), bases[(o.id, c.id)])
                for c in view.criteria
            ),
        )
        for o in view.options
    )


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _provenance(
    loaded: LoadedCase, view: View, robustness: RobustnessSection | None, timestamp: dt.datetime | None
) -> Provenance:
    cat = loaded.catalogue
    return Provenance(
        __version__,
        loaded.path.name,
        loaded.stamp.sha256,
        cat.path.name if cat else None,
        _sha256(cat.path) if cat else None,
        view.label,
        view.assessor,
        "weighted sum (wsm)",
        timestamp.strftime("%Y-%m-%d %H:%M UTC") if timestamp else None,
        robustness.seed if robustness and robustness.samples else None,
        robustness.samples if robustness and robustness.samples else None,
    )


def _as_of(view: View) -> str | None:
    date = view.case.as_of if view.scenario is None else view.case.scenarios[view.scenario].as_of
    return date.isoformat() if date else None


def build_report(
    loaded: LoadedCase,
    view: View,
    robustness: RobustnessSection | None = None,
    robustness_note: str = "",
    timestamp: dt.datetime | None = None,
) -> Report:
    """The content of a report on `view` of the case `loaded` was read from.

    `timestamp` (UTC) is shown only when given, so that the same input gives
    the same report."""
    case = view.case
    quoter = Quoter(loaded)
    weights = weight_info(view)
    criteria = tuple(
        _criterion(c, float(share), weights.inputs.get(c.id, ""))
        for c, share in zip(view.criteria, view.shares, strict=True)
    )
    scenario = case.scenarios[view.scenario] if view.scenario is not None else None
    bases = view_bases(view)
    counts = Counter(bases.values())
    return Report(
        title=case.title,
        description=case.description.strip(),
        view_label=view.label,
        is_baseline=scenario is None,
        baseline=case.baseline,
        view_description=scenario.description.strip() if scenario else "",
        as_of=_as_of(view),
        assessor=case.assessors[view.assessor].name if view.assessor else None,
        sources=quoter.sources(),
        options=tuple(
            OptionInfo(o.id, o.name, o.description.strip(), quoter.quote(o.source)) for o in view.options
        ),
        criteria=criteria,
        families=_families(criteria),
        weights=weights,
        ranking=_ranking(score_wsm(view)),
        evidence=_evidence(view, quoter, bases),
        robustness=robustness,
        robustness_note=robustness_note,
        provenance=_provenance(loaded, view, robustness, timestamp),
        team=disagreement(case, loaded.catalogue_model) if case.assessors else None,
        portfolio=report_portfolio(loaded, view),
        reference=reference_line(score_wsm(view)),
        basis_counts=tuple((b, counts[b]) for b in ORDER if counts[b]),
        dominance=report_dominance(view),
        team_statements=team_statements(
            case, {cid: c.name for cid, c in available_criteria(case, loaded.catalogue_model).items()}
        ),
    )


def report_dominance(view: View) -> Dominance | None:
    """Dominance, possibly and necessarily best options under the view's weight
    statements (`assess.core.dominance`); None without statements, or when they
    admit no weights or every option is vetoed (`assess dominance` says why)."""
    from assess.core.dominance import dominance_analysis

    spec = view.weight_spec
    if spec is None or not spec.statements:
        return None
    try:
        result = dominance_analysis(view)
    except ValueError:
        return None
    return None if result.simplex else result


def report_portfolio(loaded: LoadedCase, view: View) -> PortfolioResult | None:
    """The optimum, order, frontier, core indices (rank order of the weights) and the
    views of a view with costs and a budget; None without them, or when the budget
    and rules admit no portfolio."""
    from assess.core.portfolio.analyses import analyse
    from assess.core.portfolio.problem import view_budget, view_costs
    from assess.core.view import resolve

    if not view_costs(view) or not view_budget(view)[0]:
        return None
    case, catalogue = view.case, loaded.catalogue_model
    try:
        return analyse(
            view,
            information="order",
            robust_too=True,
            resolve_view=lambda s, a: resolve(case, catalogue, s, a),
        )
    except ValueError:  # PortfolioRefused, PortfolioInfeasible: `assess portfolio` says why
        return None
