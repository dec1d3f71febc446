"""AHP pairwise-comparison weights (Saaty 1980, *The Analytic Hierarchy Process*).

A judgement (a, b, r) reads "a is r times as important as b", r on Saaty's
scale 1/9..9. The reciprocal matrix (built in `ahp_matrix`) has A[a, b] = r,
A[b, a] = 1/r, A[i, i] = 1 and needs all n(n-1)/2 pairs. The weights are its
principal (Perron) eigenvector, A w = lambda_max w with sum(w) = 1, and

    CI = (lambda_max - n) / (n - 1),    CR = CI / RI(n)   (CR := 0 for n <= 2).

RI(n), the mean CI of random reciprocal matrices:
  n = 1..10  Saaty (1980): 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49
  n = 11..15 Alonso & Lamata (2006), Int. J. Uncertainty, Fuzziness and
             Knowledge-Based Systems 14(4):445-459: 1.5141, 1.5365, 1.5551,
             1.5713, 1.5838
  n > 15 is refused. CR > 0.1 counts as inconsistent (Saaty 1980).

When inconsistent, the judgements are ranked by |ln(a_ij w_j / w_i)|, the log
of Saaty's error epsilon_ij = a_ij w_j / w_i (Saaty 2003, EJOR 145:85-91: the
judgement with the largest error is the first to revisit, and w_i / w_j is
the value consistent with the others).

The suggestion for a judgement is the ratio the *other* judgements imply,
free of the judgement's own pull on the weights: w_a / w_b from the matrix
with that pair left out, by Harker's method for incomplete comparisons
(Harker 1987, "Incomplete pairwise comparisons in the analytic hierarchy
process", Mathematical Modelling 9(11):837-848: the missing entries are 0 and
each diagonal entry is 1 + the number of missing entries in its row; the
weights are the Perron vector), then the nearest value of Saaty's scale. A
single reversed judgement among consistent ones is thus suggested back at
its consistent value, which the weights of all the judgements (pulled
towards the reversed one) do not give.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from assess.kernels.weighting.ahp_matrix import PairwiseRatio, build_matrix, parse_judgements
from assess.kernels.weighting.errors import WeightingError

SAATY_1980_RI = (0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49)
ALONSO_LAMATA_2006_RI = (1.5141, 1.5365, 1.5551, 1.5713, 1.5838)
MAX_CRITERIA = len(SAATY_1980_RI) + len(ALONSO_LAMATA_2006_RI)
CR_THRESHOLD = 0.1
SAATY_SCALE = tuple(1.0 / k for k in range(9, 1, -1)) + tuple(float(k) for k in range(1, 10))


@dataclass(frozen=True, slots=True)
class InconsistentJudgement:
    """A judgement as given, and the ratio the other judgements imply."""

    a: str
    b: str
    given: float
    consistent: float
    """w_a / w_b from the derived weights."""
    deviation: float
    """|ln(given * w_b / w_a)|; 0 when the judgement agrees with the weights."""
    nearest_scale: float
    """The value of Saaty's scale (1/9..9) closest to `consistent`."""
    implied: float = math.nan
    """w_a / w_b from the other judgements alone (Harker 1987; see the module docstring)."""
    suggestion: float = math.nan
    """The value of Saaty's scale closest to `implied`: what to put instead."""


@dataclass(frozen=True, slots=True)
class AhpResult:
    """Eigenvector weights and Saaty's consistency diagnostics."""

    weights: dict[str, float]
    criteria: tuple[str, ...]
    lambda_max: float
    ci: float
    ri: float
    cr: float
    ri_table: str
    threshold: float
    inconsistent: tuple[InconsistentJudgement, ...] = ()
    """The worst judgements, worst first; empty unless cr > threshold."""
    warning: str | None = None


def random_index(n: int) -> tuple[float, str]:
    """RI(n) and the name of the table it comes from; n > 15 is refused."""
    if 1 <= n <= len(SAATY_1980_RI):
        return SAATY_1980_RI[n - 1], "Saaty (1980)"
    if n <= MAX_CRITERIA:
        return ALONSO_LAMATA_2006_RI[n - len(SAATY_1980_RI) - 1], "Alonso & Lamata (2006)"
    raise WeightingError(
        f"AHP: {n} criteria compared; consistency can be checked for at most "
        f"{MAX_CRITERIA}. Group the criteria into a hierarchy of smaller sets"
    )


