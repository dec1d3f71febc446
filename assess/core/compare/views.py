"""Comparing two or more views: two case files, or scenarios of one case.

`compare_views([(label, view), ...])` returns a `Comparison`, plain frozen
data that the CLI, the TUI and reports render:

- `options`: the rankings side by side. Options are the union of all views',
  in the first view's order, then new ones as they appear. For each view an
  option has a rank (None when excluded by a veto or absent), a weighted-sum
  total (None only when absent: a vetoed option keeps its total), its veto
  reasons; and its rank move between consecutive views and first → last
  (`rank_A − rank_B`: +2 means it climbed two places; None when either rank
  is None).
- `weights`: each criterion's normalised share and raw elicited input
  (points, swing, rank position) in each view, with the view's elicitation
  method and text; `weight_changes` keeps those that differ.
- `cells`: each option × criterion score in each view (value, low, high,
  rationale, source, and its basis as shown: `assess.core.basis`);
  `score_changes` keeps those that differ in value, range, rationale,
  source, presence or basis (carried over aside: that is no change).
- `illustrative`: per view, whether its weights are an example (marked
  `illustrative`, or the criteria's defaults) rather than an elicitation.
- `only_in`: options and criteria missing from some views (never an error).
- `effects`: per option and consecutive pair of views A → B, the change of
  its total split exactly into a weight effect and a score effect, with a
  per-criterion breakdown; see `assess.core.compare.effects` for the formula
  (Shapley / midpoint decomposition; a criterion present in one view only
  has weight 0 in the other and its missing value equals the present one,
  so all its effect is a weight effect). Options absent from A or B have no
  effect for that pair. weight_effect + score_effect == total_B − total_A
  (to rounding, ~1e-16). A criterion whose scale, direction or value
  function differs between views compares by value, so that shows as a
  score effect.

Pure: no I/O, no UI.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from assess.core.basis import Shown, view_bases
from assess.core.compare.effects import CriterionEffect, OptionEffect, option_effect
from assess.core.scoring import Ranked, VetoReason, score_wsm
from assess.core.view import View
from assess.model import SourceRef

__all__ = [
    "CellComparison",
    "CellSide",
    "Comparison",
    "CriterionEffect",
    "OnlyIn",
    "OptionComparison",
    "OptionEffect",
    "OptionSide",
    "WeightComparison",
    "WeightSide",
    "compare_views",
    "unique_labels",
]

SHARE_TOL = 1e-9
"""Normalised weights closer than this count as equal."""


@dataclass(frozen=True)
class OptionSide:
    """An option in one view."""

    present: bool
    rank: int | None = None
    total: float | None = None
    excluded: bool = False
    reasons: tuple[VetoReason, ...] = ()


@dataclass(frozen=True)
class OptionComparison:
    option: str
    name: str
    sides: tuple[OptionSide, ...]
    moves: tuple[int | None, ...]
    """Rank move between views i and i+1: rank_i − rank_{i+1} (+ = up)."""
    move: int | None
    """Rank move from the first view to the last."""


@dataclass(frozen=True)
class WeightSide:
    """A criterion's weight in one view, and how that view's weights were elicited."""

    present: bool
    share: float
    """Normalised weight; 0 when the criterion is absent."""
    raw: float | None
    """The elicited input for the criterion: direct points, swing points, rank
    position (1 = most important) for rank-order methods, the criterion's
    default weight when the view gives no weights; None for AHP (its inputs
    are pairwise judgements) and when the criterion is absent."""
    method: str
    """The elicitation method, or "default" when the view uses default weights."""
    elicitation: str


@dataclass(frozen=True)
class WeightComparison:
    criterion: str
    name: str
    sides: tuple[WeightSide, ...]
    changed: tuple[str, ...]
    """What differs: any of "presence", "share", "raw"; empty when equal."""


@dataclass(frozen=True)
class CellSide:
    """One score cell in one view (all None when the cell is absent)."""

    present: bool
    value: float | None = None
    low: float | None = None
    high: float | None = None
    rationale: str | None = None
    source: SourceRef | None = None
    basis: Shown = None
    """What the score rests on, as the score matrix shows it (evidence,
    judgement, carried over, mixed)."""


@dataclass(frozen=True)
class CellComparison:
    option: str
    criterion: str
    sides: tuple[CellSide, ...]
    changed: tuple[str, ...]
    """What differs: any of "presence", "value", "range", "rationale", "source", "basis"."""

    @property
    def value_changed(self) -> bool:
        return bool({"presence", "value", "range"} & set(self.changed))


@dataclass(frozen=True)
class OnlyIn:
    """Ids missing from at least one view, each with the views (indices) it is in."""

    options: tuple[tuple[str, tuple[int, ...]], ...]
    criteria: tuple[tuple[str, tuple[int, ...]], ...]


@dataclass(frozen=True)
class Comparison:
    labels: tuple[str, ...]
    option_names: dict[str, str]
    criterion_names: dict[str, str]
    options: tuple[OptionComparison, ...]
    weights: tuple[WeightComparison, ...]
    """Every criterion of any view, in union order."""
    cells: tuple[CellComparison, ...]
    """Every option × criterion of any view, option-major."""
    only_in: OnlyIn
    effects: tuple[OptionEffect, ...]
    """By pair of views, then option order."""
    illustrative: tuple[bool, ...] = ()
    """Per view: its weights are an example (marked illustrative, or the
    criteria's defaults), not an elicitation."""

    @property
    def weight_changes(self) -> tuple[WeightComparison, ...]:
        return tuple(w for w in self.weights if w.changed)

    @property
    def score_changes(self) -> tuple[CellComparison, ...]:
        return tuple(c for c in self.cells if c.changed)

    def cell(self, option: str, criterion: str) -> CellComparison:
        return next(c for c in self.cells if c.option == option and c.criterion == criterion)

    def effects_of(self, option: str) -> tuple[OptionEffect, ...]:
        return tuple(e for e in self.effects if e.option == option)


def unique_labels(labels: list[str], fallback: list[str]) -> list[str]:
    """`labels`, each replaced by its `fallback` where two labels coincide, then
    numbered (`x#2`) where even those coincide."""
    counts = Counter(labels)
    out = [fb if counts[lab] > 1 else lab for lab, fb in zip(labels, fallback, strict=True)]
    counts = Counter(out)
    return [f"{lab}#{k + 1}" if counts[lab] > 1 else lab for k, lab in enumerate(out)]


def _union(lists: list[list[str]]) -> list[str]:
    seen: dict[str, None] = {}
    for ids in lists:
        seen.update(dict.fromkeys(ids))
    return list(seen)


def _move(a: OptionSide, b: OptionSide) -> int | None:
    return None if a.rank is None or b.rank is None else a.rank - b.rank


def _option_rows(
    rankings: list[dict[str, Ranked]], ids: list[str], names: dict[str, str]
) -> tuple[OptionComparison, ...]:
    rows = []
    for oid in ids:
        sides = tuple(
            OptionSide(True, r.rank, r.score, r.excluded, r.reasons)
            if (r := ranking.get(oid))
            else OptionSide(False)
            for ranking in rankings
        )
        moves = tuple(_move(a, b) for a, b in zip(sides, sides[1:], strict=False))
        rows.append(OptionComparison(oid, names[oid], sides, moves, _move(sides[0], sides[-1])))
    return tuple(rows)


def _raw_input(view: View, j: int) -> float | None:
    spec, cid = view.weight_spec, view.criteria[j].id
    if spec is None:
        return view.criteria[j].default_weight
    table = spec.points if spec.method == "direct" else spec.swing
    if table is not None:
        return table.get(cid)
    for k, group in enumerate(spec.ranking or []):
        if cid in group:
            return float(k + 1)
    return None


def _weight_side(view: View, cid: str) -> WeightSide:
    spec = view.weight_spec
    method, text = (spec.method, spec.elicitation) if spec else ("default", "")
    if cid not in view.criterion_index:
        return WeightSide(False, 0.0, None, method, text)
    j = view.criterion_index[cid]
    return WeightSide(True, float(view.shares[j]), _raw_input(view, j), method, text)


def _weight_changes(sides: tuple[WeightSide, ...]) -> tuple[str, ...]:
    first = sides[0]
    changed = []
    if any(s.present != first.present for s in sides):
        changed.append("presence")
    if any(abs(s.share - first.share) > SHARE_TOL for s in sides):
        changed.append("share")
    if len({s.raw for s in sides if s.present}) > 1:
        changed.append("raw")
    return tuple(changed)


def _cell_side(
    view: View, oid: str, cid: str, crit_ids: set[str], opt_ids: set[str], bases: dict[tuple[str, str], Shown]
) -> CellSide:
    if cid not in crit_ids or oid not in opt_ids:
        return CellSide(False)
    cell = view.cell(oid, cid)
    low, high = cell.range
    return CellSide(True, cell.value, low, high, cell.rationale, cell.source, bases.get((oid, cid)))


_CELL_KEYS = {
    "value": lambda s: s.value,
    "range": lambda s: (s.low, s.high),
    "rationale": lambda s: s.rationale,
    "source": lambda s: s.source,
}


def _cell_changes(sides: tuple[CellSide, ...]) -> tuple[str, ...]:
    presence = ("presence",) if len({s.present for s in sides}) > 1 else ()
    present = [s for s in sides if s.present]
    changed = tuple(k for k, get in _CELL_KEYS.items() if len({repr(get(s)) for s in present}) > 1)
    # a carried cell is the earlier one unreviewed: marked where shown, not a change
    said = {s.basis for s in present if s.basis != "carried"}
    return presence + changed + (("basis",) if len(said) > 1 else ())


def _only_in(ids: list[str], present: list[set[str]]) -> tuple[tuple[str, tuple[int, ...]], ...]:
    out = []
    for i in ids:
        where = tuple(k for k, p in enumerate(present) if i in p)
        if len(where) < len(present):
            out.append((i, where))
    return tuple(out)


def _effects(
    views: list[View],
    rankings: list[dict[str, Ranked]],
    ids: list[str],
    names: dict[str, str],
    crit_ids: list[str],
) -> tuple[OptionEffect, ...]:
    out = []
    for k in range(len(views) - 1):
        a, b = rankings[k], rankings[k + 1]
        for oid in ids:
            # a weighted-sum ranking scores every option it holds, so None means absent
            before = a[oid].score if oid in a else None
            after = b[oid].score if oid in b else None
            if before is not None and after is not None:
                totals = (before, after)
                out.append(
                    option_effect(views[k], views[k + 1], (k, k + 1), oid, names[oid], totals, crit_ids)
                )
    return tuple(out)


def compare_views(views: list[tuple[str, View]]) -> Comparison:
    """Compare two or more labelled views by the weighted sum (see module doc)."""
    if len(views) < 2:
        raise ValueError("a comparison needs two or more views")
    labels = tuple(label for label, _ in views)
    vs = [v for _, v in views]
    rankings = [score_wsm(v).by_option() for v in vs]
    opt_lists = [[o.id for o in v.options] for v in vs]
    crit_lists = [[c.id for c in v.criteria] for v in vs]
    opt_ids, crit_ids = _union(opt_lists), _union(crit_lists)
    option_names = {o.id: o.name for v in reversed(vs) for o in v.options}
    criterion_names = {c.id: c.name for v in reversed(vs) for c in v.criteria}
    opt_sets, crit_sets = [set(x) for x in opt_lists], [set(x) for x in crit_lists]
    weights = []
    for cid in crit_ids:
        sides = tuple(_weight_side(v, cid) for v in vs)
        weights.append(WeightComparison(cid, criterion_names[cid], sides, _weight_changes(sides)))
    bases = [view_bases(v) for v in vs]
    cells = []
    for oid in opt_ids:
        for cid in crit_ids:
            sides_c = tuple(
                _cell_side(v, oid, cid, cs, os, b)
                for v, cs, os, b in zip(vs, crit_sets, opt_sets, bases, strict=True)
            )
            cells.append(CellComparison(oid, cid, sides_c, _cell_changes(sides_c)))
    return Comparison(
        labels=labels,
        option_names=option_names,
        criterion_names=criterion_names,
        options=_option_rows(rankings, opt_ids, option_names),
        weights=tuple(weights),
        cells=tuple(cells),
        only_in=OnlyIn(_only_in(opt_ids, opt_sets), _only_in(crit_ids, crit_sets)),
        effects=_effects(vs, rankings, opt_ids, option_names, crit_ids),
        illustrative=tuple(v.weight_spec is None or v.weight_spec.illustrative for v in vs),
    )
