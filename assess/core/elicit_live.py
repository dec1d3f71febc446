"""What the weights screen shows live under a view's statements, by id.

For the weights screen: the model's statements (criterion ids,
`assess.model.statements`) become the kernels' polytope over the view's
criteria by `assess.core.statements.view_polytope` (the one mapping), then

* `conflict_message`: None, or the smallest set of statements that cannot
  hold together, each as the planner wrote it;
* `possibly_best_ids`: the options first for some allowed weight vector (one
  LP per option not already first at a known point; `dominance.possibly_best`);
* `first_acceptability`: SMAA-2 rank-1 acceptability (Lahdelma & Salminen
  2001, Operations Research 49(3):444-454): the share of weight vectors,
  drawn uniformly from the polytope (`sampling.weight_sampler`), under which
  an option is first. A small sample for the live view: with k draws the
  standard error of a share p is sqrt(p (1 - p) / k), under 0.016 at k = 1000
  (more with hit-and-run, whose draws are correlated).

Values are the options' values at their scores (not their ranges); options
excluded by a veto take no part.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

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


def _ranked(view: View, ranked: Sequence[str] | None) -> list[int]:
    if ranked is None:
        return list(range(len(view.options)))
    keep = set(ranked)
    return [i for i, o in enumerate(view.option_ids) if o in keep]


def possibly_best_ids(
    view: View, statements: Sequence[Any], ranked: Sequence[str] | None = None
) -> list[str]:
    """The options (among `ranked`, by default all) first for some allowed weights."""
    from assess.kernels.preferences import possibly_best

    rows = _ranked(view, ranked)
    p = polytope(view.criterion_ids, statements)
    best = possibly_best(view.values[rows], None, p)
    return [view.option_ids[rows[k]] for k in np.flatnonzero(best)]


def first_acceptability(
    view: View,
    statements: Sequence[Any],
    ranked: Sequence[str] | None = None,
    samples: int = LIVE_SAMPLES,
    seed: int = 0,
) -> dict[str, float]:
    """Option id -> its SMAA rank-1 acceptability under the statements."""
    from assess.kernels.preferences import weight_sampler

    rows = _ranked(view, ranked)
    p = polytope(view.criterion_ids, statements)
    w = weight_sampler(p)(np.random.default_rng(seed), samples)
    first = np.argmax(view.values[rows] @ w.T, axis=0)
    counts = np.bincount(first, minlength=len(rows)) / samples
    return {view.option_ids[r]: float(counts[k]) for k, r in enumerate(rows)}
