"""The portfolio analyses of a view, by id: optimum, order, frontier, robustness,
funding probabilities, and the optimum across views.

Each wraps one kernel of `assess.kernels.portfolio` (whose docstrings give the
formulas and references) on the `CaseProblem` of `assess.core.portfolio.problem`
and maps indices back to option and resource ids.

Robustness (Liesio, Mild & Salo 2007): the value increments of option j on
criterion i range over [v_low_ij - ref_high_i, v_high_ij - ref_low_i] (each score
over its range, the reference's too), and the weights over the extreme points the
`information` names in `WEIGHT_INFORMATION`: "none" (any weights: the unit
vectors), "order" (the rank order of the view's weights, tied weights equal).
Another kind of information is one more entry of that table (a function of the
view returning a (K, m) array of extreme points).

Funding probabilities: weights drawn by the SMAA sampler (uniform on the simplex,
or within +-spread of the view's weights), scores and costs uniform within their
ranges; see `assess.kernels.portfolio.montecarlo`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from assess.core.portfolio.problem import CaseProblem, Excluded, build_problem, value_ranges
from assess.core.view import View
from assess.kernels import portfolio as kp
from assess.kernels.portfolio import PortfolioProblem
from assess.kernels.portfolio.montecarlo import Progress, ShouldStop


@dataclass(frozen=True)
class Portfolio:
    """A set of options with its total cost (resource -> amount) and benefit."""

    options: tuple[str, ...]
    cost: dict[str, float]
    benefit: float


@dataclass(frozen=True)
class OrderEntry:
    option: str
    benefit: float
    cost: dict[str, float]
    ratio: float
    """benefit per unit cost (unit cost: the sum of the cost's shares of the budgets);
    inf for a free option with a benefit, nan for one without."""
    funded: bool
    """Whether funding down the order buys it."""


@dataclass(frozen=True)
class Crowding:
    """An option of the optimum the order misses, and the order's options that took its place."""

    option: str
    reason: str
    """"budget", "group" or "required" (see `assess.kernels.portfolio.order`)."""
    by: tuple[str, ...]


@dataclass(frozen=True)
class OrderAnalysis:
    entries: tuple[OrderEntry, ...]
    funded: Portfolio
    shortfall: float
    """The optimum's benefit minus the order's, >= 0."""
    crowded_out: tuple[Crowding, ...]


@dataclass(frozen=True)
class Robust:
    information: str
    portfolios: tuple[tuple[str, ...], ...]
    core_index: dict[str, float]
    classes: dict[str, str]
    """option -> "core" | "borderline" | "exterior"."""


@dataclass(frozen=True)
class Funding:
    probability: dict[str, float]
    samples: int
    seed: int
    infeasible: int
    stopped: bool
    portfolios: tuple[tuple[tuple[str, ...], float], ...]
    """The optimal portfolios met, with the share of samples each was optimal in."""


@dataclass(frozen=True)
class ViewOptimum:
    scenario: str | None
    assessor: str | None
    label: str
    optimal: Portfolio


@dataclass(frozen=True)
class AcrossViews:
    views: tuple[ViewOptimum, ...]
    funded_in_all: tuple[str, ...]


def _portfolio(cp: CaseProblem, x: NDArray[np.bool_]) -> Portfolio:
    options = cp.selected(x)
    return Portfolio(options, cp.total_cost(options), float(cp.problem.benefit[x].sum()))


def optimal(cp: CaseProblem) -> Portfolio:
    """The exact optimum (`assess.kernels.portfolio.optimal`); PortfolioInfeasible if none."""
    return _portfolio(cp, kp.optimal(cp.problem).selected)


def order(cp: CaseProblem) -> OrderAnalysis:
    """The value-for-money order, what it funds, its shortfall and who crowds out whom.
    Options never funded (`CaseProblem.excluded`) come last, in the kernel's order."""
    r = kp.value_for_money(cp.problem)
    entries = tuple(
        OrderEntry(
            cp.ids[j],
            float(cp.problem.benefit[j]),
            dict(cp.costs[cp.ids[j]]),
            float(r.ratio[j]),
            bool(r.funded[j]),
        )
        for j in sorted(r.order.tolist(), key=lambda j: cp.ids[j] in cp.excluded)
    )
    crowded = tuple(
        Crowding(cp.ids[c.option], c.reason, tuple(cp.ids[i] for i in c.by)) for c in r.crowded_out
    )
    return OrderAnalysis(entries, _portfolio(cp, r.funded), float(r.shortfall), crowded)


def frontier(cp: CaseProblem) -> tuple[Portfolio, ...]:
    """Every frontier point, cheapest first (`assess.kernels.portfolio.frontier`)."""
    return tuple(_portfolio(cp, p.selected) for p in kp.frontier(cp.problem))


def _rank_order(view: View) -> NDArray[np.float64]:
    """Extreme points of the rank order of the view's weights (ties stay tied)."""
    w = view.shares
    levels = sorted(set(np.round(w, 12).tolist()), reverse=True)
    groups = [[i for i in range(len(w)) if round(float(w[i]), 12) == lv] for lv in levels]
    return kp.rank_order_vertices(groups)


def _statements(view: View) -> NDArray[np.float64]:
    """Extreme points of the polytope the view's weight statements allow."""
    from assess.core.statements import statement_vertices

    return statement_vertices(view.weight_spec, view.criterion_ids)


WEIGHT_INFORMATION: dict[str, Callable[[View], NDArray[np.float64]]] = {
    "none": lambda view: kp.no_information_vertices(len(view.criteria)),
    "order": _rank_order,
    "statements": _statements,
}
"""What is known of the weights -> the extreme points of the weights it allows:
nothing, the rank order of the view's weights, or its weight statements."""


def _increments(cp: CaseProblem) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """(n, m) low and high value increments over the reference (module docstring)."""
    view = cp.view
    lo, hi = value_ranges(view)
    keep = [i for i, o in enumerate(view.options) if o.id != cp.reference]
    if cp.reference is None:
        return lo[keep], hi[keep]
    ref = [o.id for o in view.options].index(cp.reference)
    return lo[keep] - hi[ref], hi[keep] - lo[ref]


def robust(cp: CaseProblem, information: str) -> Robust:
    """RPM non-dominated portfolios and core indices under `information` on the weights."""
    vertices = WEIGHT_INFORMATION[information](cp.view)
    lo, hi = _increments(cp)
    r = kp.robust_portfolios(lo, hi, vertices, cp.problem)
    return Robust(
        information,
        tuple(cp.selected(x) for x in r.portfolios),
        dict(zip(cp.ids, map(float, r.core_index), strict=True)),
        dict(zip(cp.ids, r.classes, strict=True)),
    )


def funding(
    cp: CaseProblem,
    *,
    samples: int,
    seed: int,
    spread: float | None = None,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
) -> Funding:
    """Each option's probability of being in the optimal portfolio, by Monte Carlo."""
    from assess.core.robustness.analysis import chunk_size
    from assess.kernels.robustness.smaa import weight_sampler

    view = cp.view
    lo, hi = value_ranges(view)
    keep = [i for i, o in enumerate(view.options) if o.id != cp.reference]
    ref = [o.id for o in view.options].index(cp.reference) if cp.reference else None
    weights = None if spread is None else view.weights
    r = kp.funding_probability(
        cp.problem,
        lo[keep],
        hi[keep],
        weight_sampler(len(view.criteria), weights, spread),
        reference_low=None if ref is None else lo[ref],
        reference_high=None if ref is None else hi[ref],
        cost_low=cp.cost_low,
        cost_high=cp.cost_high,
        samples=samples,
        seed=seed,
        chunk_size=chunk_size(samples),
        progress=progress,
        should_stop=should_stop,
    )
    shares = tuple((cp.selected(x), float(s)) for x, s in zip(r.portfolios, r.shares, strict=True))
    probability = dict(zip(cp.ids, map(float, r.probability), strict=True))
    return Funding(probability, r.samples, seed, r.infeasible, r.stopped, shares)


def view_list(view: View) -> list[tuple[str | None, str | None]]:
    """(scenario, assessor) of every view: each scenario (the baseline first) as the team
    sees it, then each assessor's own view of `view`'s scenario."""
    case = view.case
    out: list[tuple[str | None, str | None]] = [(None, None), *((s, None) for s in case.scenarios)]
    return out + [(view.scenario, a) for a in case.assessors]


def across_views(
    view: View, resolve_view: Callable[[str | None, str | None], View], budget: Mapping[str, float] | None
) -> AcrossViews:
    """The optimum of every view (`view_list`) and the options funded in all of them."""
    rows = []
    for scenario, assessor in view_list(view):
        other = resolve_view(scenario, assessor)
        label = other.label if assessor is None else f"{assessor} ({other.label})"
        rows.append(ViewOptimum(scenario, assessor, label, optimal(build_problem(other, budget))))
    ids = [o.id for o in view.options if o.id != view.case.reference]
    X = np.array([[o in r.optimal.options for o in ids] for r in rows], dtype=bool)
    return AcrossViews(tuple(rows), tuple(o for o, on in zip(ids, kp.funded_in_all(X), strict=True) if on))


@dataclass(frozen=True)
class PortfolioResult:
    """Every analysis one `assess portfolio` asks for, on one view."""

    problem: CaseProblem
    optimal: Portfolio
    order: OrderAnalysis
    frontier: tuple[Portfolio, ...]
    robust: Robust | None = None
    funding: Funding | None = None
    views: AcrossViews | None = None


def analyse(
    view: View,
    budget: Mapping[str, float] | None = None,
    *,
    information: str = "none",
    robust_too: bool = False,
    samples: int = 0,
    seed: int = 0,
    resolve_view: Callable[[str | None, str | None], View] | None = None,
    progress: Progress | None = None,
) -> PortfolioResult:
    """The optimum, the order and the frontier of `view`; with `robust_too` the RPM core
    indices under `information`; with `samples` > 0 the funding probabilities; with
    `resolve_view` the optimum across views. Raises PortfolioRefused or
    PortfolioInfeasible (from the kernels) when the view cannot be solved."""
    cp = build_problem(view, budget)
    return PortfolioResult(
        cp,
        optimal(cp),
        order(cp),
        frontier(cp),
        robust(cp, information) if robust_too else None,
        funding(cp, samples=samples, seed=seed, progress=progress) if samples > 0 else None,
        across_views(view, resolve_view, budget) if resolve_view is not None else None,
    )


@dataclass(frozen=True)
class Why:
    """Why an option is in or out of the optimum, as data (`render` says it in words)."""

    option: str
    funded: bool
    cost: dict[str, float]
    margin: float | None
    """In: how much less the best portfolio without it brings; out: how much more the
    optimum brings than the best portfolio that holds it (None: none can hold it)."""
    excluded: Excluded | None = None
    """Out because it is never funded (a veto, worse than the reference, a budget of 0)."""


def why(cp: CaseProblem, best: Portfolio, option: str) -> Why:
    """Whether `option` is in the optimum `best`, and what that choice is worth."""
    j, p = cp.index[option], cp.problem
    funded = option in best.options
    excluded = cp.excluded.get(option)
    if excluded is not None:
        return Why(option, False, dict(cp.costs[option]), None, excluded)
    flip = np.zeros(p.n, dtype=bool)
    flip[j] = True
    other = PortfolioProblem(
        p.benefit,
        p.costs,
        p.budget,
        p.must & ~flip if funded else p.must | flip,
        p.must_not | flip if funded else p.must_not,
        p.groups,
        p.requires,
    )
    try:
        alt = kp.optimal(other).benefit
    except kp.PortfolioInfeasible:
        return Why(option, funded, dict(cp.costs[option]), None)
    return Why(option, funded, dict(cp.costs[option]), max(0.0, best.benefit - alt))
