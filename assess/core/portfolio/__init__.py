"""What the budget buys, by id: a view's portfolio problem and its analyses.

`build_problem(view, budget)` makes the problem (benefits over the reference,
costs, budgets, rules, and the options never funded with why);
`assess.core.portfolio.analyses` runs the kernels of
`assess.kernels.portfolio` on it and returns id-keyed data.
"""
