"""The consistency of AHP judgements while they are being given: some pairs judged, not all.

A planner judges pairs one at a time (the weights screen) and should see the
consistency ratio before the last pair is in. For an incomplete set of
judgements, Harker's method (Harker 1987, "Incomplete pairwise comparisons in
the analytic hierarchy process", Mathematical Modelling 9(11):837-848) sets
each missing entry to 0 and each diagonal entry to 1 + the number of missing
entries in its row; the weights are the Perron vector of that matrix C, and
for judgements that are consistent (a_ij = w_i / w_j for every judged pair)
C w = n w, so lambda_max = n as for a complete matrix. Hence

    CI = (lambda_max(C) - n) / (n - 1),    CR = CI / RI(pattern).

RI for an incomplete matrix is not Saaty's: with fewer judgements random
answers are less inconsistent. Forman (1990, "Random indices for incomplete
pairwise comparison matrices", EJOR 48(1):153-155) tabulated it by the number
of missing judgements, from random matrices; here it is computed the same way
for the very pairs judged: the mean CI of `RI_SAMPLES` random sets of answers
to those pairs, each uniform over the 17 values of Saaty's scale, by Harker's
method, with a fixed seed (the same pairs always give the same RI). With every
pair judged this is the random index of complete matrices; the tests check it
against Alonso & Lamata's (2006) simulation of 100,000 matrices.

Defined only when the judged pairs link every criterion (else Harker's
weights are not determined: say which criteria are apart) and close a cycle:
n - 1 judgements in a tree are always consistent (CI = RI = 0), and there is
nothing to check yet.

The judgement most out of line is found as for a complete matrix
(`ahp.most_inconsistent`: the largest |ln(a_ij w_j / w_i)|), with the ratio
the other judgements imply for it (Harker's weights with that pair left out
too) when leaving it out keeps the criteria linked.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from assess.kernels.weighting.ahp import (
    CR_THRESHOLD,
    SAATY_SCALE,
    InconsistentJudgement,
    _nearest_scale,
    implied_without,
    most_inconsistent,
    perron,
)
from assess.kernels.weighting.ahp_matrix import PairwiseRatio, _criteria_order, parse_judgements
from assess.kernels.weighting.errors import WeightingError

RI_SAMPLES = 1000
"""Random answer sets per pattern of judged pairs (standard error of RI under 0.01)."""
RI_SEED = 20_260_101


@dataclass(frozen=True, slots=True)
class PartialConsistency:
    """How consistent the judgements given so far are."""

    criteria: tuple[str, ...]
    judged: int
    pairs: int
    """n (n - 1) / 2."""
    apart: tuple[tuple[str, ...], ...] = ()
    """When the judged pairs do not link every criterion: the groups they form."""
    lambda_max: float = math.nan
    ci: float = math.nan
    ri: float = math.nan
    cr: float = math.nan
    """nan until the judgements link every criterion and close a cycle."""
    threshold: float = CR_THRESHOLD
    weights: dict[str, float] | None = None
    """Harker's weights from the judgements so far (once they link every criterion)."""
    worst: InconsistentJudgement | None = None
    """The judgement most out of line, when CR is above the threshold."""

    @property
    def defined(self) -> bool:
        return not math.isnan(self.cr)


def harker_matrix(judgements: Sequence[PairwiseRatio], ids: Sequence[str]) -> np.ndarray:
    """Harker's matrix: judged entries and their reciprocals, 0 where a pair is
    missing, 1 + the number missing in its row on the diagonal."""
    index = {c: k for k, c in enumerate(ids)}
    n = len(ids)
    c = np.zeros((n, n))
    for j in judgements:
        a, b = index[j.a], index[j.b]
        c[a, b], c[b, a] = j.ratio, 1.0 / j.ratio
    missing = (c == 0).sum(axis=1) - 1  # the diagonal is 0 too, so far
    c[np.diag_indices(n)] = 1.0 + missing
    return c


