"""Surrogate weights from a ranking of the criteria.

The ranking is a list of groups, most important first; a group of several
criteria is a tie. With n criteria and position k = 1..n (1 = most important):

- rank-order centroid, ROC (Barron & Barrett 1996, "Decision quality using
  ranked attribute weights", Management Science 42(11):1515-1523):
      w_k = (1/n) * sum_{i=k}^{n} 1/i
  the centroid of the simplex of weights ordered w_1 >= ... >= w_n. It is the
  weighting used by SMARTER (Edwards & Barron 1994, OBHDP 60:306-325), which
  replaces the swing points of SMARTS by the ranking of the swings.
- rank sum, RS (Stillwell, Seaver & Edwards 1981, OBHP 28:62-77):
      w_k = (n + 1 - k) / sum_{j=1}^{n} (n + 1 - j) = 2(n + 1 - k) / (n(n + 1))
- rank reciprocal, RR (same source):
      w_k = (1/k) / sum_{j=1}^{n} 1/j

Ties: a group occupying positions p..q shares equally the mean of the
position weights w_p..w_q, so the weights still sum to 1.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from assess.kernels.weighting.errors import WeightingError, as_id


def roc_position_weights(n: int) -> list[float]:
    """ROC weights of positions 1..n: w_k = (1/n) sum_{i=k}^{n} 1/i."""
    return [math.fsum(1.0 / i for i in range(k, n + 1)) / n for k in range(1, n + 1)]


def rank_sum_position_weights(n: int) -> list[float]:
    """Rank-sum weights of positions 1..n: w_k = 2(n + 1 - k) / (n(n + 1))."""
    return [2.0 * (n + 1 - k) / (n * (n + 1)) for k in range(1, n + 1)]


def rank_reciprocal_position_weights(n: int) -> list[float]:
    """Rank-reciprocal weights of positions 1..n: w_k = (1/k) / sum_j 1/j."""
    harmonic = math.fsum(1.0 / j for j in range(1, n + 1))
    return [1.0 / (k * harmonic) for k in range(1, n + 1)]


POSITION_WEIGHTS: dict[str, Callable[[int], list[float]]] = {
    "roc": roc_position_weights,
    "rank_sum": rank_sum_position_weights,
    "rank_reciprocal": rank_reciprocal_position_weights,
}
"""Rank-weighting methods by name: each maps n to the weights of positions 1..n."""


def parse_ranking(ranking: object) -> list[list[str]]:
    """Checked ranking groups, most important first.

    A group is a list of ids (several = tied) or a bare id meaning a group of
    one. Raises `WeightingError` for an empty ranking or group, a non-text id,
    or a criterion ranked twice.
    """
    what = "Ranking"
    if isinstance(ranking, str | bytes) or not isinstance(ranking, Sequence) or not ranking:
        raise WeightingError(
            f"{what}: expected a list of groups, most important first, like [[c1], [c2, c3]], got {ranking!r}"
        )
    groups: list[list[str]] = []
    seen: dict[str, int] = {}
    for number, group in enumerate(ranking, start=1):
        members = [group] if isinstance(group, str) else group
        if not isinstance(members, Sequence) or not members:
            raise WeightingError(f"{what}: group {number} is empty or not a list: {group!r}")
        ids = [as_id(member, f"{what}, group {number}") for member in members]
        for cid in ids:
            if cid in seen:
                where = "twice in" if seen[cid] == number else f"in group {seen[cid]} and in"
                raise WeightingError(
                    f"{what}: '{cid}' is ranked {where} group {number}; each criterion appears once"
                )
            seen[cid] = number
        groups.append(ids)
    return groups


def rank_weights(ranking: object, method: str = "roc") -> dict[str, float]:
    """{id: weight} from a ranking by `method` ("roc", "rank_sum", "rank_reciprocal").

    Tied criteria share the mean weight of the positions they occupy.
    """
    if method not in POSITION_WEIGHTS:
        known = ", ".join(POSITION_WEIGHTS)
        raise WeightingError(f"Unknown rank-weighting method {method!r}; use one of {known}")
    groups = parse_ranking(ranking)
    position = POSITION_WEIGHTS[method](sum(len(group) for group in groups))
    weights: dict[str, float] = {}
    start = 0
    for group in groups:
        share = math.fsum(position[start : start + len(group)]) / len(group)
        weights.update(dict.fromkeys(group, share))
        start += len(group)
    return weights


def smarter_weights(ranking: object) -> dict[str, float]:
    """SMARTER weights (Edwards & Barron 1994): ROC weights from the ranking of swings.

    Same result as `rank_weights(ranking, "roc")`; the name records that the
    ranking was elicited as a ranking of worst-to-best swings.
    """
    return rank_weights(ranking, "roc")
