"""Pure id-keyed operations on a case: views, scoring, edits, checks, teams, comparison, robustness.

Nothing here reads or writes files or imports Textual, Rich or `assess.render`:
`view` resolves a case into a `View` (criteria, options, weights, values),
`scoring` ranks it, `edit` returns changed cases, `validate` checks them,
`team` and `disagreement` combine and compare assessors, `compare/` and
`robustness/` analyse views by id on top of `assess.kernels`.
"""
