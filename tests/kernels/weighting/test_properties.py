"""Hypothesis properties of the weighting kernels.

- every method gives non-negative weights summing to 1;
- scaling all direct points by c > 0 changes nothing;
- a perfectly consistent AHP matrix (a_ij = w_i / w_j) gives CR ~ 0 and recovers w;
- on any reciprocal matrix the eigenvector agrees with an independent power
  iteration (run to 1e-13) to 1e-9, and lambda_max >= n (Saaty 1980).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assess.kernels.weighting import derive_weights
from assess.kernels.weighting.ahp import ahp_weights
from assess.kernels.weighting.direct import direct_weights, swing_weights
from assess.kernels.weighting.rank_order import POSITION_WEIGHTS, rank_weights

IDS = st.lists(st.text("abcdefgh", min_size=1, max_size=4), min_size=1, max_size=12, unique=True)
POINTS = st.one_of(st.just(0.0), st.floats(min_value=1e-6, max_value=1e6))


def assert_normalised(weights: dict[str, float]) -> None:
    assert all(w >= 0 for w in weights.values())
    assert math.fsum(weights.values()) == pytest.approx(1, abs=1e-12)


@given(IDS.flatmap(lambda ids: st.fixed_dictionaries({i: POINTS for i in ids})))
def test_direct_normalised_and_scale_free(points: dict[str, float]) -> None:
    if not any(points.values()):
        return
    weights = direct_weights(points)
    assert_normalised(weights)
    for c in (1e-3, 7.0, 1e3):
        assert direct_weights({k: v * c for k, v in points.items()}) == pytest.approx(
            weights, rel=1e-12, abs=1e-15
        )


@given(IDS.flatmap(lambda ids: st.fixed_dictionaries({i: st.floats(0, 100) for i in ids})))
def test_swing_normalised_and_top_reported(swings: dict[str, float]) -> None:
    swings = {**swings, "top": 100.0}
    result = swing_weights(swings)
    assert_normalised(result.weights)
    assert "top" in result.top and result.warnings == ()


@st.composite
def rankings(draw: st.DrawFn) -> list[list[str]]:
    ids = draw(IDS)
    if len(ids) == 1:
        return [ids]
    cuts = sorted(draw(st.sets(st.integers(1, len(ids) - 1))))
    bounds = [0, *cuts, len(ids)]
    return [ids[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


@given(rankings(), st.sampled_from(sorted(POSITION_WEIGHTS)))
def test_rank_weights_normalised_tied_and_decreasing(ranking, method) -> None:
    weights = rank_weights(ranking, method)
    assert_normalised(weights)
    per_group = [weights[group[0]] for group in ranking]
    assert all(weights[c] == weights[group[0]] for group in ranking for c in group)
    assert all(a > b for a, b in zip(per_group, per_group[1:], strict=False))


@settings(deadline=None)
@given(st.lists(st.floats(min_value=1, max_value=9), min_size=1, max_size=15))
def test_consistent_matrix_recovers_weights(w: list[float]) -> None:
    ids = [f"c{i}" for i in range(len(w))]
    pairwise = [
        {"a": ids[i], "b": ids[j], "ratio": w[i] / w[j]} for i in range(len(w)) for j in range(i + 1, len(w))
    ]
    result = derive_weights("ahp", {"pairwise": pairwise, "criteria": ids})
    assert_normalised(result.weights)
    total = math.fsum(w)
    assert list(result.weights.values()) == pytest.approx([x / total for x in w], abs=1e-9)
    assert result.diagnostics.cr == pytest.approx(0, abs=1e-9)  # type: ignore[union-attr]
    assert result.warnings == ()


def power_iteration(matrix: np.ndarray) -> tuple[float, np.ndarray]:
    w = np.full(len(matrix), 1 / len(matrix))
    for _ in range(10_000):
        nxt = matrix @ w
        nxt /= nxt.sum()
        if np.max(np.abs(nxt - w)) < 1e-13:
            break
        w = nxt
    return float(np.mean(matrix @ nxt / nxt)), nxt


@settings(deadline=None)
@given(
    st.integers(min_value=2, max_value=12).flatmap(
        lambda n: st.lists(
            st.floats(min_value=-math.log(9), max_value=math.log(9)),
            min_size=n * (n - 1) // 2,
            max_size=n * (n - 1) // 2,
        )
    )
)
def test_any_reciprocal_matrix_matches_power_iteration(logs: list[float]) -> None:
    n = round((1 + math.sqrt(1 + 8 * len(logs))) / 2)
    matrix, pairwise, k = np.ones((n, n)), [], 0
    for i in range(n):
        for j in range(i + 1, n):
            matrix[i, j], matrix[j, i] = math.exp(logs[k]), math.exp(-logs[k])
            pairwise.append((f"c{i}", f"c{j}", matrix[i, j]))
            k += 1
    result = ahp_weights(pairwise, criteria=[f"c{i}" for i in range(n)])
    lam, w = power_iteration(matrix)
    assert_normalised(result.weights)
    assert list(result.weights.values()) == pytest.approx(list(w), abs=1e-9)
    assert result.lambda_max == pytest.approx(lam, abs=1e-9)
    assert result.lambda_max >= n - 1e-9
    assert result.cr >= 0
    assert (result.warning is None) == (result.cr <= 0.1)
