"""`assess score` on the bundled cases: every format, the JSON contract, exit codes."""

from __future__ import annotations

import csv
import io
import json

import pytest

from assess.cli import main
from tests.conftest import DEFAULT_CASE
from tests.conftest import run_cli as run


@pytest.mark.parametrize("scenario", [None, "2025"])
def test_json_contract(capsys: pytest.CaptureFixture[str], scenario: str | None) -> None:
    extra = ["--scenario", scenario] if scenario else []
    code, out, err = run(capsys, "score", str(DEFAULT_CASE), "--format", "json", *extra)
    assert code == 0, err
    data = json.loads(out)
    assert {"case", "file", "method", "scenario", "ranking"} <= set(data)
    assert data["method"] == "wsm" and data["scenario"] == scenario
    ranking = data["ranking"]
    assert len(ranking) >= 4
    for entry in ranking:
        assert {"option", "name", "rank", "score", "excluded", "reasons"} <= set(entry)
        assert (entry["rank"] is None) == entry["excluded"]
        parts = entry["contributions"].values()
        assert abs(sum(parts) - entry["score"]) <= (len(parts) + 1) * 5e-7  # each rounded to 6 decimals
    ranked = [e for e in ranking if not e["excluded"]]
    assert ranked[0]["rank"] == 1
    assert [e["rank"] for e in ranked] == sorted(e["rank"] for e in ranked)
    assert all(e["excluded"] for e in ranking[len(ranked) :])
    assert abs(sum(data["weights"].values()) - 1) <= len(data["weights"]) * 5e-7


def test_scenario_adds_the_later_risks(capsys: pytest.CaptureFixture[str]) -> None:
    base = json.loads(run(capsys, "score", str(DEFAULT_CASE), "-f", "json")[1])
    later = json.loads(run(capsys, "score", str(DEFAULT_CASE), "-f", "json", "-s", "2025")[1])
    assert set(later["weights"]) > set(base["weights"])
    assert set(later["weights"]) - set(base["weights"]) == {"compute_gap"}


@pytest.mark.parametrize("fmt", ["table", "csv", "markdown"])
def test_other_formats(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    code, out, _ = run(capsys, "score", str(DEFAULT_CASE), "--format", fmt)
    assert code == 0
    assert "Pharma" in out or "pharma" in out
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert rows[0]["rank"] == "1"
    if fmt == "markdown":
        assert out.lstrip().startswith("## ") and "|---" in out


def test_unknown_scenario_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "score", str(DEFAULT_CASE), "--scenario", "2052")
    assert code == 2
    assert "no scenario '2052'" in err and "did you mean '2025'" in err


def test_missing_file_is_bad_input(capsys: pytest.CaptureFixture[str], tmp_path) -> None:
    code, _, err = run(capsys, "score", str(tmp_path / "nope.yaml"))
    assert code == 2 and "nope.yaml" in err


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for name in ("open", "score", "check", "import", "schema"):
        assert f"    {name}" in out
