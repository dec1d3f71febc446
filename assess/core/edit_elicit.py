"""Pure edits of elicitation: each answer of the weights screen becomes a new case.

Every answer appends one step to `weights.record` of the active view's weights
(the scenario's own, else the case's; see `assess.core.edit.weights_owner`),
with who gave it (`Said.by`), when, and an optional rationale, so a reviewer
can replay how the weights came about. What the step implies is written to
the derived inputs at the same time:

- `add_statement`: the statement is appended to `statements` and the step
  names it (`{step: statement, statement: k}`); a statement that cannot hold
  with the others is refused, naming the smallest conflicting subset;
- `swing_order`: the ranking of the swings (a step only);
- `swing_rating`: the swing's rating under `swing`, the method becomes swing
  (the other criteria keep their current weight, as swing points);
- `pairwise`: the judgement replaces any earlier one on the same pair under
  `pairwise` once every pair of the view has one (AHP needs them all); until
  then the judgements live in the record (`judgements` reads them back);
- `tradeoff`: the question and its answer, and the ratio statement it makes;
- `remove_statement`: the statement leaves `statements` and a `withdrawal`
  step keeps it whole (who gave it, when, why) with who withdrew it; the
  step that gave it goes with it and later statement steps are renumbered.

A swing rating is held to the latest ranking of the swings (`swing_limits`):
a swing ranked below another is rated no higher, the first at 100.

`set_last_rationale` gives the last step (or the statement it names) a
rationale. Like the edits of `assess.core.edit`, these rebuild only the path
to what they change, so saving changes only the lines of the new steps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError

from assess.core.edit import EditError, _default_points, _put_weights, _rebuilt, weights_owner
from assess.core.elicit_live import conflict_message, statement_ids
from assess.core.view import available_criteria, effective_weights, view_criterion_ids
from assess.model import Case, Catalogue, Weights
from assess.model.record import (
    PairwiseStep,
    StatementStep,
    Step,
    SwingOrderStep,
    SwingRatingStep,
    WithdrawalStep,
)
from assess.model.statements import Statement, order_groups
from assess.model.weights import Judgement

_STEP: TypeAdapter[Any] = TypeAdapter(Step)
_STATEMENT: TypeAdapter[Any] = TypeAdapter(Statement)


@dataclass(frozen=True)
class Said:
    """Who gave an answer, when, and why (each optional)."""

    by: str | None = None
    rationale: str | None = None
    date: dt.date | None = None

    def fields(self) -> dict[str, object]:
        return {k: v for k, v in (("by", self.by), ("rationale", self.rationale), ("date", self.date)) if v}


def active_weights(case: Case, scenario: str | None, catalogue: Catalogue | None) -> Weights:
    """The weights an answer in this view adds to (the criteria's defaults as points if none)."""
    return effective_weights(case, scenario) or _default_points(case, catalogue)


def _validated(adapter: TypeAdapter[Any], data: Mapping[str, object], what: str) -> Any:
    try:
        return adapter.validate_python(dict(data))
    except ValidationError as err:
        raise EditError(f"{what}: {err.errors()[0]['msg']}") from None


def _with(
    case: Case,
    scenario: str | None,
    catalogue: Catalogue | None,
    step: Mapping[str, object],
    update: Mapping[str, object] | None = None,
    drop: Sequence[str] = (),
) -> Case:
    """`case` with `step` appended to the active weights' record and `update` set."""
    spec = active_weights(case, scenario, catalogue)
    new_step = _validated(_STEP, step, "this answer")
    record = [*spec.record, new_step]
    try:
        weights = _rebuilt(spec, {**(update or {}), "record": record}, drop=drop)
    except ValidationError as err:
        raise EditError(err.errors()[0]["msg"]) from None
    return _put_weights(case, weights_owner(case, scenario), weights)


def _known(case: Case, scenario: str | None, ids: Sequence[str]) -> None:
    have = view_criterion_ids(case, scenario)
    for c in ids:
        if c not in have:
            raise EditError(f"'{c}' is not a criterion of this view")


def add_statement(
    case: Case,
    scenario: str | None,
    statement: Mapping[str, Any],
    said: Said,
    *,
    catalogue: Catalogue | None,
) -> Case:
    """Append a statement (plain data, as in the file) and its step; refuse one
    that conflicts with those before it, naming the smallest conflicting set."""
    _known(case, scenario, statement_ids(statement))
    new = _validated(_STATEMENT, {**statement, **said.fields()}, "this statement")
    spec = active_weights(case, scenario, catalogue)
    statements = [*spec.statements, new]
    problem = conflict_message(view_criterion_ids(case, scenario), statements)
    if problem:
        raise EditError(problem)
    step = {"step": "statement", "statement": len(statements) - 1, **said.fields()}
    step_said = {k: v for k, v in step.items() if k != "rationale"}  # the statement holds it
    return _with(case, scenario, catalogue, step_said, {"statements": statements})


def swing_order(
    case: Case,
    scenario: str | None,
    order: Sequence[str | list[str]],
    said: Said,
    *,
    catalogue: Catalogue | None,
) -> Case:
    """Record the swings ranked from the most valued down (a nested list is a tie)."""
    _known(case, scenario, [c for group in order_groups(list(order)) for c in group])
    return _with(case, scenario, catalogue, {"step": "swing_order", "order": list(order), **said.fields()})


def current_swing(case: Case, scenario: str | None, catalogue: Catalogue | None) -> dict[str, float]:
    """The view's weights as swing points: its swing if it has one, else each
    share against the largest (x 100, to 0.1)."""
    from assess.core.view import resolve

    spec = active_weights(case, scenario, catalogue)
    if spec.method == "swing" and spec.swing is not None:
        return dict(spec.swing)
    view = resolve(case, catalogue, scenario)
    top = float(view.shares.max()) or 1.0
    return {c: round(100 * float(s) / top, 1) for c, s in zip(view.criterion_ids, view.shares, strict=True)}


@dataclass(frozen=True)
class SwingLimits:
    """The ratings of a swing that keep to the ranking: `low`..`high`, set by
    the swings `low_by` (ranked below it) and `high_by` (ranked above it);
    None: the end of the scale. `first`: it is ranked first (alone or tied),
    so it is 100."""

    low: float = 0.0
    high: float = 100.0
    low_by: str | None = None
    high_by: str | None = None
    first: bool = False


def swing_limits(
    case: Case, scenario: str | None, criterion: str, *, catalogue: Catalogue | None
) -> SwingLimits:
    """What the latest ranking of the swings (`swing_order` step) allows for
    `criterion`'s swing (von Winterfeldt & Edwards 1986, ch. 8: each swing is
    rated against the first, so the ratings keep the ranking; equal ratings
    are ties, and swings tied in the ranking bind nothing between them):

    * at most the lowest rating of a swing ranked above it, as it stands now
      (`current_swing`): a swing never passes one ranked before it;
    * at least the highest rating given since the ranking to a swing ranked
      below it (ratings from before the ranking do not bind, so the swings
      can be rated from the top down after a re-ranking).

    No ranking recorded, or `criterion` not in it: the whole 0..100."""
    spec = active_weights(case, scenario, catalogue)
    at = max((k for k, s in enumerate(spec.record) if isinstance(s, SwingOrderStep)), default=None)
    if at is None:
        return SwingLimits()
    order = spec.record[at]
    assert isinstance(order, SwingOrderStep)
    rank = {c: g for g, group in enumerate(order_groups(order.order)) for c in group}
    if criterion not in rank:
        return SwingLimits()
    mine = rank[criterion]
    now = current_swing(case, scenario, catalogue)
    since = {s.criterion: s.rating for s in spec.record[at + 1 :] if isinstance(s, SwingRatingStep)}
    above = [(now[c], c) for c in rank if rank[c] < mine and c in now]
    below = [(r, c) for c, r in since.items() if c in rank and rank[c] > mine]
    high, high_by = min(above, default=(100.0, None))
    low, low_by = max(below, default=(0.0, None))
    return SwingLimits(low, high, low_by, high_by, first=mine == 0)


def swing_rating_problem(
    case: Case, scenario: str | None, criterion: str, rating: float, *, catalogue: Catalogue | None
) -> str | None:
    """None if rating `criterion`'s swing `rating` keeps to the ranking
    (`swing_limits`), else why not, naming the swing it would pass."""
    if not 0 <= rating <= 100:
        return f"a swing is rated 0..100 against the most valued one, not {rating:g}"
    limits = swing_limits(case, scenario, criterion, catalogue=catalogue)
    names = {c: k.name for c, k in available_criteria(case, catalogue).items()}
    name = names.get
    me = name(criterion, criterion)
    if limits.first and rating != 100:
        return f"the swing of {me} is ranked first: it is 100, the others are rated against it"
    again = "or rank the swings again"
    if limits.high_by is not None and rating > limits.high:
        other = name(limits.high_by, limits.high_by)
        return (
            f"{rating:g} would put the swing of {me} above that of {other} ({limits.high:g}), "
            f"ranked above it: rate it {limits.high:g} or less, {again}"
        )
    if limits.low_by is not None and rating < limits.low:
        other = name(limits.low_by, limits.low_by)
        return (
            f"{rating:g} would put the swing of {me} below that of {other} ({limits.low:g}), "
            f"ranked below it: rate it {limits.low:g} or more, {again}"
        )
    return None


def swing_rating(
    case: Case,
    scenario: str | None,
    criterion: str,
    rating: float,
    said: Said,
    *,
    catalogue: Catalogue | None,
) -> Case:
    """Rate one swing against the most valued (100), held to the ranking
    (`swing_rating_problem`); the weights become swing points."""
    _known(case, scenario, [criterion])
    problem = swing_rating_problem(case, scenario, criterion, rating, catalogue=catalogue)
    if problem:
        raise EditError(problem)
    swing = {**current_swing(case, scenario, catalogue), criterion: float(rating)}
    step = {"step": "swing_rating", "criterion": criterion, "rating": float(rating), **said.fields()}
    others = ("points", "ranking", "pairwise")
    return _with(case, scenario, catalogue, step, {"method": "swing", "swing": swing}, drop=others)


def judgements(spec: Weights) -> dict[frozenset[str], PairwiseStep | Judgement]:
    """The latest judgement on each pair: the AHP inputs, then the record's pairwise steps."""
    found: dict[frozenset[str], PairwiseStep | Judgement] = {}
    for j in spec.pairwise or []:
        found[frozenset((j.a, j.b))] = j
    for step in spec.record:
        if isinstance(step, PairwiseStep):
            found[frozenset((step.a, step.b))] = step
    return found


def pairwise(
    case: Case,
    scenario: str | None,
    a: str,
    b: str,
    ratio: float,
    said: Said,
    *,
    catalogue: Catalogue | None,
) -> Case:
    """Record "a is `ratio` times as important as b"; with every pair judged,
    the weights become AHP's from the latest judgement of each pair."""
    _known(case, scenario, [a, b])
    step = {"step": "pairwise", "a": a, "b": b, "ratio": float(ratio), **said.fields()}
    case = _with(case, scenario, catalogue, step)
    spec = active_weights(case, scenario, catalogue)
    ids = view_criterion_ids(case, scenario)
    found = judgements(spec)
    if len(ids) < 2 or any(frozenset((x, y)) not in found for i, x in enumerate(ids) for y in ids[i + 1 :]):
        return case
    keep = [
        Judgement.model_validate({"a": j.a, "b": j.b, "ratio": j.ratio, **_said_of(j)})
        for j in found.values()
    ]
    try:
        weights = _rebuilt(spec, {"method": "ahp", "pairwise": keep}, drop=("points", "swing", "ranking"))
    except ValidationError as err:
        raise EditError(err.errors()[0]["msg"]) from None
    return _put_weights(case, weights_owner(case, scenario), weights)


def _said_of(j: PairwiseStep | Judgement) -> dict[str, object]:
    return {k: v for k in ("by", "rationale", "date") if (v := getattr(j, k))}


def tradeoff(
    case: Case,
    scenario: str | None,
    question: tuple[str, str, float],
    answer: str,
    bounds: tuple[float | None, float | None],
    said: Said,
    *,
    catalogue: Catalogue | None,
) -> Case:
    """Record a trade-off question (criterion, to, ratio), its answer (more,
    less, equal) and the ratio statement with `bounds` (min, max) it makes."""
    criterion, to, ratio = question
    step = {"step": "tradeoff", "criterion": criterion, "to": to, "ratio": ratio, "answer": answer}
    case = _with(case, scenario, catalogue, {**step, **said.fields()})
    low, high = bounds
    body = {
        "criterion": criterion,
        "to": to,
        **({"min": low} if low else {}),
        **({"max": high} if high else {}),
    }
    return add_statement(case, scenario, {"ratio": body}, Said(said.by, None, said.date), catalogue=catalogue)


def remove_statement(
    case: Case, scenario: str | None, index: int, said: Said, *, catalogue: Catalogue | None
) -> Case:
    """Withdraw statement `index` (0 is the first) of the active weights: it
    leaves `statements`, the step that gave it leaves the record, later
    statement steps are renumbered, and a `withdrawal` step appended keeps it
    whole with who withdrew it, when and why (`said`), so a reviewer replaying
    the record sees it given (its own by and date) and withdrawn."""
    spec = active_weights(case, scenario, catalogue)
    if not 0 <= index < len(spec.statements):
        raise EditError(f"there is no statement {index + 1} to withdraw")
    if spec.method == "statements" and len(spec.statements) == 1:
        raise EditError(
            "the weights are this statement's (method statements): give them another way "
            "before withdrawing the last statement"
        )
    withdrawn = spec.statements[index]
    record: list[Any] = []
    for step in spec.record:
        if not isinstance(step, StatementStep):
            record.append(step)
        elif step.statement > index:
            record.append(_rebuilt(step, {"statement": step.statement - 1}))
        elif step.statement < index:
            record.append(step)
    data = {"step": "withdrawal", "withdrawn": withdrawn, **said.fields()}
    record.append(WithdrawalStep.model_validate(data))
    statements = [s for k, s in enumerate(spec.statements) if k != index]
    try:
        weights = _rebuilt(spec, {"statements": statements, "record": record})
    except ValidationError as err:
        raise EditError(err.errors()[0]["msg"]) from None
    return _put_weights(case, weights_owner(case, scenario), weights)


def last_step(case: Case, scenario: str | None, catalogue: Catalogue | None) -> Any:
    """The last step of the active weights' record, or None."""
    spec = active_weights(case, scenario, catalogue)
    return spec.record[-1] if spec.record else None


def set_last_rationale(case: Case, scenario: str | None, text: str, *, catalogue: Catalogue | None) -> Case:
    """Give the last step a rationale (a statement step: its statement); blank removes it."""
    spec = active_weights(case, scenario, catalogue)
    if not spec.record:
        raise EditError("no elicitation step yet to explain")
    text = text.strip()
    step = spec.record[-1]
    update: dict[str, object]
    if isinstance(step, StatementStep):
        target = spec.statements[step.statement]
        statements = list(spec.statements)
        statements[step.statement] = _explained(target, text)
        update = {"statements": statements}
    else:
        update = {"record": [*spec.record[:-1], _explained(step, text)]}
    if all(getattr(spec, k) == v for k, v in update.items()):
        return case
    return _put_weights(case, weights_owner(case, scenario), _rebuilt(spec, update))


def _explained(model: Any, text: str) -> Any:
    return _rebuilt(model, {}, drop=["rationale"]) if not text else _rebuilt(model, {"rationale": text})
