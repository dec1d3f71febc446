"""Tornado bars against direct recomputation of the weighted sum."""

from __future__ import annotations

import numpy as np
import pytest

from assess.kernels.methods.wsm import wsm
from assess.kernels.robustness import tornado


def rescaled(w: np.ndarray, j: int, t: float) -> np.ndarray:
    w = w / w.sum()
    out = w * (1 - t) / (1 - w[j])
    out[j] = t
    return out


@pytest.fixture
def problem():
    rng = np.random.default_rng(7)
    v = rng.random((4, 3))
    w = np.array([0.5, 0.3, 0.2])
    low, high = np.clip(v - 0.2, 0, 1), np.clip(v + 0.1, 0, 1)
    high[:, 2], low[:, 2] = low[:, 2].copy(), high[:, 2].copy()  # a cost criterion: low > high
    return v, w, low, high


def test_score_bars_match_recomputation(problem):
    v, w, low, high = problem
    result = tornado(v, w, values_low=low, values_high=high)
    for opt in result:
        assert opt.base == pytest.approx(wsm(v, w)[opt.option])
        assert len(opt.bars) == 3
        for bar in opt.bars:
            a, j = opt.option, bar.criterion
            ends = []
            for cell in (min(low[a, j], high[a, j]), max(low[a, j], high[a, j])):
                x = v.copy()
                x[a, j] = cell
                ends.append(wsm(x, w)[a])
            assert bar.source == "score"
            assert (bar.total_low, bar.total_high) == pytest.approx(tuple(ends))
            assert bar.total_low <= bar.total_high
            assert bar.swing == pytest.approx(abs(ends[1] - ends[0]))


def test_weight_bars_match_recomputation(problem):
    v, w, _, _ = problem
    w_low, w_high = np.array([0.3, 0.2, 0.1]), np.array([0.7, 0.4, 0.25])
    result = tornado(v, w, weight_low=w_low, weight_high=w_high)
    for opt in result:
        for bar in opt.bars:
            j = bar.criterion
            assert bar.source == "weight"
            assert bar.total_low == pytest.approx((v @ rescaled(w, j, w_low[j]))[opt.option])
            assert bar.total_high == pytest.approx((v @ rescaled(w, j, w_high[j]))[opt.option])


def test_bars_sorted_by_swing_and_nan_skipped(problem):
    v, w, low, high = problem
    low[1, 0] = np.nan
    w_low, w_high = np.array([0.3, np.nan, 0.1]), np.array([0.7, 0.4, 0.25])
    result = tornado(v, w, values_low=low, values_high=high, weight_low=w_low, weight_high=w_high)
    for opt in result:
        swings = [bar.swing for bar in opt.bars]
        assert swings == sorted(swings, reverse=True)
        kinds = {(bar.source, bar.criterion) for bar in opt.bars}
        assert ("weight", 1) not in kinds
        assert (("score", 0) in kinds) == (opt.option != 1)


def test_no_ranges_no_bars_and_bad_input():
    v, w = np.eye(2), np.ones(2)
    assert all(opt.bars == () for opt in tornado(v, w))
    with pytest.raises(ValueError):
        tornado(v, w, values_low=v)
    with pytest.raises(ValueError):
        tornado(v, w, weight_low=np.array([0.2, 1.5]), weight_high=np.array([0.5, 0.5]))
