"""What the weights screen shows live under a view's statements, by id.

For the weights screen: the model's statements (criterion ids,
`assess.model.statements`) become the kernels' polytope over the view's
criteria by `assess.core.statements.view_polytope` (the one mapping), then

* `conflict_message`: None, or the smallest set of statements that cannot
  hold together, each as the planner wrote it;
* `possibly_best_ids`: the options first for some allowed weight vector:
  `assess.core.dominance.dominance_analysis`, the question `assess dominance`
  asks, with its defaults (scores at their values; `--ranges` is the CLI's
  option, `ranges=True` here), so the screen and the command agree;
* `first_acceptability`: SMAA-2 rank-1 acceptability (Lahdelma & Salminen
  2001, Operations Research 49(3):444-454) from the SMAA kernel
  (`assess.kernels.robustness.smaa.smaa`) with weights drawn uniformly from
  the polytope (`sampling.weight_sampler`): the share of weight vectors under
  which an option is first (ties shared at random). A small sample for the
  live view, with a fixed seed so the screen is the same each time: with k
  draws the standard error of a share p is sqrt(p (1 - p) / k), under 0.016
  at k = 1000 (more with hit-and-run, whose draws are correlated).

Both take the options no veto excludes (`assess.core.scoring.kept_mask`),
at their values (not their ranges).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from assess.core.statements import view_polytope
from assess.core.view import View
from assess.kernels.preferences import WeightPolytope

LIVE_SAMPLES = 1000
"""Weight vectors drawn for the live SMAA acceptabilities."""


def polytope(criteria: Sequence[str], statements: Sequence[Any]) -> WeightPolytope:
    """The weights (on `criteria`, in order) that `statements` allow
    (`usable_statements` says which of them take part); `core.statements`."""
    return view_polytope(criteria, statements).polytope


def usable_statements(criteria: Sequence[str], statements: Sequence[Any]) -> list[int]:
    """The indices of the statements that say something about the view's criteria."""
    return list(view_polytope(criteria, statements).source)


def statement_ids(statement: Mapping[str, Any]) -> list[str]:
    """The criterion ids a statement (as plain data) names."""
    if "order" in statement:
        return [c for e in statement["order"] for c in ([e] if isinstance(e, str) else e)]
    body = next(statement[k] for k in ("interval", "ratio", "exact") if k in statement)
    return [body["criterion"], *([body["to"]] if "to" in body else [])]


def conflict_message(criteria: Sequence[str], statements: Sequence[Any]) -> str | None:
    """None if the statements can all hold, else which of them conflict."""
    from assess.core.elicit_text import statement_text

    p = polytope(criteria, statements)
    if p.is_feasible:
        return None
    conflict = p.minimal_conflict()
    assert conflict is not None
    usable = usable_statements(criteria, statements)
    said = "; ".join(
        f"({usable[k] + 1}) {statement_text(statements[usable[k]])}" for k in conflict.statements
    )
    return f"these statements cannot all hold: {said}"


def possibly_best_ids(view: View, statements: Sequence[Any], *, ranges: bool = False) -> list[str]:
    """The options (no veto excludes) first for some weights the statements allow,
    as `assess dominance` finds them (`dominance_analysis`, same defaults);
    none when every option is vetoed."""
    from assess.core.dominance import dominance_analysis
    from assess.core.scoring import kept_mask

    if not kept_mask(view).any():
        return []
    vp = view_polytope(view.criterion_ids, statements)
    return list(dominance_analysis(view, ranges=ranges, polytope=vp).possibly_best)


def first_acceptability(
    view: View, statements: Sequence[Any], samples: int = LIVE_SAMPLES, seed: int = 0
) -> dict[str, float]:
    """Option id (no veto excludes it) -> its SMAA rank-1 acceptability under
    the statements (`smaa`, seeded: the same shares each time)."""
    from assess.core.scoring import kept_mask
    from assess.kernels.preferences import weight_sampler
    from assess.kernels.robustness.smaa import smaa

    kept = kept_mask(view)
    if not kept.any():
        return {}
    sampler = weight_sampler(polytope(view.criterion_ids, statements))
    result = smaa(view.values[kept], samples=samples, seed=seed, weight_sampler=sampler)
    ids = [o for o, k in zip(view.option_ids, kept, strict=True) if k]
    return {o: float(b) for o, b in zip(ids, result.acceptability[:, 0], strict=True)}
