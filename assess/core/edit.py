"""Pure edits of a case: each takes a `Case` and returns a new one.

The models are frozen, so an edit rebuilds only the path down to what it
changes, with `model_copy(update=...)` on each level: untouched fields keep
their `model_fields_set`, and saving (which writes what was set) changes just
the lines of the edited value. A rebuilt `Score` sets only the fields it had
plus the changed ones, and is validated (its range must hold its value).

Where an edit goes in a scenario view:

- a score or rationale is written to the scenario's `scores` overlay; a cell
  the overlay does not have yet starts as a copy of the baseline's cell;
- in a case with assessors, a cell the case's `scores` do not hold shows the
  assessors' aggregate; a score set there becomes the team's agreed value and
  keeps the aggregate's range (widened to hold it), but not its generated
  rationale: `starts_agreed` tells the UI to ask for one;
- a weight is written to the weights of the active view: the scenario's own
  `weights` if it has them, else the case's.

Weights can be changed one by one only when they are points (`direct`) or
swing points (`swing`). Rank-order and AHP weights are refused with an
`EditError`; `weights_to_direct` converts them, explicitly, to direct points
(each criterion's share x 100). `changes` lists what differs between two
versions of a case (for undo, redo and the unsaved-changes line). No edit here
imports the UI.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal, TypeVar

from pydantic import BaseModel

from assess.core.view import available_criteria, effective_weights, view_criterion_ids
from assess.model import Case, Catalogue, Criterion, Score, Weights
from assess.model.weights import WEIGHT_METHODS

SCORE_STEP = 0.5
"""How much `+` / `-` change a score in the UI."""
WEIGHT_STEP = 1.0
"""How much `+` / `-` change a weight's points in the UI."""

POINT_FIELDS: Mapping[str, str] = MappingProxyType(
    {k: m.field for k, m in WEIGHT_METHODS.items() if m.per_criterion}
)
"""Methods whose weights are numbers per criterion, and the field holding them."""


class EditError(ValueError):
    """An edit that would make the case wrong; the message is for the planner."""


M = TypeVar("M", bound=BaseModel)


def _rebuilt(model: M, update: dict[str, object], drop: Iterable[str] = ()) -> M:
    """A validated copy that sets only the fields `model` had, minus `drop`, plus `update`."""
    data = {f: getattr(model, f) for f in model.model_fields_set if f not in set(drop)}
    return type(model).model_validate({**data, **update})


def _insert(row: dict, key: str, value: object, order: list[str]) -> dict:
    """`row` with `key` set; a new key goes where `order` puts it among the existing ones."""
    if key in row:
        return {**row, key: value}
    rank = {k: i for i, k in enumerate(order)}
    where = rank.get(key, len(order))
    items = list(row.items())
    pos = sum(1 for k, _ in items if rank.get(k, len(order)) <= where)
    return dict([*items[:pos], (key, value), *items[pos:]])


def _criterion(case: Case, catalogue: Catalogue | None, criterion: str) -> Criterion:
    known = available_criteria(case, catalogue)
    if criterion not in known:
        raise EditError(f"unknown criterion '{criterion}'")
    return known[criterion]


def criterion_order(case: Case) -> list[str]:
    """Every criterion of every view of the case, in file order."""
    ids = list(case.criteria.use)
    for scenario in case.scenarios.values():
        ids += [c for c in scenario.criteria.add if c not in ids]
    return ids


def _cell(case: Case, scenario: str | None, option: str, criterion: str) -> Score | None:
    """The cell an edit in this view starts from (None: the team's aggregate or nothing)."""
    if scenario is not None:
        found = case.scenarios[scenario].scores.get(option, {}).get(criterion)
        if found is not None:
            return found
        if _rescored(case, scenario, option, criterion):  # the assessors' aggregate of theirs
            return None
    return case.scores.get(option, {}).get(criterion)


def _rescored(case: Case, scenario: str, option: str, criterion: str) -> bool:
    """Some assessor wrote this cell in their own view of the scenario."""
    return any(
        criterion in p.scenarios[scenario].scores.get(option, {})
        for p in case.assessors.values()
        if scenario in p.scenarios
    )


