"""Why an option's weighted-sum total changed between two views: an exact
split into a weight effect and a score effect (see `assess.core.compare.views`).

For one option and two views A → B, over the union J of both views' criteria:

    T_A = Σ_j w_Aj · v_Aj        T_B = Σ_j w_Bj · v_Bj

with w the normalised weights (`View.shares`) and v the values in [0, 1].
The symmetric (Shapley / midpoint) decomposition of the bilinear total is

    ΔT = Σ_j Δw_j · (v_Aj + v_Bj)/2   +   Σ_j (w_Aj + w_Bj)/2 · Δv_j
         └──────── weight effect ─────┘   └──────── score effect ──────┘

which is exact: Δw·v̄ + w̄·Δv = Σ_j (w_Bj v_Bj − w_Aj v_Aj) term by term.
A criterion present in one view only has weight 0 in the other, and its
missing value is taken equal to the present one (Δv_j = 0), so its whole
contribution w_j · v_j counts as a weight effect. The split is by term of the
sum, so each criterion's own weight and score effects are reported too.

Scores are compared as values, so a changed scale, direction or value
function of a criterion shows as a score effect. Vetoes do not enter the
total: an excluded option still has a total and an effect.

Reference: the midpoint (Shapley–Siegel) two-factor decomposition used in
index-number and structural decomposition analysis; e.g. Dietzenbacher &
Los, "Structural decomposition techniques: sense and sensitivity",
Economic Systems Research 10(4), 1998.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from assess.core.view import View


@dataclass(frozen=True)
class CriterionEffect:
    """One criterion's share of an option's change between two views."""

    criterion: str
    weight_effect: float
    """Δw_j · (v_Aj + v_Bj)/2."""
    score_effect: float
    """(w_Aj + w_Bj)/2 · Δv_j."""

    @property
    def total(self) -> float:
        return self.weight_effect + self.score_effect


@dataclass(frozen=True)
class OptionEffect:
    """An option's change of total from view `before` to view `after`."""

    option: str
    name: str
    before: int
    """Index of view A in the comparison."""
    after: int
    """Index of view B (always `before + 1`)."""
    total_before: float
    total_after: float
    weight_effect: float
    score_effect: float
    criteria: tuple[CriterionEffect, ...]
    """Every criterion of either view, in the comparison's criterion order."""

    @property
    def change(self) -> float:
        return self.total_after - self.total_before

    def top(self, k: int = 3) -> tuple[CriterionEffect, ...]:
        """The `k` criteria that moved the total most, largest |effect| first."""
        moved = [c for c in self.criteria if abs(c.total) > 1e-12]
        return tuple(sorted(moved, key=lambda c: -abs(c.total))[:k])


def _weights_and_values(view: View, option: str) -> dict[str, tuple[float, float]]:
    """criterion id -> (normalised weight, value) of one option in a view."""
    row = view.option_index[option]
    shares, values = view.shares, view.values[row]
    return {c.id: (float(shares[j]), float(values[j])) for j, c in enumerate(view.criteria)}


def split_change(a: View, b: View, option: str, criteria: list[str]) -> list[CriterionEffect]:
    """The per-criterion weight and score effects of `option` from `a` to `b`,
    over `criteria` (which must hold every criterion of either view)."""
    wa, wb = _weights_and_values(a, option), _weights_and_values(b, option)
    out = []
    for cid in criteria:
        if cid not in wa and cid not in wb:
            continue
        w_a, v_a = wa.get(cid, (0.0, wb.get(cid, (0.0, 0.0))[1]))
        w_b, v_b = wb.get(cid, (0.0, v_a))
        weight_effect = (w_b - w_a) * (v_a + v_b) / 2
        out.append(CriterionEffect(cid, weight_effect, (w_a + w_b) / 2 * (v_b - v_a)))
    return out


def option_effect(
    a: View,
    b: View,
    pair: tuple[int, int],
    option: str,
    name: str,
    totals: tuple[float, float],
    criteria: list[str],
) -> OptionEffect:
    """An `OptionEffect`; sums are taken with `math.fsum` (correctly rounded)."""
    parts = split_change(a, b, option, criteria)
    weight = math.fsum(p.weight_effect for p in parts)
    score = math.fsum(p.score_effect for p in parts)
    return OptionEffect(option, name, pair[0], pair[1], totals[0], totals[1], weight, score, tuple(parts))
