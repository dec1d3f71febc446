"""What the budget buys (`assess portfolio`) as JSON, table or Markdown.

The JSON is a stable contract (see README): an object with

* `case` (the case's title), `file`, `scenario` (id, null for the baseline),
  `budget` (resource id -> amount), `reference` (option id or null);
* `optimal`: `options` (ids), `cost` (resource id -> total), `benefit`;
* `order`: a list, best value for money first, of objects with `option`,
  `benefit`, `cost` (resource id -> amount), `ratio` (benefit per unit cost, the
  unit cost being the sum of the cost's shares of the budgets; null for a free
  option) and `funded` (whether funding down the order buys it);
* `order_benefit`: the benefit of what the order funds;
* `frontier`: a list, cheapest first, of objects with `cost`, `benefit`, `options`;
* with `--robust`: `robust` with `information` ("none", "order" or "statements"),
  `portfolios` (a list of id lists), `core_index` (id -> share) and `class`
  (id -> "core" | "borderline" | "exterior").

Keys only ever added: `excluded` (id -> why it is never funded, in words),
`shortfall` and `crowded_out` (the order against the optimum), with `--samples`
`funding` (`samples`, `seed`, `infeasible`, `probability`: id -> share), with
`--views all` `views` (a list of `scenario`, `assessor`, `view`, `options`,
`cost`, `benefit`) and `funded_in_all` (ids). Numbers are rounded to 6 decimals,
never NaN (`assess.render.jsonout`). Benefits are values minus the reference's
(weighted sum, weights normalised); costs are in each resource's unit.
"""

from __future__ import annotations

from assess.core.portfolio.analyses import Portfolio, PortfolioResult, Why
from assess.core.portfolio.problem import CaseProblem, Excluded
from assess.render.explain import veto_sentences
from assess.render.fmt import Figure, fixed, percent, scale
from assess.render.jsonout import to_json
from assess.render.mdtext import md
from assess.render.safe import wrap
from assess.render.tables import markdown_table, text_table

UNFITTED = 10_000


def _cost_json(p: Portfolio) -> dict[str, object]:
    return {"cost": p.cost, "benefit": p.benefit, "options": list(p.options)}


def excluded_words(why: Excluded) -> str:
    """Why an option is never funded, in a sentence."""
    if why.kind == "vetoed":
        return "vetoed: " + "; ".join(veto_sentences(why.vetoes))
    if why.kind == "worse":
        return f"worse than doing nothing (benefit {fixed(why.benefit)} against the reference)"
    return f"costs something in {', '.join(why.resources)}, whose budget is 0"


def portfolio_data(result: PortfolioResult, file: str) -> dict[str, object]:
    cp = result.problem
    data: dict[str, object] = {
        "case": cp.view.case.title,
        "file": file,
        "scenario": cp.view.scenario,
        "budget": cp.budget,
        "reference": cp.reference,
        "optimal": {
            "options": list(result.optimal.options),
            "cost": result.optimal.cost,
            "benefit": result.optimal.benefit,
        },
        "order": [
            {"option": e.option, "benefit": e.benefit, "cost": e.cost, "ratio": e.ratio, "funded": e.funded}
            for e in result.order.entries
        ],
        "order_benefit": result.order.funded.benefit,
        "frontier": [_cost_json(p) for p in result.frontier],
    }
    if result.robust is not None:
        r = result.robust
        data["robust"] = {
            "information": r.information,
            "portfolios": [list(p) for p in r.portfolios],
            "core_index": r.core_index,
            "class": r.classes,
        }
    data["excluded"] = {o: excluded_words(w) for o, w in cp.excluded.items()}
    data["shortfall"] = result.order.shortfall
    data["crowded_out"] = [
        {"option": c.option, "reason": c.reason, "by": list(c.by)} for c in result.order.crowded_out
    ]
    if result.funding is not None:
        f = result.funding
        data["funding"] = {
            "samples": f.samples,
            "seed": f.seed,
            "infeasible": f.infeasible,
            "probability": f.probability,
        }
    if result.views is not None:
        data["views"] = [
            {"scenario": v.scenario, "assessor": v.assessor, "view": v.label, **_cost_json(v.optimal)}
            for v in result.views.views
        ]
        data["funded_in_all"] = list(result.views.funded_in_all)
    return data


