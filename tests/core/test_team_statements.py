"""Where the assessors' weight statements conflict, through `assess team`'s JSON and text."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from tests.conftest import run_cli, small_case_data


def _team(tmp_path: Path, said: dict[str, list[dict]]) -> Path:
    data = small_case_data()
    points = data.pop("weights")
    data["assessors"] = {
        aid: {"name": aid.upper(), "weights": {"method": "statements", "statements": items}}
        if items
        else {"name": aid.upper(), "weights": points}
        for aid, items in said.items()
    }
    path = tmp_path / "team.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def _statements(capsys, path: Path) -> dict:
    code, out, err = run_cli(capsys, "team", path, "--format", "json")
    assert code == 0, err
    return json.loads(out)["statements"]


def test_one_assessors_statement_that_anothers_exclude(capsys, tmp_path: Path) -> None:
    path = _team(
        tmp_path,
        {
            "ann": [{"interval": {"criterion": "gain", "min": 0.5}}, {"order": ["gain", "reach"]}],
            "bob": [{"order": ["reach", "risk"]}, {"interval": {"criterion": "gain", "max": 0.4}}],
            "cy": [],
        },
    )
    got = _statements(capsys, path)
    assert got["assessors"] == ["ann", "bob"] and got["union_feasible"] is False
    assert got["conflict"] == [
        {"assessor": "ann", "statement": 0, "text": "Gain at least 50 % of the weight"},
        {"assessor": "bob", "statement": 1, "text": "Gain at most 40 % of the weight"},
    ]
    assert got["smallest"] is True
    assert [(e["assessor"], e["statement"], e["excluded_by"]) for e in got["exclusions"]] == [
        ("ann", 0, "bob"),
        ("bob", 1, "ann"),
    ]
    code, out, _ = run_cli(capsys, "team", path)
    flat = " ".join(out.split())
    assert "together they admit no weights; the smallest conflicting set: ANN's statement 0" in flat
    assert "BOB's statement 1 (Gain at most 40 % of the weight) is excluded by ANN's statements." in flat


def test_each_pair_agrees_but_the_three_together_do_not(capsys, tmp_path: Path) -> None:
    path = _team(
        tmp_path,
        {
            "ann": [{"interval": {"criterion": "gain", "min": 0.5}}],
            "bob": [{"interval": {"criterion": "reach", "min": 0.3}}],
            "cy": [{"interval": {"criterion": "risk", "min": 0.3}}],
        },
    )
    got = _statements(capsys, path)
    assert got["exclusions"] == [] and got["union_feasible"] is False
    assert [s["assessor"] for s in got["conflict"]] == ["ann", "bob", "cy"]


def test_statements_that_agree_are_said_to_and_none_is_null(capsys, tmp_path: Path) -> None:
    path = _team(tmp_path, {"ann": [{"order": ["gain", "reach"]}], "bob": [{"order": ["reach", "risk"]}]})
    got = _statements(capsys, path)
    assert got["union_feasible"] is True and got["conflict"] == [] and got["exclusions"] == []
    code, out, _ = run_cli(capsys, "team", path)
    assert "Weight statements: those of ANN, BOB can all hold at once." in out
    assert _statements(capsys, _team(tmp_path, {"ann": [], "bob": []})) is None
