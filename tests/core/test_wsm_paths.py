"""`score_wsm` in plain Python and on NumPy arrays give the same result: the
same totals and contributions bit for bit, the same vetoes, ranks and ties,
on random cases; and `assess score` prints the same JSON by either path on
every bundled case (issue 11: the NumPy-free weighted sum is checked against
the NumPy kernel, not trusted)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assess.core import scoring
from assess.core.scoring import score_wsm
from assess.core.view import resolve
from assess.model import Case
from tests.conftest import DEFAULT_CASE, ROOT, SECURITY_CASE, run_cli, small_case_data

SCORE = st.sampled_from([0.0, 1.0, 2.5, 3.0, 5.0, 1 / 3])  # few values: ties are common


@st.composite
def cases(draw: st.DrawFn) -> Case:
    n, m = draw(st.integers(1, 6)), draw(st.integers(1, 10))
    local = []
    for j in range(m):
        cost = draw(st.booleans())
        c: dict = {"id": f"c{j}", "name": f"C{j}", "family": "constraint" if cost else "driver"}
        c["direction"] = "cost" if cost else "benefit"
        if draw(st.booleans()):
            c["scale"] = {"min": 0, "max": draw(st.sampled_from([5, 10, 7]))}
        if draw(st.integers(0, 3)) == 0:
            mode = draw(st.sampled_from(["value", "high"]))
            c["veto"] = {"threshold": 4 if cost else 1, "applies_to": mode}
        local.append(c)

    def cell() -> dict:
        v = draw(SCORE)
        out: dict = {"value": v}
        if draw(st.booleans()):
            out.update(low=v * 0.5, high=min(5.0, v + 1))
        return out

    points = draw(st.lists(st.integers(0, 9), min_size=m, max_size=m).filter(any))
    return Case.model_validate(
        {
            "title": "Random",
            "criteria": {"use": [c["id"] for c in local], "local": local},
            "options": [{"id": f"o{i}", "name": f"O{i}"} for i in range(n)],
            "weights": {"method": "direct", "points": {f"c{j}": p for j, p in enumerate(points)}},
            "scores": {f"o{i}": {c["id"]: cell() for c in local} for i in range(n)},
        }
    )


def bits(x: object) -> bytes:
    return np.asarray(x, dtype=float).tobytes()


@settings(max_examples=40)
@given(cases())
def test_plain_and_numpy_weighted_sums_are_the_same(case: Case) -> None:
    plain = score_wsm(resolve(case, None), plain=True)
    arrays = score_wsm(resolve(case, None), plain=False)
    assert bits(plain.totals) == bits(arrays.totals)
    assert bits(plain.parts) == bits(arrays.parts)
    assert plain.ranking == arrays.ranking  # ranks, ties, vetoes and their reasons
    view = plain.view
    assert bits(view.value_rows) == bits(view.values)
    assert bits(view.share_values) == bits(view.shares)


def test_a_view_past_the_size_limit_or_piecewise_runs_on_arrays(monkeypatch: pytest.MonkeyPatch) -> None:
    case = Case.model_validate(small_case_data())  # 3 x 3
    assert isinstance(score_wsm(resolve(case, None)).totals, list)
    monkeypatch.setattr(scoring, "PLAIN_CELLS", 8)
    assert isinstance(score_wsm(resolve(case, None)).totals, np.ndarray)


BUNDLED = [DEFAULT_CASE, SECURITY_CASE, ROOT / "cases" / "team_example" / "team.yaml"]


@pytest.mark.parametrize("case", BUNDLED, ids=lambda p: p.stem)
def test_score_prints_the_same_json_by_either_path(
    case: object, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, plain, _ = run_cli(capsys, "--no-cache", "score", case, "--format", "json")
    monkeypatch.setattr(scoring, "PLAIN_CELLS", 0)
    code2, arrays, _ = run_cli(capsys, "--no-cache", "score", case, "--format", "json")
    assert code == code2 == 0
    assert plain == arrays
    assert json.loads(plain)["ranking"]