def _amount(cp: CaseProblem, resource: str, x: float) -> str:
    unit = cp.view.case.resources[resource].unit if resource in cp.view.case.resources else ""
    return f"{scale(x)} {unit}".rstrip()


def cost_words(cp: CaseProblem, cost: dict[str, float], of_budget: bool = False) -> str:
    """ "Money 7.5 of 8 M EUR per year, People 13 of 16 FTE" (names, amounts, units)."""
    parts = []
    for r, x in cost.items():
        name = cp.view.case.resources[r].name if r in cp.view.case.resources else r
        amount = f"{scale(x)} of {_amount(cp, r, cp.budget[r])}" if of_budget else _amount(cp, r, x)
        parts.append(f"{name} {amount}")
    return ", ".join(parts)


def why_sentence(cp: CaseProblem, why: Why) -> str:
    """ "out: costs 2.1; the best use of 2.1 elsewhere adds 0.08 more" and its kin."""
    cost = ", ".join(scale(x) for x in why.cost.values() if x) or "nothing"
    if why.excluded is not None:
        return f"out: {excluded_words(why.excluded)}"
    if why.margin is None:
        return (
            "in: a rule forces it" if why.funded else "out: no portfolio within the budget and rules holds it"
        )
    if why.funded:
        return (
            f"in: costs {cost}; without it the best use of {cost} elsewhere brings {fixed(why.margin)} less"
        )
    return f"out: costs {cost}; the best use of {cost} elsewhere adds {fixed(why.margin)} more"


def _names(cp: CaseProblem, ids: tuple[str, ...] | list[str]) -> str:
    name = dict(zip(cp.ids, cp.names, strict=True))
    return ", ".join(name[o] for o in ids) or "nothing"


def _headline(result: PortfolioResult) -> list[str]:
    cp = result.problem
    view = cp.view
    out = [f"{view.case.title}: {view.label}: what the budget buys"]
    out.append("Budget: " + cost_words(cp, cp.budget))
    if cp.reference is not None:
        ref = next(o.name for o in view.options if o.id == cp.reference)
        out.append(f"Reference (the line to beat): {ref}, value {fixed(cp.reference_value)}")
    best = result.optimal
    out += ["", f"Optimal portfolio, benefit {fixed(best.benefit)}: {_names(cp, best.options)}"]
    out.append("  costs " + cost_words(cp, best.cost, of_budget=True))
    return out


def _order_rows(result: PortfolioResult) -> tuple[list[str], list[list[object]]]:
    cp = result.problem
    name = dict(zip(cp.ids, cp.names, strict=True))
    header = ["#", "option", "benefit", *cp.budget, "ratio", "funded"]
    rows: list[list[object]] = []
    for k, e in enumerate(result.order.entries, 1):
        ratio = Figure("free") if e.ratio == float("inf") else fixed(e.ratio)
        costs = [scale(e.cost[r]) for r in cp.budget]
        rows.append([k, name[e.option], fixed(e.benefit), *costs, ratio, "yes" if e.funded else ""])
    return header, rows


def _order_notes(result: PortfolioResult) -> list[str]:
    cp, o = result.problem, result.order
    out = [f"The order funds {_names(cp, o.funded.options)}: benefit {fixed(o.funded.benefit)}"]
    if o.shortfall > 0:
        out[0] += f", {fixed(o.shortfall)} short of the optimum"
        for c in o.crowded_out:
            by = f" by {_names(cp, c.by)}" if c.by else ""
            out.append(f"{_names(cp, [c.option])} is crowded out ({c.reason}){by}")
    return out


def _frontier_rows(result: PortfolioResult) -> tuple[list[str], list[list[object]]]:
    cp = result.problem
    header = [*cp.budget, "benefit", "options"]
    rows: list[list[object]] = []
    for p in result.frontier:
        mark = " (funded)" if p.options == result.optimal.options else ""
        rows.append([*(scale(p.cost[r]) for r in cp.budget), fixed(p.benefit), _names(cp, p.options) + mark])
    return header, rows


