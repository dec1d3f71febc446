"""From pairwise judgements to Saaty's reciprocal matrix (input side of `ahp`).

A judgement (a, b, r) reads "a is r times as important as b", with r on
Saaty's (1980) scale 1/9..9 (text such as "1/3" is accepted, as YAML has no
fractions). The matrix has A[a, b] = r, A[b, a] = 1/r, A[i, i] = 1; every one
of the n(n-1)/2 pairs must be judged exactly once, in either direction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from assess.errors import did_you_mean
from assess.kernels.weighting.errors import WeightingError, as_id, as_number

_TOLERANCE = 1e-9
"""Relative slack on the 1/9 and 9 bounds, so 1/9 as a float passes."""


@dataclass(frozen=True, slots=True)
class PairwiseRatio:
    """One checked AHP judgement: 'a' is `ratio` times as important as 'b'
    (`assess.model.Judgement` is the same judgement as a case file says it)."""

    a: str
    b: str
    ratio: float


def parse_judgements(pairwise: object) -> list[PairwiseRatio]:
    """Judgements from dicts {a, b, ratio}, (a, b, ratio) triples or `PairwiseRatio`s."""
    if isinstance(pairwise, str | bytes | Mapping) or not isinstance(pairwise, Iterable):
        raise WeightingError(
            f"AHP: expected a list of judgements like [{{a: c1, b: c2, ratio: 3}}, ...], got {pairwise!r}"
        )
    return [_judgement(item, f"AHP judgement {n}") for n, item in enumerate(pairwise, 1)]


def _judgement(item: object, where: str) -> PairwiseRatio:
    if isinstance(item, PairwiseRatio):
        a, b, ratio = item.a, item.b, item.ratio
    elif isinstance(item, Mapping) and set(item) == {"a", "b", "ratio"}:
        a, b, ratio = item["a"], item["b"], item["ratio"]
    elif isinstance(item, Sequence) and not isinstance(item, str) and len(item) == 3:
        a, b, ratio = item
    else:
        raise WeightingError(f"{where}: expected {{a: ..., b: ..., ratio: ...}}, got {item!r}")
    a, b = as_id(a, where), as_id(b, where)
    if a == b:
        raise WeightingError(f"{where}: compares '{a}' with itself")
    value = as_number(ratio, f"{where} ('{a}' vs '{b}')")
    if not (1 / 9) * (1 - _TOLERANCE) <= value <= 9 * (1 + _TOLERANCE):
        raise WeightingError(
            f"{where}: '{a}' vs '{b}' has ratio {value:g}, outside Saaty's scale 1/9..9 "
            "(1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme; 1/3 etc. the reverse)"
        )
    return PairwiseRatio(a, b, value)


def _criteria_order(judgements: list[PairwiseRatio], criteria: Sequence[str] | None) -> list[str]:
    mentioned = list(dict.fromkeys(c for j in judgements for c in (j.a, j.b)))
    if criteria is None:
        if not mentioned:
            raise WeightingError("AHP: no pairwise judgements given")
        return mentioned
    if isinstance(criteria, str) or not isinstance(criteria, Sequence):
        raise WeightingError(f"AHP: criteria must be a list of ids, got {criteria!r}")
    ids = [as_id(c, "AHP criteria") for c in criteria]
    if not ids or len(set(ids)) != len(ids):
        raise WeightingError(f"AHP: criteria must be a non-empty list without repeats: {ids}")
    for cid in mentioned:
        if cid not in ids:
            raise WeightingError(f"AHP: judgement names unknown criterion '{cid}'{did_you_mean(cid, ids)}")
    return ids


def build_matrix(
    judgements: list[PairwiseRatio], criteria: Sequence[str] | None = None
) -> tuple[tuple[str, ...], np.ndarray]:
    """The criteria order and the reciprocal matrix; every pair exactly once."""
    ids = _criteria_order(judgements, criteria)
    index = {cid: i for i, cid in enumerate(ids)}
    matrix = np.ones((len(ids), len(ids)))
    given: dict[frozenset[str], int] = {}
    for number, j in enumerate(judgements, 1):
        pair = frozenset((j.a, j.b))
        if pair in given:
            raise WeightingError(
                f"AHP: '{j.a}' vs '{j.b}' is judged twice (judgements {given[pair]} and {number}); keep one"
            )
        given[pair] = number
        matrix[index[j.a], index[j.b]], matrix[index[j.b], index[j.a]] = j.ratio, 1 / j.ratio
    missing = [
        f"'{a}' vs '{b}'" for i, a in enumerate(ids) for b in ids[i + 1 :] if frozenset((a, b)) not in given
    ]
    if missing:
        n, shown = len(ids), ", ".join(missing[:10])
        more = f" and {len(missing) - 10} more" if len(missing) > 10 else ""
        raise WeightingError(
            f"AHP needs every pair compared: {n} criteria need "
            f"{n * (n - 1) // 2} judgements, {len(given)} given. "
            f"Missing: {shown}{more}"
        )
    return tuple(ids), matrix