def _aggregate(case: Case, option: str, criterion: str, scenario: str | None = None) -> Score | None:
    """The assessors' aggregate of a cell as a start for an agreed value:
    its value and range, without the rationale generated for it (in a
    scenario, of their own cells of it where some wrote one)."""
    from assess.core.team import team_cell

    if scenario is not None and not _rescored(case, scenario, option, criterion):
        scenario = None
    found = team_cell(case, option, criterion, scenario) if case.assessors else None
    if found is None:
        return None
    low, high = found.range
    return Score(value=found.value, low=low, high=high) if high > low else Score(value=found.value)


def _shown(case: Case, scenario: str | None, option: str, criterion: str) -> Score | None:
    """The cell a view shows: its own, the baseline's, or the assessors' aggregate."""
    return _cell(case, scenario, option, criterion) or _aggregate(case, option, criterion, scenario)


def starts_agreed(case: Case, scenario: str | None, option: str, criterion: str) -> bool:
    """Whether a score set on this cell starts from the assessors' aggregate
    (a new agreed value, which has no rationale yet)."""
    _check_view(case, scenario)
    own = _cell(case, scenario, option, criterion)
    return own is None and _aggregate(case, option, criterion, scenario) is not None


def _put_cell(case: Case, scenario: str | None, option: str, criterion: str, cell: Score) -> Case:
    options = [o.id for o in case.options]
    table = case.scores if scenario is None else case.scenarios[scenario].scores
    row = _insert(table.get(option, {}), criterion, cell, criterion_order(case))
    table = _insert(table, option, row, options)
    if scenario is None:
        return case.model_copy(update={"scores": table})
    changed = case.scenarios[scenario].model_copy(update={"scores": table})
    return case.model_copy(update={"scenarios": {**case.scenarios, scenario: changed}})


def _check_view(case: Case, scenario: str | None) -> None:
    if scenario is not None and scenario not in case.scenarios:
        raise EditError(f"unknown scenario '{scenario}'")


def set_score(
    case: Case,
    scenario: str | None,
    option: str,
    criterion: str,
    value: float,
    *,
    catalogue: Catalogue | None,
) -> Case:
    """Set one cell's value. Refuses a value off the criterion's scale; widens
    the cell's low..high range if the value falls outside it."""
    _check_view(case, scenario)
    if option not in {o.id for o in case.options}:
        raise EditError(f"unknown option '{option}'")
    scale = _criterion(case, catalogue, criterion).scale
    if not math.isfinite(value) or not scale.contains(value):
        raise EditError(f"{value:g} is off the scale of '{criterion}' ({scale.min:g}..{scale.max:g})")
    old = _cell(case, scenario, option, criterion)
    if old is None:
        old = _aggregate(case, option, criterion, scenario)
        if old is None:
            return _put_cell(case, scenario, option, criterion, Score(value=float(value)))
    elif old.value == value:
        return case
    update: dict[str, object] = {"value": float(value)}
    if old.low is not None and value < old.low:
        update["low"] = float(value)
    if old.high is not None and value > old.high:
        update["high"] = float(value)
    return _put_cell(case, scenario, option, criterion, _rebuilt(old, update))


def set_rationale(case: Case, scenario: str | None, option: str, criterion: str, text: str) -> Case:
    """Set (or, with blank text, remove) one cell's rationale."""
    _check_view(case, scenario)
    old = _cell(case, scenario, option, criterion)
    if old is None and _aggregate(case, option, criterion, scenario) is not None:
        raise EditError(
            "this score is the assessors' aggregate, not an agreed value: set the team's "
            "agreed score first (+, - or enter), then its rationale"
        )
    if old is None:
        raise EditError(f"'{option}' has no score on '{criterion}' to explain")
    text = text.strip()
    if text == (old.rationale or "").strip():
        return case
    new = _rebuilt(old, {}, drop=["rationale"]) if not text else _rebuilt(old, {"rationale": text})
    return _put_cell(case, scenario, option, criterion, new)