def _robust_rows(result: PortfolioResult) -> tuple[list[str], list[list[object]]]:
    cp, r = result.problem, result.robust
    assert r is not None
    rows: list[list[object]] = [
        [n, fixed(r.core_index[o]), r.classes[o]]
        for o, n in sorted(zip(cp.ids, cp.names, strict=True), key=lambda t: -r.core_index[t[0]])
    ]
    return ["option", "core index", "class"], rows


def _funding_rows(result: PortfolioResult) -> tuple[list[str], list[list[object]]]:
    cp, f = result.problem, result.funding
    assert f is not None
    pairs = sorted(zip(cp.ids, cp.names, strict=True), key=lambda t: -f.probability[t[0]])
    return ["option", "funded in"], [[n, percent(f.probability[o])] for o, n in pairs]


def _views_rows(result: PortfolioResult) -> tuple[list[str], list[list[object]]]:
    cp, v = result.problem, result.views
    assert v is not None
    rows: list[list[object]] = [
        [r.label, fixed(r.optimal.benefit), _names(cp, r.optimal.options)] for r in v.views
    ]
    return ["view", "benefit", "optimal portfolio"], rows


def _sections(result: PortfolioResult) -> list[tuple[str, tuple[list[str], list[list[object]]], list[str]]]:
    """(title, table, notes under it) of every section after the headline."""
    cp = result.problem
    out = [
        (
            "Value-for-money order (benefit per share of the budgets)",
            _order_rows(result),
            _order_notes(result),
        )
    ]
    out.append(("Frontier: the best benefit at each cost", _frontier_rows(result), []))
    if result.robust is not None:
        info = {
            "none": "any weights",
            "order": "the rank order of the weights",
            "statements": "the weights the statements allow (any, with none)",
        }[result.robust.information]
        n = len(result.robust.portfolios)
        out.append(
            (
                f"Robustness ({info}, scores over their ranges): {n} non-dominated portfolios",
                _robust_rows(result),
                [],
            )
        )
    if result.funding is not None:
        f = result.funding
        out.append((f"Funding probability ({f.samples:,} samples, seed {f.seed})", _funding_rows(result), []))
    if result.views is not None:
        notes = [f"Funded in every view: {_names(cp, result.views.funded_in_all)}"]
        out.append(("Across views", _views_rows(result), notes))
    return out


def _excluded_lines(cp: CaseProblem) -> list[str]:
    name = dict(zip(cp.ids, cp.names, strict=True))
    return [f"{name[o]}: {excluded_words(w)}" for o, w in cp.excluded.items()]


def portfolio_table(result: PortfolioResult, width: int | None = None) -> str:
    w = width or UNFITTED
    out = [x for line in _headline(result) for x in (wrap(line, w, "", "    ") if line else [""])]
    for title, (header, rows), notes in _sections(result):
        out += [
            "",
            *wrap(title, w),
            text_table(header, rows, width, short=(1,) if header[0] == "#" else (0,)),
        ]
        out += [x for line in notes for x in wrap(line, w, "", "  ")]
    excluded = _excluded_lines(result.problem)
    if excluded:
        out += ["", "Never funded:", *(x for line in excluded for x in wrap(line, w, "  ", "    "))]
    return "\n".join(out)


def portfolio_markdown(result: PortfolioResult) -> str:
    head = _headline(result)
    out = [f"## {md(head[0])}", "", *(f"{md(x)}  " if x else "" for x in head[1:])]
    for title, (header, rows), notes in _sections(result):
        md_rows = [
            [md(c, False) if isinstance(c, str) and not isinstance(c, Figure) else c for c in r] for r in rows
        ]
        out += ["", f"### {md(title)}", "", markdown_table([md(h, False) for h in header], md_rows)]
        out += ["", *(f"- {md(n)}" for n in notes)] if notes else []
    excluded = _excluded_lines(result.problem)
    if excluded:
        out += ["", "**Never funded**", "", *(f"- {md(x)}" for x in excluded)]
    return "\n".join(out)


def render_portfolio(result: PortfolioResult, fmt: str, file: str, width: int | None = None) -> str:
    if fmt == "json":
        return to_json(portfolio_data(result, file))
    if fmt == "markdown":
        return portfolio_markdown(result)
    return portfolio_table(result, width)
