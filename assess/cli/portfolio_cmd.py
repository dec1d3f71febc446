"""`assess portfolio`: what the budget buys.

    assess portfolio CASE [--budget B | --budget money=8,people=12] [--scenario S]
        [--views all] [--robust none|order|statements] [--samples N --seed S]
        [--format table|json|markdown]

The exact optimal portfolio within every budget and rule, the value-for-money
order (what it funds, its shortfall, who crowds out whom), the cost-benefit
frontier; with `--robust` the non-dominated portfolios and each option's core
index (RPM) under no information on the weights, their rank order or the view's
weight statements (the vertices of the polytope they allow); with
`--samples` each option's probability of being funded (Monte Carlo over weights,
scores and costs); with `--views all` the optimum in every scenario and for every
assessor, and what all of them fund. Without `--budget` the case's (or the
scenario's) budget is used; named amounts replace the case's for those
resources; a case without any budget is refused. The JSON contract is in
`assess.render.text.portfolio` and the README.
"""

from __future__ import annotations

import argparse
import math
import sys
from typing import TYPE_CHECKING

from assess.cli.common import ProgressLine, add_case_argument, add_scenario_argument, emit, load_view

if TYPE_CHECKING:
    from assess.model import Case


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "portfolio",
        help="what the budget buys: the best set of options within budgets and rules",
        description="The best portfolio of options within the budget and the rules, the "
        "value-for-money order, the cost-benefit frontier and, if asked, how robust the "
        "funded set is.",
    )
    add_case_argument(p)
    add_scenario_argument(p)
    p.add_argument(
        "--budget",
        "-b",
        metavar="B",
        help="the budget: one amount (a case with one resource) or RESOURCE=AMOUNT,... "
        "(default: the case's budget)",
    )
    p.add_argument(
        "--views", choices=["all"], help="'all': the optimum in every scenario and for every assessor"
    )
    p.add_argument(
        "--robust",
        choices=["none", "order", "statements"],
        help="non-dominated portfolios and core indices with no information on the weights "
        "(none), their rank order (order) or the view's weight statements (statements)",
    )
    p.add_argument("--samples", type=int, default=0, metavar="N", help="Monte Carlo funding probabilities")
    p.add_argument("--seed", type=int, default=0, metavar="S", help="seed of --samples (default 0)")
    p.add_argument("--format", "-f", choices=["table", "json", "markdown"], default="table")
    p.set_defaults(run=run)


def _number(text: str, what: str) -> float:
    try:
        x = float(text)
    except ValueError:
        raise ValueError(f"--budget: {what} '{text}' is not a number") from None
    if not math.isfinite(x) or x < 0:
        raise ValueError(f"--budget: {what} must be a number >= 0, not '{text}'")
    return x


def parse_budget(text: str, case: Case) -> dict[str, float]:
    """'8' (a case with one resource) or 'money=8,people=12' -> resource -> amount."""
    from assess.errors import did_you_mean

    resources = list(case.resources)
    if "=" not in text:
        if len(resources) != 1:
            have = ", ".join(resources) or "none"
            raise ValueError(
                f"--budget {text}: name the resource of each amount, e.g. --budget "
                f"{resources[0] if resources else 'money'}={text} (the case's resources: {have})"
            )
        return {resources[0]: _number(text, "the amount")}
    out: dict[str, float] = {}
    for part in text.split(","):
        name, sep, amount = part.partition("=")
        name = name.strip()
        if not sep or not name:
            raise ValueError(f"--budget: '{part}' is not RESOURCE=AMOUNT")
        if name not in case.resources:
            hint = (
                did_you_mean(name, resources) or f" (the case's resources: {', '.join(resources) or 'none'})"
            )
            raise ValueError(f"--budget: unknown resource '{name}'{hint}")
        out[name] = _number(amount.strip(), f"the amount of {name}")
    return out


def run(args: argparse.Namespace) -> int:
    from assess.core.portfolio.analyses import analyse
    from assess.core.portfolio.problem import PortfolioRefused
    from assess.core.view import resolve
    from assess.errors import InputError, Problem
    from assess.kernels.portfolio import PortfolioInfeasible
    from assess.render.safe import terminal_width
    from assess.render.text.portfolio import render_portfolio

    if args.samples < 0:
        raise InputError([Problem(args.case, 0, 0, "--samples must be 0 or more")])
    loaded, view = load_view(args.case, args.scenario)
    try:
        budget = parse_budget(args.budget, loaded.case) if args.budget is not None else None
    except ValueError as err:
        raise InputError([Problem(args.case, 0, 0, str(err))]) from None
    case, catalogue = loaded.case, loaded.catalogue_model
    line = ProgressLine(sys.stderr) if args.samples and sys.stderr.isatty() else None
    try:
        result = analyse(
            view,
            budget,
            information=args.robust or "none",
            robust_too=args.robust is not None,
            samples=args.samples,
            seed=args.seed,
            progress=line,
            resolve_view=(lambda s, a: resolve(case, catalogue, s, a)) if args.views else None,
        )
    except PortfolioRefused as err:
        where = (
            loaded.doc.problem(err.path, err.message)
            if err.path is not None
            else Problem(args.case, 0, 0, err.message)
        )
        raise InputError([where]) from None
    except PortfolioInfeasible as err:
        raise InputError([Problem(args.case, 0, 0, f"no portfolio is possible: {err}")]) from None
    finally:
        if line is not None:
            line.clear()
    emit(render_portfolio(result, args.format, args.case, terminal_width()))
    return 0
