"""Portfolio kernels: which options to fund within budgets and rules (pure NumPy + HiGHS).

Ranking is not selection: with a budget, three modest options can beat the single
best one. These kernels take benefits, costs, budgets and rules as arrays
(`PortfolioProblem`) and return index-based results; the case level maps ids.

* `optimal`: the exact optimum (0-1 program), deterministic among ties.
* `value_for_money`: funding down benefit per budget share; its shortfall and who
  crowds out whom.
* `frontier` / `best_benefit`: the best portfolio at every budget level.
* `robust_portfolios`: RPM non-dominated portfolios and core indices under
  incomplete weights and score ranges (Liesio, Mild & Salo 2007).
* `funding_probability`: Monte Carlo probability of each option being funded.
* `funded_in_all`: options every view's optimum funds.

HiGHS (`highspy`, MIT, the LP/MIP solver SciPy itself ships) solves the 0-1
programs of `optimal` and `frontier` and seeds the RPM bounds: about 8 MB
installed against about 114 MB for SciPy, imported only inside the functions that
solve. The RPM enumeration and the Monte Carlo branch and bound are our own NumPy
code: they solve many related problems at once, which a MIP per problem cannot do
fast enough.
"""

from __future__ import annotations

from assess.kernels.portfolio.frontier import FrontierPoint, best_benefit, frontier
from assess.kernels.portfolio.montecarlo import FundingResult, funding_probability
from assess.kernels.portfolio.optimal import Solution, optimal
from assess.kernels.portfolio.order import CrowdedOut, OrderResult, value_for_money
from assess.kernels.portfolio.problem import PortfolioInfeasible, PortfolioProblem, all_portfolios
from assess.kernels.portfolio.rpm import (
    RpmResult,
    no_information_vertices,
    rank_order_vertices,
    robust_portfolios,
)
from assess.kernels.portfolio.views import funded_in_all

__all__ = [
    "CrowdedOut",
    "FrontierPoint",
    "FundingResult",
    "OrderResult",
    "PortfolioInfeasible",
    "PortfolioProblem",
    "RpmResult",
    "Solution",
    "all_portfolios",
    "best_benefit",
    "frontier",
    "funded_in_all",
    "funding_probability",
    "no_information_vertices",
    "optimal",
    "rank_order_vertices",
    "robust_portfolios",
    "value_for_money",
]
