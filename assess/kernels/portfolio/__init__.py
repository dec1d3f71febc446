"""Portfolio kernels: which options to fund within budgets and rules (pure NumPy + HiGHS).

Ranking is not selection: with a budget, three modest options can beat the single
best one. These kernels take benefits, costs, budgets and rules as arrays
(`PortfolioProblem`) and return index-based results; the case level maps ids.

HiGHS (`highspy`, MIT, the LP/MIP solver SciPy itself ships) solves the 0-1
programs of `optimal` and `frontier`: about 8 MB installed against about 114 MB
for SciPy, imported only by the functions that solve.
"""

from __future__ import annotations

from assess.kernels.portfolio.optimal import Solution, optimal
from assess.kernels.portfolio.problem import PortfolioInfeasible, PortfolioProblem, all_portfolios

__all__ = ["PortfolioInfeasible", "PortfolioProblem", "Solution", "all_portfolios", "optimal"]
