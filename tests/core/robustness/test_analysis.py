"""`assess.core.robustness.analysis`: the kernels' results keyed by id, on the bundled case
and on small in-memory cases (vetoes, AHP diagnostics, assessors' ranges)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from assess.core.robustness.analysis import DEFAULT_WEIGHT_SPREAD, analyse, weight_ranges
from assess.core.scoring import score_wsm
from assess.core.view import View, resolve
from assess.files.casefile import load_case
from assess.model import Case
from assess.render.robustness_json import robustness_data as to_data
from tests.conftest import DEFAULT_CASE, small_case_data

SAMPLES = 600


@pytest.fixture(scope="module")
def views() -> dict[str | None, View]:
    loaded = load_case(DEFAULT_CASE)
    return {s: resolve(loaded.case, loaded.catalogue_model, s) for s in (None, "2025")}


def _view(data: dict) -> View:
    return resolve(Case.model_validate(data), None)


@pytest.mark.parametrize("scenario", [None, "2025"])
def test_keyed_by_id_and_consistent_with_the_ranking(views, scenario) -> None:
    view = views[scenario]
    r = analyse(view, samples=SAMPLES)
    ranked = [x for x in score_wsm(view).ranking if not x.excluded]
    assert list(r.options) == [x.option for x in ranked]
    assert r.first == ranked[0].option
    assert set(r.excluded) == {x.option for x in score_wsm(view).ranking if x.excluded}
    assert [s.criterion for s in r.stability] == [c.id for c in view.criteria]
    assert set(r.tornado) == set(r.options)
    assert r.acceptability is not None and set(r.acceptability.ranks) == set(r.options)
    for s in r.stability:
        assert s.first_lo <= s.weight <= s.first_hi
        assert s.first_lo <= s.ranking_lo <= s.weight <= s.ranking_hi <= s.first_hi
        for taker in (s.first_taker_lo, s.first_taker_hi):
            assert taker is None or taker in r.options


def test_vetoed_options_are_left_out(views) -> None:
    r = analyse(views["2025"], samples=SAMPLES)
    assert "smart_cities" in r.excluded and "smart_cities" not in r.options
    assert all(len(row) == len(r.options) for row in r.acceptability.ranks.values())


def test_acceptability_rows_sum_to_one_and_are_reproducible(views) -> None:
    a = analyse(views[None], samples=SAMPLES, seed=7)
    b = analyse(views[None], samples=SAMPLES, seed=7)
    c = analyse(views[None], samples=SAMPLES, seed=8)
    for row in a.acceptability.ranks.values():
        assert sum(row) == pytest.approx(1.0)
    assert to_data(a) == to_data(b)
    assert a.acceptability.ranks != c.acceptability.ranks
    assert (a.samples, a.seed, a.acceptability.samples) == (SAMPLES, 7, SAMPLES)


def test_smallest_change_really_changes_the_first_place(views) -> None:
    view = views[None]
    r = analyse(view, samples=0)
    change = r.smallest_change
    assert change is not None and r.acceptability is None
    j = [c.id for c in view.criteria].index(change.criterion)
    w = view.shares.copy()
    beyond = change.weight_to + (1e-6 if change.direction == "up" else -1e-6)
    moved = w * (1 - beyond) / (1 - w[j])
    moved[j] = beyond
    totals = view.values @ moved
    assert view.options[int(np.argmax(totals))].id == change.new_first
    nearest = min(
        min(
            abs(s.first_lo - s.weight) if s.first_taker_lo else 9,
            abs(s.first_hi - s.weight) if s.first_taker_hi else 9,
        )
        for s in r.stability
    )
    assert change.change == pytest.approx(nearest)


def test_tornado_score_bars_follow_the_value_functions(views) -> None:
    view = views[None]
    r = analyse(view, samples=0)
    t = r.tornado["megascience"]
    i = [o.id for o in view.options].index("megascience")
    assert t.total == pytest.approx(float(view.values[i] @ view.shares))
    assert [b.swing for b in t.bars] == sorted((b.swing for b in t.bars), reverse=True)
    for b in t.bars:
        if b.source == "score":
            assert b.total_low <= t.total <= b.total_high
            cell = view.cell("megascience", b.criterion)
            assert {b.input_low, b.input_high} == set(cell.range)


def test_default_weight_ranges_are_half_each_weight(views) -> None:
    view = views[None]
    ranges = weight_ranges(view)
    assert ranges.source == "relative" and ranges.spread == DEFAULT_WEIGHT_SPREAD
    for c, w in zip(view.criteria, view.shares, strict=True):
        assert ranges.ranges[c.id] == pytest.approx((w * 0.5, w * 1.5))
    assert weight_ranges(view, 0.2).ranges[view.criteria[0].id] == pytest.approx(
        (view.shares[0] * 0.8, view.shares[0] * 1.2)
    )


def test_assessors_weights_give_the_ranges() -> None:
    data = small_case_data()
    data["assessors"] = {
        "ann": {
            "name": "Ann",
            "weights": {"method": "direct", "points": {"gain": 60, "reach": 20, "risk": 20}},
        },
        "bob": {
            "name": "Bob",
            "weights": {"method": "direct", "points": {"gain": 20, "reach": 60, "risk": 20}},
        },
    }
    ranges = weight_ranges(_view(data))
    assert ranges.source == "assessors"
    assert ranges.ranges["gain"] == pytest.approx((0.2, 0.6))
    assert ranges.ranges["reach"] == pytest.approx((0.2, 0.6))


def test_ahp_consistency_is_reported() -> None:
    data = small_case_data()
    data["weights"] = {
        "method": "ahp",
        "pairwise": [
            {"a": "gain", "b": "reach", "ratio": 5},
            {"a": "reach", "b": "risk", "ratio": 5},
            {"a": "risk", "b": "gain", "ratio": 5},
        ],
    }
    w = analyse(_view(data), samples=0).weighting
    assert w.method == "ahp" and w.consistency_ratio > 0.1 and w.cr_threshold == 0.1
    assert w.warnings and "inconsistent" in w.warnings[0]


def test_json_is_plain_and_has_no_nan(views) -> None:
    data = to_data(analyse(views["2025"], samples=SAMPLES))
    text = json.dumps(data, allow_nan=False)
    assert json.loads(text) == data
    assert data["acceptability"]["central_weights"]["megascience"] is not None


def test_stop_and_bad_input(views) -> None:
    calls: list[tuple[int, int]] = []
    r = analyse(
        views[None],
        samples=5_000,
        progress=lambda d, t: calls.append((d, t)),
        should_stop=lambda: len(calls) >= 2,
    )
    assert r.acceptability.stopped and r.acceptability.samples < 5_000
    with pytest.raises(ValueError, match="spread"):
        analyse(views[None], samples=10, spread=1.5)
    data = small_case_data()
    for row in data["scores"].values():
        row["risk"] = {"value": 5}
    with pytest.raises(ValueError, match="veto"):
        analyse(_view(data), samples=10)
