"""From a view to its portfolio problem: benefits, costs, budgets and rules, by id.

Benefit of option j (the weighted sum, weights normalised, values in [0, 1]):

    b_j = V_j - V_ref        V = sum_i w_i v_ij; V_ref the reference's value at its
                             scores (no reference: V_ref = 0, b_j = V_j).

The reference (the status quo) is not a candidate: it is the line to beat. Costs
are the case's cost cells with the scenario's laid over them, 0 where none is
given. The budget is the view's (a scenario's replaces the baseline's), with any
amounts the caller gives laid over it; a resource without an amount is not
limited and plays no part. Rules are the scenario's if it has them, else the
case's.

Never funded (`must_not`, with why as data in `excluded`): an option a veto
excludes, an option worse than the reference (b_j < 0: "worse than doing
nothing"), and, for each resource whose budget is 0, every option that costs
more than 0 in it (a budget of 0 funds only what costs nothing in it: the kernel
wants budgets > 0, so such a resource leaves the problem once those options are
barred). A `must` rule on an excluded option is a clear error
(`PortfolioRefused`, at the rule). When no resource keeps a budget above 0 the
problem has one placeholder resource that nothing costs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from assess.core.scoring import VetoReason, veto_reasons
from assess.core.values import value_matrix
from assess.core.view import View
from assess.kernels.portfolio import PortfolioProblem
from assess.model.portfolio import Rules

ExclusionKind = Literal["vetoed", "worse", "unaffordable"]
Path = tuple[str | int, ...]


class PortfolioRefused(ValueError):
    """The view cannot be solved as asked: no budget, or a rule that cannot hold."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        """Where in the case file the cause is written (None: not in the file)."""


@dataclass(frozen=True)
class Excluded:
    """Why an option is never funded."""

    kind: ExclusionKind
    vetoes: tuple[VetoReason, ...] = ()
    """kind "vetoed": the vetoes that exclude it."""
    benefit: float = 0.0
    """kind "worse": its benefit (< 0)."""
    resources: tuple[str, ...] = ()
    """kind "unaffordable": the resources of budget 0 it costs something in."""


@dataclass(frozen=True, eq=False)
class CaseProblem:
    """A view's portfolio problem: the kernel's arrays and the ids they stand for."""

    view: View
    ids: tuple[str, ...]
    """The candidate options (every option but the reference), in view order."""
    names: tuple[str, ...]
    reference: str | None
    reference_value: float
    value: NDArray[np.float64]
    """(n,) each candidate's value V_j; `problem.benefit` is V_j - V_ref."""
    budget: dict[str, float]
    """Every resource with an amount (0 included) -> that amount."""
    resources: tuple[str, ...]
    """The resources of the problem's columns (those with a budget above 0)."""
    costs: dict[str, dict[str, float]]
    """option id -> budgeted resource -> its cost (0 where none is given)."""
    cost_low: NDArray[np.float64]
    """(n, r) the low ends of the costs of the problem's columns."""
    cost_high: NDArray[np.float64]
    problem: PortfolioProblem
    excluded: dict[str, Excluded] = field(default_factory=dict)
    rules_path: Path = ("rules",)
    """Where the rules in force are written."""

    @property
    def index(self) -> dict[str, int]:
        return {o: i for i, o in enumerate(self.ids)}

    def benefit(self, option: str) -> float:
        return float(self.problem.benefit[self.index[option]])

    def mask(self, options: list[str] | tuple[str, ...]) -> NDArray[np.bool_]:
        x = np.zeros(len(self.ids), dtype=bool)
        x[[self.index[o] for o in options]] = True
        return x

    def selected(self, x: NDArray[np.bool_]) -> tuple[str, ...]:
        return tuple(o for o, on in zip(self.ids, x, strict=True) if on)

    def total_cost(self, options: list[str] | tuple[str, ...]) -> dict[str, float]:
        """resource -> the options' cost, over every budgeted resource."""
        return {r: float(sum(self.costs[o][r] for o in options)) for r in self.budget}


def view_costs(view: View) -> dict[str, dict[str, tuple[float, float, float]]]:
    """option id -> resource id -> (low, value, high): the case's cost cells with the
    scenario's laid over them (missing cells are absent: they cost 0)."""
    case = view.case
    layers = [case.costs]
    if view.scenario is not None:
        layers.append(case.scenarios[view.scenario].costs)
    table: dict[str, dict[str, tuple[float, float, float]]] = {}
    for layer in layers:
        for opt, row in layer.items():
            for res, cell in row.items():
                lo, hi = cell.range
                table.setdefault(opt, {})[res] = (lo, cell.value, hi)
    return table


def view_budget(view: View, override: Mapping[str, float] | None = None) -> tuple[dict[str, float], Path]:
    """The budget in force (resource -> amount) and where it is written."""
    case = view.case
    budget, path = dict(case.budget), ("budget",)
    where: Path = path
    if view.scenario is not None and case.scenarios[view.scenario].budget is not None:
        budget = dict(case.scenarios[view.scenario].budget or {})
        where = ("scenarios", view.scenario, "budget")
    budget.update(override or {})
    return budget, where


def view_rules(view: View) -> tuple[Rules, Path]:
    case = view.case
    if view.scenario is not None and case.scenarios[view.scenario].rules is not None:
        return case.scenarios[view.scenario].rules or Rules(), ("scenarios", view.scenario, "rules")
    return case.rules, ("rules",)


def option_values(view: View) -> NDArray[np.float64]:
    """(n,) every option's weighted-sum value, in view order."""
    return view.values @ view.shares