def _groups(n: int, edges: Sequence[tuple[int, int]]) -> list[list[int]]:
    """The connected groups of criteria 0..n-1 under `edges`."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in edges:
        parent[root(a)] = root(b)
    out: dict[int, list[int]] = {}
    for i in range(n):
        out.setdefault(root(i), []).append(i)
    return list(out.values())


@functools.lru_cache(maxsize=256)
def random_index_of(n: int, pairs: frozenset[tuple[int, int]], samples: int = RI_SAMPLES) -> float:
    """The mean CI of random answers to `pairs` (criteria 0..n-1), by Harker's method."""
    if n < 3 or not pairs:
        return 0.0
    rng = np.random.default_rng(RI_SEED)
    scale = np.array(SAATY_SCALE)
    rows = np.array([a for a, _ in sorted(pairs)])
    cols = np.array([b for _, b in sorted(pairs)])
    values = scale[rng.integers(0, len(scale), size=(samples, len(pairs)))]
    c = np.zeros((samples, n, n))
    c[:, rows, cols] = values
    c[:, cols, rows] = 1.0 / values
    judged_in_row = np.bincount(np.concatenate([rows, cols]), minlength=n)
    c[:, np.arange(n), np.arange(n)] = n - judged_in_row  # 1 + missing = 1 + (n - 1 - judged)
    lam = np.linalg.eigvals(c).real.max(axis=1)
    return float(np.mean(np.maximum(0.0, (lam - n) / (n - 1))))


def partial_consistency(
    pairwise: object, criteria: Sequence[str], *, threshold: float = CR_THRESHOLD
) -> PartialConsistency:
    """CI, RI and CR of the judgements given so far (module docstring).
    Raises `WeightingError` on a bad judgement or a pair judged twice."""
    judgements = parse_judgements(pairwise)
    ids = tuple(_criteria_order(judgements, criteria))
    n, index = len(ids), {c: k for k, c in enumerate(ids)}
    edges: dict[frozenset[int], PairwiseRatio] = {}
    for j in judgements:
        key = frozenset((index[j.a], index[j.b]))
        if key in edges:
            raise WeightingError(f"AHP: '{j.a}' vs '{j.b}' is judged twice; keep one")
        edges[key] = j
    pairs = n * (n - 1) // 2
    ordered = [(min(k), max(k)) for k in edges]
    groups = _groups(n, ordered)
    if len(groups) > 1:
        apart = tuple(tuple(ids[i] for i in g) for g in groups)
        return PartialConsistency(ids, len(edges), pairs, apart, threshold=threshold)
    matrix = harker_matrix(judgements, ids)
    lambda_max, vector = perron(matrix)
    weights = dict(zip(ids, (float(x) for x in vector), strict=True))
    if len(edges) < n or n < 3:  # a tree (n - 1 pairs): nothing to check yet
        return PartialConsistency(
            ids, len(edges), pairs, lambda_max=lambda_max, weights=weights, threshold=threshold
        )
    ci = max(0.0, (lambda_max - n) / (n - 1))
    ri = random_index_of(n, frozenset(ordered))
    cr = ci / ri if ri > 0 else 0.0
    worst = None
    if cr > threshold:
        worst = _worst(judgements, weights, matrix, ids, ordered)
    return PartialConsistency(ids, len(edges), pairs, (), lambda_max, ci, ri, cr, threshold, weights, worst)


def _worst(
    judgements: list[PairwiseRatio],
    weights: dict[str, float],
    matrix: np.ndarray,
    ids: Sequence[str],
    edges: Sequence[tuple[int, int]],
) -> InconsistentJudgement:
    worst = most_inconsistent(judgements, weights)[0]  # no matrix: the others' view below
    a, b = ids.index(worst.a), ids.index(worst.b)
    if len(_groups(len(ids), [e for e in edges if set(e) != {a, b}])) > 1:
        return worst  # without it the others do not link every criterion: they imply nothing for it
    implied = implied_without(matrix, a, b)
    return replace(worst, implied=implied, suggestion=_nearest_scale(implied))