def perron(matrix: np.ndarray) -> tuple[float, np.ndarray]:
    """lambda_max and the principal eigenvector scaled to sum 1 (numpy.linalg.eig)."""
    values, vectors = np.linalg.eig(matrix)
    k = int(np.argmax(values.real))
    vector = np.abs(vectors[:, k].real)
    return float(values[k].real), vector / vector.sum()


def _nearest_scale(ratio: float) -> float:
    return min(SAATY_SCALE, key=lambda s: abs(math.log(s / ratio)))


def implied_without(matrix: np.ndarray, a: int, b: int) -> float:
    """w_a / w_b from the reciprocal matrix with the pair (a, b) left out (Harker 1987)."""
    c = np.array(matrix, dtype=float)
    c[a, b] = c[b, a] = 0.0
    c[a, a] += 1.0
    c[b, b] += 1.0
    _, w = perron(c)
    return float(w[a] / w[b])


def most_inconsistent(
    judgements: list[PairwiseRatio],
    weights: Mapping[str, float],
    matrix: np.ndarray | None = None,
    ids: Sequence[str] = (),
) -> list[InconsistentJudgement]:
    """Every judgement with its deviation from w_a / w_b, largest deviation first.

    With the reciprocal `matrix` (rows and columns in the order of `ids`) and
    n >= 3, each row also carries the suggestion from the other judgements.
    """
    pos = {c: k for k, c in enumerate(ids)}
    rows = []
    for j in judgements:
        consistent = weights[j.a] / weights[j.b]
        deviation = abs(math.log(j.ratio / consistent))
        implied = suggestion = math.nan
        if matrix is not None and len(ids) >= 3:
            implied = implied_without(matrix, pos[j.a], pos[j.b])
            suggestion = _nearest_scale(implied)
        rows.append(
            InconsistentJudgement(
                j.a, j.b, j.ratio, consistent, deviation, _nearest_scale(consistent), implied, suggestion
            )
        )
    return sorted(rows, key=lambda row: row.deviation, reverse=True)


def _relation(a: str, b: str, ratio: float, about: bool = False) -> str:
    """ "'a' 3 times as important as 'b'", flipped so the factor is >= 1."""
    if ratio < 1:
        a, b, ratio = b, a, 1 / ratio
    times = f"{ratio:.1f}" if about else f"{ratio:g}"
    approx = "about " if about else ""
    if times in ("1", "1.0"):
        return f"'{a}' and '{b}' {approx}equally important"
    return f"'{a}' {approx}{times} times as important as '{b}'"


def _suggested(w: InconsistentJudgement) -> str:
    if math.isnan(w.suggestion):
        return ""
    return f"; your other answers alone suggest {_relation(w.a, w.b, w.suggestion)}"


def _warning(cr: float, threshold: float, worst: Sequence[InconsistentJudgement]) -> str:
    items = "; ".join(
        f"({n}) you judged {_relation(w.a, w.b, w.given)}, but the weights from all the "
        f"answers make {_relation(w.a, w.b, w.consistent, about=True)} (nearest scale "
        f"value: {_relation(w.a, w.b, w.nearest_scale)})" + _suggested(w)
        for n, w in enumerate(worst, 1)
    )
    return (
        f"The pairwise comparisons are inconsistent: consistency ratio CR = {cr:.3f} is "
        f"above {threshold:g}, so the weights may not reflect what was meant. The judgements "
        f"most out of line: {items}. Revisit these comparisons first."
    )


def ahp_weights(
    pairwise: object,
    criteria: Sequence[str] | None = None,
    *,
    threshold: float = CR_THRESHOLD,
    top: int = 3,
) -> AhpResult:
    """Eigenvector weights, lambda_max, CI, CR and, if CR > threshold, the worst judgements.

    `criteria` fixes the order (and allows n = 1); by default ids are taken in
    order of first mention. Raises `WeightingError` on bad or missing judgements.
    """
    judgements = parse_judgements(pairwise)
    ids, matrix = build_matrix(judgements, criteria)
    n = len(ids)
    ri, table = random_index(n)
    lambda_max, vector = perron(matrix)
    weights = dict(zip(ids, (float(x) for x in vector), strict=True))
    ci = max(0.0, (lambda_max - n) / (n - 1)) if n > 1 else 0.0
    cr = ci / ri if ri > 0 else 0.0
    result = AhpResult(weights, ids, lambda_max, ci, ri, cr, table, threshold)
    if cr <= threshold:
        return result
    worst = tuple(most_inconsistent(judgements, weights, matrix, ids)[:top])
    return replace(result, inconsistent=worst, warning=_warning(cr, threshold, worst))
