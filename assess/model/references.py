"""Checks of the ids the blocks of issues 12-14 name: they must exist in the case.

`check_references(case, criteria)` returns every finding as (YAML path,
message), like `assess.core.validate.check_case`, for the loader to place at its
line and column:

* costs, budgets and rules (of the case and of each scenario) name declared
  resources and options of the case;
* the reference names an option; it costs nothing and is never funded, so it
  has no costs and no rule names it;
* weight statements and elicitation steps (of the case, of each scenario and
  of each assessor) name known criteria;
* `basis: carried` only on a scenario's cell (it means "kept from the
  baseline unreviewed").

Whether the statements can all hold at once, and whether point weights beside
them break one, needs the linear programs of `assess.kernels.preferences` and
is checked there. Nothing here reads files.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from assess.errors import did_you_mean
from assess.model.case import Case, ScoreTable
from assess.model.portfolio import Budget, CostTable, Rules
from assess.model.record import (
    PairwiseStep,
    Step,
    SwingOrderStep,
    SwingRatingStep,
    TradeoffStep,
    WithdrawalStep,
)
from assess.model.statements import (
    ExactStatement,
    IntervalStatement,
    OrderStatement,
    RatioStatement,
    Statement,
)
from assess.model.weights import Weights

Path = tuple[str | int, ...]
Finding = tuple[Path, str]


def check_references(case: Case, criteria: Collection[str]) -> list[Finding]:
    """Every id of the new blocks that names nothing in the case (see the module
    docstring); `criteria` is the set of criterion ids the case can use."""
    options = {o.id for o in case.options}
    found = [
        *_reference(case, options),
        *_portfolio(case, options, (), case.budget, case.rules, case.costs),
        *_carried(("scores",), case.scores),
        *_carried(("costs",), case.costs),
    ]
    for sid, s in case.scenarios.items():
        found += _portfolio(case, options, ("scenarios", sid), s.budget, s.rules, s.costs)
    for path, weights in _weights_of(case):
        found += _weights(weights, path, set(criteria))
    for aid, assessor in case.assessors.items():
        found += _carried(("assessors", aid, "scores"), assessor.scores)
    return found


def _unknown(kind: str, word: str, choices: Collection[str], hint: str = "") -> str:
    return f"unknown {kind} '{word}'{did_you_mean(word, tuple(choices)) or hint}"


def _reference(case: Case, options: set[str]) -> Iterator[Finding]:
    ref = case.reference
    if ref is not None and ref not in options:
        yield ("reference",), _unknown("option", ref, options) + ": the reference must be an option"


# -- costs, budgets and rules ---------------------------------------------------------


def _portfolio(
    case: Case,
    options: set[str],
    at: Path,
    budget: Budget | None,
    rules: Rules | None,
    costs: CostTable,
) -> Iterator[Finding]:
    resources = list(case.resources)
    hint = "" if resources else " (declare it under 'resources')"
    for res in budget or {}:
        if res not in case.resources:
            yield (*at, "budget", res), _unknown("resource", res, resources, hint)
    for opt, row in costs.items():
        if opt not in options:
            yield (*at, "costs", opt), _unknown("option", opt, options)
        elif opt == case.reference:
            yield (*at, "costs", opt), f"'{opt}' is the reference (the status quo): it costs nothing"
        for res in row:
            if res not in case.resources:
                yield (*at, "costs", opt, res), _unknown("resource", res, resources, hint)
    if rules is not None:
        yield from _rules(rules, (*at, "rules"), options, case.reference)


def _rule_ids(rules: Rules) -> Iterator[tuple[Path, str]]:
    """(path under `rules`, option id) of every id a rule names."""
    for key in ("must", "must_not"):
        for i, opt in enumerate(getattr(rules, key)):
            yield (key, i), opt
    for g, group in enumerate(rules.at_most_one):
        for i, opt in enumerate(group):
            yield ("at_most_one", g, i), opt
    for i, pair in enumerate(rules.requires):
        yield ("requires", i, "option"), pair.option
        yield ("requires", i, "needs"), pair.needs


def _rules(rules: Rules, at: Path, options: set[str], reference: str | None) -> Iterator[Finding]:
    for path, opt in _rule_ids(rules):
        if opt not in options:
            yield (*at, *path), _unknown("option", opt, options)
        elif opt == reference:
            yield (*at, *path), f"'{opt}' is the reference (the status quo, never funded): no rule names it"


# -- where cells are carried ----------------------------------------------------------


CARRIED_OUTSIDE_SCENARIO = (
    "basis 'carried' means kept from the baseline unreviewed: only a scenario's cell has it"
)


def _carried(at: Path, table: ScoreTable | CostTable) -> Iterator[Finding]:
    for opt, row in table.items():
        for key, cell in row.items():
            if cell.basis == "carried":
                yield (*at, opt, key, "basis"), CARRIED_OUTSIDE_SCENARIO


# -- weight statements and the elicitation record ---------------------------------------


def _weights_of(case: Case) -> Iterator[tuple[Path, Weights]]:
    if case.weights is not None:
        yield ("weights",), case.weights
    for sid, s in case.scenarios.items():
        if s.weights is not None:
            yield ("scenarios", sid, "weights"), s.weights
    for aid, a in case.assessors.items():
        if a.weights is not None:
            yield ("assessors", aid, "weights"), a.weights
        for sid, own in a.scenarios.items():
            if own.weights is not None:
                yield ("assessors", aid, "scenarios", sid, "weights"), own.weights


def _weights(weights: Weights, at: Path, criteria: set[str]) -> Iterator[Finding]:
    named = [((*at, "statements", k, *p), c) for k, s in enumerate(weights.statements) for p, c in _said(s)]
    named += [((*at, "record", k, *p), c) for k, s in enumerate(weights.record) for p, c in _stepped(s)]
    for path, cid in named:
        if cid not in criteria:
            yield path, _unknown("criterion", cid, criteria)


def _order_ids(key: str, order: list[str | list[str]]) -> Iterator[tuple[Path, str]]:
    for i, entry in enumerate(order):
        if isinstance(entry, str):
            yield (key, i), entry
        else:
            yield from (((key, i, j), cid) for j, cid in enumerate(entry))


def _said(statement: Statement) -> Iterator[tuple[Path, str]]:
    """(path under the statement, criterion id) of every criterion it names."""
    if isinstance(statement, OrderStatement):
        yield from _order_ids("order", statement.order)
    elif isinstance(statement, IntervalStatement):
        yield ("interval", "criterion"), statement.interval.criterion
    elif isinstance(statement, RatioStatement):
        yield ("ratio", "criterion"), statement.ratio.criterion
        yield ("ratio", "to"), statement.ratio.to
    elif isinstance(statement, ExactStatement):
        yield ("exact", "criterion"), statement.exact.criterion


def _stepped(step: Step) -> Iterator[tuple[Path, str]]:
    """(path under the step, criterion id) of every criterion it names."""
    if isinstance(step, SwingOrderStep):
        yield from _order_ids("order", step.order)
    elif isinstance(step, SwingRatingStep):
        yield ("criterion",), step.criterion
    elif isinstance(step, PairwiseStep):
        yield from ((("a",), step.a), (("b",), step.b))
    elif isinstance(step, TradeoffStep):
        yield from ((("criterion",), step.criterion), (("to",), step.to))
    elif isinstance(step, WithdrawalStep):
        yield from ((("withdrawn", *p), c) for p, c in _said(step.withdrawn))