def value_ranges(view: View) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """(n, m) each cell's lowest and highest value over its score range."""
    criteria = list(view.criteria)
    a, b = value_matrix(criteria, view.low), value_matrix(criteria, view.high)
    return np.minimum(a, b), np.maximum(a, b)


def build_problem(view: View, budget: Mapping[str, float] | None = None) -> CaseProblem:
    """The view's portfolio problem (module docstring); `budget` lays amounts over the
    view's. Raises PortfolioRefused when there is no budget or a `must` cannot hold."""
    amounts, budget_path = view_budget(view, budget)
    if not amounts:
        raise PortfolioRefused(
            "the case declares no budget: add one under 'budget' (resource: amount) or give --budget",
            ("resources",) if view.case.resources else (),
        )
    ref = view.case.reference
    ids = tuple(o.id for o in view.options if o.id != ref)
    names = tuple(o.name for o in view.options if o.id != ref)
    at = [i for i, o in enumerate(view.options) if o.id != ref]
    values = option_values(view)
    ref_value = float(values[[o.id for o in view.options].index(ref)]) if ref else 0.0
    table = view_costs(view)
    triples = {o: {r: table.get(o, {}).get(r, (0.0, 0.0, 0.0)) for r in amounts} for o in ids}
    excluded = _excluded(view, ids, at, values - ref_value, triples, amounts)
    rules, rules_path = view_rules(view)
    _check_must(rules, rules_path, excluded, ref)
    columns = tuple(r for r, x in amounts.items() if x > 0)
    problem = _kernel_problem(ids, values[at] - ref_value, triples, amounts, columns, rules, excluded)
    lo = np.array([[triples[o][r][0] for r in columns] for o in ids]).reshape(len(ids), len(columns))
    hi = np.array([[triples[o][r][2] for r in columns] for o in ids]).reshape(len(ids), len(columns))
    return CaseProblem(
        view,
        ids,
        names,
        ref,
        ref_value,
        values[at],
        amounts,
        columns,
        {o: {r: triples[o][r][1] for r in amounts} for o in ids},
        _placeholder(lo, columns),
        _placeholder(hi, columns),
        problem,
        excluded,
        rules_path,
    )


def _excluded(
    view: View,
    ids: tuple[str, ...],
    at: list[int],
    benefit: NDArray[np.float64],
    triples: dict[str, dict[str, tuple[float, float, float]]],
    amounts: dict[str, float],
) -> dict[str, Excluded]:
    vetoes = veto_reasons(view)
    out: dict[str, Excluded] = {}
    for opt, i in zip(ids, at, strict=True):
        zero = tuple(r for r, x in amounts.items() if x == 0 and triples[opt][r][1] > 0)
        if vetoes[i]:
            out[opt] = Excluded("vetoed", vetoes=vetoes[i])
        elif benefit[i] < 0:
            out[opt] = Excluded("worse", benefit=float(benefit[i]))
        elif zero:
            out[opt] = Excluded("unaffordable", resources=zero)
    return out


def exclusion_phrase(opt: str, why: Excluded) -> str:
    if why.kind == "vetoed":
        return f"'{opt}' must be funded, but a veto excludes it"
    if why.kind == "worse":
        return f"'{opt}' must be funded, but it is worse than the reference (doing nothing)"
    return f"'{opt}' must be funded, but it costs something in {', '.join(why.resources)}, whose budget is 0"


def _check_must(rules: Rules, at: Path, excluded: dict[str, Excluded], ref: str | None) -> None:
    for k, opt in enumerate(rules.must):
        if opt in excluded:
            raise PortfolioRefused(exclusion_phrase(opt, excluded[opt]), (*at, "must", k))
        if opt == ref:
            raise PortfolioRefused(f"'{opt}' is the reference: it is never funded", (*at, "must", k))


def _kernel_problem(
    ids: tuple[str, ...],
    benefit: NDArray[np.float64],
    triples: dict[str, dict[str, tuple[float, float, float]]],
    amounts: dict[str, float],
    columns: tuple[str, ...],
    rules: Rules,
    excluded: dict[str, Excluded],
) -> PortfolioProblem:
    index = {o: i for i, o in enumerate(ids)}
    costs = np.array([[triples[o][r][1] for r in columns] for o in ids]).reshape(len(ids), len(columns))

    def mask(names: list[str]) -> NDArray[np.bool_]:
        x = np.zeros(len(ids), dtype=bool)
        x[[index[o] for o in names if o in index]] = True
        return x

    groups = tuple(np.array([index[o] for o in g if o in index], dtype=np.int64) for g in rules.at_most_one)
    requires = [(index[p.option], index[p.needs]) for p in rules.requires if p.option in index]
    # a requirement of the reference (never funded) bars the option that needs it
    barred = [p.option for p in rules.requires if p.needs not in index]
    return PortfolioProblem(
        benefit,
        _placeholder(costs, columns),
        np.array([amounts[r] for r in columns]) if columns else np.ones(1),
        mask(rules.must),
        mask([*excluded, *rules.must_not, *barred]),
        tuple(g for g in groups if g.size > 1),
        np.array(requires, dtype=np.int64).reshape(-1, 2),
    )


def _placeholder(costs: NDArray[np.float64], columns: tuple[str, ...]) -> NDArray[np.float64]:
    """The costs, or one column of zeros when no resource has a budget above 0."""
    return costs if columns else np.zeros((costs.shape[0], 1))