def weights_owner(case: Case, scenario: str | None) -> str | None:
    """Whose weights a weight edit in this view changes: the scenario's id, or None for the case's."""
    if scenario is not None and case.scenarios[scenario].weights is not None:
        return scenario
    return None


def _put_weights(case: Case, owner: str | None, weights: Weights) -> Case:
    if owner is None:
        return case.model_copy(update={"weights": weights})
    changed = case.scenarios[owner].model_copy(update={"weights": weights})
    return case.model_copy(update={"scenarios": {**case.scenarios, owner: changed}})


def _default_points(case: Case, catalogue: Catalogue | None) -> Weights:
    known = available_criteria(case, catalogue)
    points = {c: known[c].default_weight for c in criterion_order(case) if c in known}
    return Weights.model_validate({"method": "direct", "points": points})


def set_weight(
    case: Case, scenario: str | None, criterion: str, points: float, *, catalogue: Catalogue | None
) -> Case:
    """Set a criterion's points in the active view's weights (see the module's
    docstring). A case without weights gets direct points from the default weights."""
    _check_view(case, scenario)
    _criterion(case, catalogue, criterion)
    if not math.isfinite(points) or points < 0:
        raise EditError(f"a weight must be a number of points of 0 or more, not {points:g}")
    owner = weights_owner(case, scenario)
    spec = effective_weights(case, scenario) or _default_points(case, catalogue)
    field = POINT_FIELDS.get(spec.method)
    if field is None:
        raise EditError(
            f"weights elicited by the method {spec.method!r} cannot be changed one by one. "
            "Convert them to direct points first."
        )
    current: dict[str, float] = getattr(spec, field)
    if current.get(criterion) == points:
        return case
    new_points = _insert(current, criterion, float(points), criterion_order(case))
    return _put_weights(case, owner, spec.model_copy(update={field: new_points}))


def weights_to_direct(
    case: Case, scenario: str | None, *, catalogue: Catalogue | None, note: str = ""
) -> Case:
    """Replace the active view's rank-order, AHP or statement-only weights by
    direct points, each criterion's derived share x 100 (rounded to 0.1; for
    `statements`, their central weights), keeping the statements and the
    record; `note` (what they were converted from, in the caller's words) is
    added to the elicitation."""
    from assess.core.statements import spec_weights, statement_findings

    _check_view(case, scenario)
    spec = effective_weights(case, scenario)
    if spec is None:
        return _put_weights(case, None, _default_points(case, catalogue))
    if spec.method in POINT_FIELDS:
        return case
    ids = view_criterion_ids(case, scenario)
    shares = spec_weights(spec, ids).weights
    points = {c: round(100 * shares[c], 1) for c in criterion_order(case) if c in shares}
    if statement_findings(spec, (), ids, points):  # rounding crossed a bound: keep every digit
        points = {c: 100 * shares[c] for c in points}
    elicitation = f"{spec.elicitation.strip()} {note}".strip()
    data = {"method": "direct", "elicitation": elicitation, "points": points}
    # the statements and the record stay: the points come from weights that satisfy them
    kept = spec.model_dump(include={"statements", "record"}, exclude_defaults=True)
    return _put_weights(case, weights_owner(case, scenario), Weights.model_validate({**data, **kept}))


def set_budget(case: Case, scenario: str | None, amounts: Mapping[str, float]) -> Case:
    """Set the active view's budget amounts (resource -> amount >= 0), the others kept:
    the scenario's budget in a scenario (made from the baseline's if it has none), else
    the case's."""
    _check_view(case, scenario)
    for res, x in amounts.items():
        if res not in case.resources:
            raise EditError(f"unknown resource '{res}'")
        if not math.isfinite(x) or x < 0:
            raise EditError(f"a budget is a number of 0 or more, not {x:g}")
    own = case.scenarios[scenario].budget if scenario is not None else None
    current = dict(own if own is not None else case.budget)
    new = {**current, **{r: float(x) for r, x in amounts.items()}}
    if new == current:
        return case
    if scenario is None:
        return case.model_copy(update={"budget": new})
    changed = case.scenarios[scenario].model_copy(update={"budget": new})
    return case.model_copy(update={"scenarios": {**case.scenarios, scenario: changed}})


