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
from assess.core.scoring import ScoreResult, score_wsm
from assess.core.view import View, effective_scores
from assess.files.casefile import LoadedCase
from assess.model import FAMILY_LABELS, Criterion
from assess.render.explain import credit_label, veto_sentences
from assess.render.report.evidence import Quote, Quoter, SourceDoc
from assess.render.report.robust import RobustnessSection
from assess.render.report.weights import WeightInfo, weight_info
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


@dataclass(frozen=True)
class Family:
    label: str
    criteria: tuple[CriterionInfo, ...]

    @property
    def credit(self) -> str:
        """The family as what its contributions are: 'Low exposure to later risks'
        for a family of cost criteria (see `assess.render.explain`)."""
        return credit_label(self.label, all(c.direction == "cost" for c in self.criteria))


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
    families: tuple[Family, ...]
    weights: WeightInfo
    ranking: tuple[RankRow, ...]
    evidence: tuple[OptionEvidence, ...]
    robustness: RobustnessSection | None
    robustness_note: str
    """Why there is no robustness section, when `robustness` is None."""
    provenance: Provenance
    team: Disagreement | None = None
    """A team case's disagreements (of its baseline, as `assess team` shows them)."""
    basis_counts: tuple[tuple[Shown, int], ...] = ()
    """How many of the view's scores rest on each basis (see `Evidence.basis`)."""


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


def _families(criteria: tuple[CriterionInfo, ...]) -> tuple[Family, ...]:
    """Criteria grouped by family (drivers, 5S, later risks), each in view order."""
    return tuple(
        Family(label, tuple(c for c in criteria if c.family == key))
        for key, label in FAMILY_LABELS.items()
        if any(c.family == key for c in criteria)
    )


def _ranking(result: ScoreResult) -> tuple[RankRow, ...]:
    index = {o.id: i for i, o in enumerate(result.view.options)}
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
        basis_counts=tuple((b, counts[b]) for b in ORDER if counts[b]),
    )
