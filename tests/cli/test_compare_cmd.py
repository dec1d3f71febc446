"""`assess compare` on the bundled cases: the two case files, the two scenarios
of one case, a file with an extra option and criterion, the JSON contract,
exit codes.

The command runs through its own parser (`add_parser` + the CLI's error
handling), so these tests pass before it is listed in `assess.cli.COMMANDS`.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from assess.render.fmt import MACHINE_DECIMALS
from tests.conftest import DEFAULT_CASE, ROOT, SECURITY_CASE, run_cli

ROUNDING = 0.5 * 10**-MACHINE_DECIMALS
"""How far a number in the JSON is from the one computed (the contract rounds)."""

TOP_KEYS = {"views", "options", "weights", "scores", "only_in", "effects"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    return run_cli(capsys, "compare", *argv)


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    code, out, err = run(capsys, *argv, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def check_contract(data: dict, n_views: int) -> None:
    assert TOP_KEYS <= set(data)
    assert len(data["views"]) == n_views
    for v in data["views"]:
        assert {"label", "file", "scenario", "case"} <= set(v)
    for row in data["options"]:
        assert {"option", "name", "views", "moves", "move"} <= set(row)
        assert len(row["views"]) == n_views and len(row["moves"]) == n_views - 1
        for side in row["views"]:
            assert {"present", "rank", "total", "excluded", "reasons"} <= set(side)
            if side["excluded"]:
                assert side["rank"] is None and side["total"] is not None and side["reasons"]
    for w in data["weights"]:
        assert w["changed"] and {"criterion", "name", "views"} <= set(w)
        for side in w["views"]:
            assert {"present", "share", "raw", "method", "elicitation"} <= set(side)
    for s in data["scores"]:
        assert s["changed"] and {"option", "criterion", "views"} <= set(s)
        for side in s["views"]:
            assert {"present", "value", "low", "high", "rationale", "source"} <= set(side)
    assert set(data["only_in"]) == {"options", "criteria"}
    for e in data["effects"]:
        change = e["total_to"] - e["total_from"]
        assert abs(e["weight_effect"] + e["score_effect"] - change) <= 4 * ROUNDING + 1e-15
        assert abs(e["change"] - (e["total_to"] - e["total_from"])) <= 3 * ROUNDING + 1e-15
        assert {c["criterion"] for c in e["criteria"]}


def test_two_scenarios_of_the_default_case(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, str(DEFAULT_CASE), "--scenarios", "2019", "2025")
    check_contract(data, 2)
    assert [v["label"] for v in data["views"]] == ["2019", "2025"]
    assert [v["scenario"] for v in data["views"]] == [None, "2025"]
    new = {c["id"] for c in data["only_in"]["criteria"]}
    assert new == {"compute_gap"}
    assert all(c["views"] == ["2025"] for c in data["only_in"]["criteria"])
    assert data["only_in"]["options"] == []
    # a re-scored cell carries both rationales and both sources
    changed = [s for s in data["scores"] if "value" in s["changed"]]
    assert changed
    both = [s for s in changed if all(v["rationale"] and v["source"] for v in s["views"])]
    assert both and both[0]["views"][0]["rationale"] != both[0]["views"][1]["rationale"]
    # a new criterion's effect is all weight effect
    for e in data["effects"]:
        by = {c["criterion"]: c for c in e["criteria"]}
        assert by["compute_gap"]["score_effect"] == 0


def test_scenario_by_its_long_name(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, str(DEFAULT_CASE), "--scenarios", "2019", "2025 re-assessment")
    assert data["views"][1]["scenario"] == "2025"


def test_the_two_bundled_case_files(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, str(DEFAULT_CASE), str(SECURITY_CASE))
    check_contract(data, 2)
    assert [v["label"] for v in data["views"]] == ["ai_cooperation", "security_first"]
    assert [v["file"] for v in data["views"]] == [str(DEFAULT_CASE), str(SECURITY_CASE)]
    methods = {w["views"][1]["method"] for w in data["weights"]}
    assert data["weights"] and methods == {"swing"}
    assert data["scores"]
    code, out, _ = run(capsys, str(DEFAULT_CASE), str(SECURITY_CASE), "--scenario", "2025")
    assert code == 0 and "→" in out


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_text_forms(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    code, out, err = run(capsys, str(DEFAULT_CASE), "--scenarios", "2019", "2025", "-f", fmt)
    assert code == 0, err
    for heading in (
        "Rankings",
        "weight and score effects",
        "Weights that differ",
        "Scores that differ",
        "Only in some views",
    ):
        assert heading in out
    assert "AI for megascience" in out and "2019:" in out and "2025:" in out
    if fmt == "markdown":
        assert out.startswith("## ") and "|---" in out


def _with_extra(tmp_path: Path) -> Path:
    """security_first with a new option (`ai_safety`) and a new local criterion
    (`openness`), written beside the test with copies of what it cites (a case
    may only cite files inside its project folder)."""
    data = yaml.safe_load(SECURITY_CASE.read_text(encoding="utf-8"))
    shutil.copy(ROOT / "criteria.yaml", tmp_path / "criteria.yaml")
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    data["criteria"]["catalogue"] = "criteria.yaml"
    for doc in data["documents"].values():
        doc["path"] = "sources/" + Path(doc["path"]).name
    data["criteria"]["use"].append("openness")
    data["criteria"]["local"] = [
        {"id": "openness", "name": "Openness", "family": "driver", "direction": "benefit"}
    ]
    data["weights"]["swing"]["openness"] = 40
    data["options"].append({"id": "ai_safety", "name": "AI safety research"})
    first = data["options"][0]["id"]
    data["scores"]["ai_safety"] = {k: {"value": 2} for k in data["scores"][first]}
    for row in data["scores"].values():
        row["openness"] = {"value": 3, "rationale": "open by default"}
    data.pop("scenarios")
    path = tmp_path / "extra.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_extra_option_and_criterion(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    extra = _with_extra(tmp_path)
    data = run_json(capsys, str(SECURITY_CASE), str(extra))
    check_contract(data, 2)
    assert data["only_in"]["options"] == [
        {"id": "ai_safety", "name": "AI safety research", "views": ["extra"]}
    ]
    assert [c["id"] for c in data["only_in"]["criteria"]] == ["openness"]
    row = next(r for r in data["options"] if r["option"] == "ai_safety")
    assert row["views"][0] == {
        "present": False,
        "rank": None,
        "total": None,
        "excluded": False,
        "reasons": [],
    }
    assert row["move"] is None and row["views"][1]["rank"] is not None
    assert "ai_safety" not in {e["option"] for e in data["effects"]}
    assert [o["option"] for o in data["options"]][-1] == "ai_safety"
    code, out, _ = run(capsys, str(SECURITY_CASE), str(extra))
    out = " ".join(out.split())  # the table folds to the terminal's width
    assert code == 0 and "absent in security_first" in out and "Openness" in out


def test_unknown_scenario_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, str(DEFAULT_CASE), "--scenarios", "2019", "2052")
    assert code == 2
    assert "no scenario '2052'" in err and "did you mean '2025'" in err


def test_unknown_scenario_in_each_file_is_reported(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, str(DEFAULT_CASE), str(SECURITY_CASE), "--scenario", "2026")
    assert code == 2 and err.count("no scenario '2026'") == 2


@pytest.mark.parametrize(
    "argv",
    [
        [str(DEFAULT_CASE)],
        [str(DEFAULT_CASE), "--scenarios", "2019"],
        [str(DEFAULT_CASE), str(SECURITY_CASE), "--scenarios", "2019", "2025"],
    ],
)
def test_fewer_than_two_views_is_bad_input(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2 and "assess compare" in err


def test_missing_file_is_bad_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, str(DEFAULT_CASE), str(tmp_path / "nope.yaml"))
    assert code == 2 and "nope.yaml" in err


def test_same_file_twice_gets_distinct_labels(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, str(DEFAULT_CASE), str(DEFAULT_CASE))
    labels = [v["label"] for v in data["views"]]
    assert len(set(labels)) == 2
    assert data["weights"] == [] and data["scores"] == []
    assert all(r["move"] == 0 or r["move"] is None for r in data["options"])


def test_wired_into_assess_main(capsys: pytest.CaptureFixture[str]) -> None:
    from assess.cli import COMMANDS, main

    if "compare" not in COMMANDS:
        pytest.skip("`compare` is not yet listed in assess.cli.COMMANDS")
    assert main(["compare", str(DEFAULT_CASE), "--scenarios", "2019", "2025", "-f", "json"]) == 0
    assert TOP_KEYS <= set(json.loads(capsys.readouterr().out))
