"""The reference option in a ranking: the line to beat, and who is worse than doing nothing."""

from __future__ import annotations

import json

from assess.core.reference import reference_line
from assess.core.scoring import score_method, score_wsm
from assess.core.view import resolve
from assess.model import Case
from tests.conftest import DEFAULT_CASE, run_cli, small_case_data


def _case(reference: str | None) -> Case:
    data = small_case_data()
    data["options"].append({"id": "none", "name": "Nothing"})
    data["scores"]["none"] = {"gain": {"value": 4.5}, "reach": {"value": 5}, "risk": {"value": 1}}
    if reference:
        data["reference"] = reference
    return Case.model_validate(data)


def test_options_below_the_reference_are_worse_than_doing_nothing() -> None:
    result = score_wsm(resolve(_case("none"), None))
    line = reference_line(result)
    assert line is not None and line.option == "none"
    scores = {r.option: r.score for r in result.ranking}
    assert set(line.worse) == {o for o in ("a", "b") if scores[o] < scores["none"]}
    assert "c" not in line.worse  # a veto excludes c: it is not ranked at all
    assert line.worse  # the case is built so that one option is below the reference


def test_lower_is_better_methods_compare_the_other_way() -> None:
    result = score_method(resolve(_case("none"), None), "vikor")
    line = reference_line(result)
    assert line is not None
    scores = {r.option: r.score for r in result.ranking}
    assert all(scores[o] > scores["none"] for o in line.worse)


def test_no_reference_no_line() -> None:
    assert reference_line(score_wsm(resolve(_case(None), None))) is None


def test_json_adds_the_reference_and_a_mark_on_each_row(capsys) -> None:
    code, out, _ = run_cli(capsys, "score", DEFAULT_CASE, "--scenario", "2025", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["reference"] == "no_new_cooperation"
    rows = {r["option"]: r for r in data["ranking"]}
    ref = rows["no_new_cooperation"]["score"]
    for r in data["ranking"]:
        expected = not r["excluded"] and r["option"] != "no_new_cooperation" and r["score"] < ref
        assert r["worse_than_reference"] is expected
    assert any(r["worse_than_reference"] for r in data["ranking"])


def test_table_and_markdown_show_the_line_to_beat(capsys, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    _, out, _ = run_cli(capsys, "score", DEFAULT_CASE, "--scenario", "2025")
    assert "Reference (the line to beat): No new cooperation" in out
    assert "(worse than doing nothing)" in out
    _, out, _ = run_cli(capsys, "score", DEFAULT_CASE, "--scenario", "2025", "--format", "markdown")
    assert "worse than doing nothing" in out