def toggle_criterion(case: Case, criterion: str) -> Case:
    """Switch a criterion off (kept in the file, not counted) or back on."""
    if criterion not in criterion_order(case):
        raise EditError(f"'{criterion}' is not a criterion of this case")
    off = list(case.criteria.off)
    if criterion in off:
        off.remove(criterion)
    else:
        off.append(criterion)
    # An emptied list leaves the file rather than staying as `off: []`.
    if off:
        criteria = case.criteria.model_copy(update={"off": off})
    else:
        criteria = _rebuilt(case.criteria, {}, drop=["off"])
    return case.model_copy(update={"criteria": criteria})


@dataclass(frozen=True)
class Change:
    """One difference between two versions of a case, by id."""

    kind: Literal["score", "rationale", "weight", "weights", "criterion", "other"]
    scenario: str | None = None
    """The scenario whose cells or weights differ; None: the baseline's or the whole case's."""
    option: str | None = None
    criterion: str | None = None
    before: float | str | None = None
    """The value before (a score, points, a method, "on"/"off"); None where absent."""
    after: float | str | None = None


def changes(before: Case, after: Case) -> list[Change]:
    """What differs from `before` to `after`: score cells, rationales, weights
    and switched criteria, each once; `other` if nothing of those but
    something else differs. Unchanged rows are the same objects (edits share
    them), so this costs little."""
    if before is after:
        return []
    found = _cells_changed((before, after), before.scores, after.scores, None)
    for sid in [*before.scenarios, *(s for s in after.scenarios if s not in before.scenarios)]:
        old, new = before.scenarios.get(sid), after.scenarios.get(sid)
        if old is new:
            continue
        if old is None or new is None:
            found.append(Change("other", sid))
            continue
        found += _cells_changed((before, after), old.scores, new.scores, sid)
        found += _weights_changed(old.weights, new.weights, sid)
    found += _weights_changed(before.weights, after.weights, None)
    was, now = set(before.criteria.off), set(after.criteria.off)
    for c in criterion_order(after):
        if (c in was) != (c in now):
            found.append(Change("criterion", None, None, c, *(("off", "on") if c in was else ("on", "off"))))
    return found or ([] if before == after else [Change("other")])


def _cells_changed(
    cases: tuple[Case, Case],
    old: Mapping[str, Mapping[str, Score]],
    new: Mapping[str, Mapping[str, Score]],
    scenario: str | None,
) -> list[Change]:
    """Cells that differ; where a cell is new or gone, its value is the one
    its view shows without it (the baseline's under a scenario, the aggregate
    under an agreed value)."""
    found = []
    for option in [*old, *(o for o in new if o not in old)]:
        a, b = old.get(option, {}), new.get(option, {})
        if a is b:
            continue
        for criterion in [*a, *(c for c in b if c not in a)]:
            x, y = a.get(criterion), b.get(criterion)
            if x is y or x == y:
                continue
            if x is not None and y is not None and (x.value, x.range) == (y.value, y.range):
                found.append(Change("rationale", scenario, option, criterion, x.rationale, y.rationale))
            else:
                was = x or _shown(cases[0], scenario, option, criterion)
                now = y or _shown(cases[1], scenario, option, criterion)
                values = (was.value if was else None, now.value if now else None)
                found.append(Change("score", scenario, option, criterion, *values))
    return found


def _weights_changed(old: Weights | None, new: Weights | None, scenario: str | None) -> list[Change]:
    if old is new or old == new:
        return []
    field = POINT_FIELDS.get(old.method) if old and new and old.method == new.method else None
    if old is None or new is None or field is None:
        methods = (old.method if old else None, new.method if new else None)
        return [Change("weights", scenario, None, None, *methods)]
    a, b = getattr(old, field), getattr(new, field)
    moved = [c for c in [*a, *(c for c in b if c not in a)] if a.get(c) != b.get(c)]
    return [Change("weight", scenario, None, c, a.get(c), b.get(c)) for c in moved] or [
        Change("weights", scenario, before=old.method, after=new.method)
    ]
