"""Which options beat which for every weighting the view's statements allow.

`dominance_analysis(view, ranges=False)` runs the LP kernels of
`assess.kernels.preferences.dominance` on the weighted sum of the options no
veto excludes, over the polytope P of the view's weight statements
(`assess.core.statements`; no statements: P is the whole simplex):

* a dominates b when V_a(w) >= V_b(w) for every w in P and V_a > V_b for
  some (PRIME, Salo & Hamalainen 2001, IEEE Trans. SMC-A 31(6):533-545);
  `hasse` keeps only the covering pairs (a over b with no c between);
* a is possibly best when some w in P puts it first, necessarily best when
  every w in P does (ties count as first);
* with `ranges`, every score varies over its low..high range as well (each
  value independently, mapped through its criterion's value function): a
  dominates b only if a's worst case beats b's best for every w.

V_a(w) = sum_j w_j x_aj with x the values (0..1, 1 best), as the weighted sum
ranks them. Results are keyed by option id.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from assess.core.scoring import kept_mask
from assess.core.statements import ViewPolytope, describe, spec_polytope
from assess.core.view import View


@dataclass(frozen=True, eq=False)
class Dominance:
    """The dominance relation and the best options of a view, by option id."""

    options: tuple[str, ...]
    """The options analysed (no veto excludes them), in the view's order."""
    excluded: tuple[str, ...]
    """Options a veto excludes (not analysed)."""
    dominates: dict[str, tuple[str, ...]]
    """a -> the options a dominates."""
    covers: dict[str, tuple[str, ...]]
    """a -> the options a dominates directly (the Hasse diagram's edges)."""
    possibly_best: tuple[str, ...]
    necessarily_best: tuple[str, ...]
    ranges: bool
    """Score ranges were taken into account."""
    polytope: ViewPolytope
    statements: tuple[str, ...]
    """The statements that bound the weights, in words (empty: the whole simplex)."""
    weight_bounds: dict[str, tuple[float, float]]
    """Each criterion's least and greatest share over P."""

    @property
    def simplex(self) -> bool:
        """No statement narrows the weights: every weighting counts."""
        return self.polytope.is_simplex


def dominance_analysis(
    view: View, *, ranges: bool = False, polytope: ViewPolytope | None = None
) -> Dominance:
    """Dominance, possibly and necessarily best options of `view` (module docstring).

    `polytope` defaults to that of the view's statements; raises
    `InfeasibleStatements` (a ValueError) when they admit no weights, and
    ValueError when every option is vetoed."""
    from assess.core.robustness.tornado import value_ends
    from assess.kernels.preferences import dominance, hasse, necessarily_best, possibly_best

    vp = polytope if polytope is not None else spec_polytope(view.weight_spec, view.criterion_ids)
    kept = kept_mask(view)
    if not kept.any():
        raise ValueError("every option is excluded by a veto: there is nothing to compare")
    ids = tuple(o for o, k in zip(view.option_ids, kept, strict=True) if k)
    if ranges:
        low, high = value_ends(view, kept)
    else:
        low = high = view.values[kept]
    p = vp.polytope
    relation = dominance(low, high, p)
    cover = hasse(relation)
    names = {c.id: c.name for c in view.criteria}
    bounds = p.bounds()
    return Dominance(
        options=ids,
        excluded=tuple(o for o, k in zip(view.option_ids, kept, strict=True) if not k),
        dominates=_by_id(ids, relation),
        covers=_by_id(ids, cover),
        possibly_best=_picked(ids, possibly_best(low, high, p)),
        necessarily_best=_picked(ids, necessarily_best(low, high, p)),
        ranges=ranges,
        polytope=vp,
        statements=tuple(describe(vp.statements[s], names) for s in vp.source),
        weight_bounds={
            c: (float(lo), float(hi)) for c, (lo, hi) in zip(vp.criterion_ids, bounds, strict=True)
        },
    )


def _by_id(ids: tuple[str, ...], relation: np.ndarray) -> dict[str, tuple[str, ...]]:
    return {a: tuple(ids[b] for b in np.flatnonzero(row)) for a, row in zip(ids, relation, strict=True)}


def _picked(ids: tuple[str, ...], mask: np.ndarray) -> tuple[str, ...]:
    return tuple(o for o, k in zip(ids, mask, strict=True) if k)
