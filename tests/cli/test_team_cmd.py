"""`assess team` on the team example: every format, the JSON contract (and its
documentation in the command's docstring), exit codes."""

from __future__ import annotations

import json
import re

import pytest

from assess.cli import team_cmd
from tests.conftest import DEFAULT_CASE, ROOT
from tests.conftest import run_cli as assess

TEAM = str(ROOT / "cases" / "team_example" / "team.yaml")


def team_json(capsys: pytest.CaptureFixture[str], *extra: str) -> dict:
    code, out, err = assess(capsys, "team", TEAM, "--format", "json", *extra)
    assert code == 0, err
    return json.loads(out)


def documented_keys(doc: str) -> set[str]:
    """Top-level keys of the JSON as the docstring lists them (`    key, key:  ...`)."""
    keys: set[str] = set()
    for m in re.finditer(r"^    ([a-z_]+(?:, [a-z_]+)*):", doc, re.M):
        keys |= {k.strip() for k in m.group(1).split(",")}
    return keys


def test_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    data = team_json(capsys)
    assert set(data) == documented_keys(team_cmd.__doc__ or "")
    assert data["team"] == {"aggregate": "mean", "weights": "mean"}
    assert [a["id"] for a in data["assessors"]] == ["anna", "boris", "chen"]
    assert [a["own_weights"] for a in data["assessors"]] == [True, True, True]
    assert data["cells_total"] == 130 and 0 < data["cells_disagreeing"] < 130
    cells = data["cells"]
    assert len(cells) == 10
    spreads = [c["spread"] for c in cells]
    assert spreads == sorted(spreads, reverse=True)
    top = cells[0]
    assert (top["option"], top["criterion"], top["spread"]) == ("regulation", "spillover", 2)
    assert top["furthest"] is None  # 4, 2, 3: anna and boris are equally far from the mean
    second = cells[1]
    assert (second["option"], second["criterion"], second["spread"]) == ("smart_cities", "security", 1.5)
    assert second["furthest"] == {"assessor": "boris", "distance": 1.25}
    assert [o["assessor"] for o in top["opinions"]] == ["anna", "boris", "chen"]
    for o in top["opinions"]:
        assert o["rationale"] and set(o["source"]) == {"document", "section", "passage"}
        assert o["low"] <= o["value"] <= o["high"]
    matrix = data["matrix"]
    assert len(matrix["spread"]) == 10 and all(len(row) == 13 for row in matrix["spread"])
    i, j = matrix["options"].index("regulation"), matrix["criteria"].index("spillover")
    assert matrix["spread"][i][j] == 2


def test_json_rankings(capsys: pytest.CaptureFixture[str]) -> None:
    rankings = team_json(capsys)["rankings"]
    team = rankings["team"]
    assert team[0]["option"] == "megascience" and team[0]["rank"] == 1
    assert team[-1]["option"] == "smart_cities"  # last, whether ranked or excluded
    chen = next(a for a in rankings["assessors"] if a["assessor"] == "chen")
    assert chen["first"] == "megascience" and chen["tau"] == pytest.approx(37 / 45, abs=1e-6)
    standards = next(r for r in chen["ranking"] if r["option"] == "standards")
    assert (standards["rank"], standards["team_rank"]) == (5, 8)


def test_top_limits_the_cells(capsys: pytest.CaptureFixture[str]) -> None:
    assert len(team_json(capsys, "--top", "3")["cells"]) == 3
    assert len(team_json(capsys, "--top", "0")["cells"]) == 130


def test_table_shows_the_widest_cells_every_rationale_and_the_rankings(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    code, out, _ = assess(capsys, "team", TEAM, "--top", "2")
    assert code == 0
    assert "Team view: each cell is the mean of the 3 assessors' scores" in " ".join(out.split())
    assert re.search(
        r"^2\s+Smart cities and infrastructures\s+Security issues\s+3\s+4\.5\s+3\.5\s+3\.67\s+1\.5"
        r"\s+0\.62\s+Boris \(1\.25\)$",
        out,
        re.M,
    )
    flat = " ".join(out.split())
    for start in (
        "Common ground on ethics would help",
        "Only if rules are kept.",
        "Compatible rules lower later trade costs.",
    ):
        assert start in flat
    assert re.search(r"^Joint standards development\s+8\s+8\s+9\s+5$", out, re.M)
    assert re.search(r"^Kendall tau vs team\s+0\.778\s+0\.689\s+0\.822$", out, re.M)


def test_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = assess(capsys, "team", TEAM, "-f", "markdown", "-n", "1")
    assert code == 0 and out.startswith("## ")
    assert "| 1 | Dialogue on AI regulation | Testbed for wider cooperation | 4 | 2 | 3 |" in out
    assert "### Rankings" in out and out.count("   - ") == 3


def test_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = assess(capsys, "team", str(DEFAULT_CASE))
    assert code == 2 and "has no assessors" in err and "assess merge" in err
    code, _, err = assess(capsys, "team", TEAM, "--top", "-1")
    assert code == 2 and "--top" in err
    code, _, err = assess(capsys, "team", "no/such.yaml")
    assert code == 2 and "no/such.yaml" in err
