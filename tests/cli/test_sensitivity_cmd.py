"""`assess sensitivity`: formats, the JSON contract, reproducibility, bad values."""

from __future__ import annotations

import io
import json

import pytest

from assess.cli import main
from assess.cli.common import ProgressLine
from tests.conftest import DEFAULT_CASE, run_cli

FAST = ["--samples", "400"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    return run_cli(capsys, "sensitivity", *argv)


@pytest.mark.parametrize("scenario", [None, "2025"])
def test_json_contract(capsys, scenario) -> None:
    extra = ["--scenario", scenario] if scenario else []
    code, out, err = run(capsys, str(DEFAULT_CASE), *FAST, "--format", "json", *extra)
    assert code == 0, err
    data = json.loads(out)
    assert {
        "file",
        "case",
        "scenario",
        "view",
        "assessor",
        "samples",
        "seed",
        "spread",
        "first",
        "options",
        "excluded",
        "criteria",
        "stability",
        "smallest_change",
        "tornado",
        "acceptability",
        "weighting",
    } <= set(data)
    assert (data["samples"], data["seed"], data["spread"], data["scenario"]) == (400, 1, None, scenario)
    ids = [o["option"] for o in data["options"]]
    assert data["first"] == ids[0] and data["options"][0]["rank"] == 1
    acc = data["acceptability"]
    assert {
        "samples",
        "confidence_samples",
        "stopped",
        "ranks",
        "central_weights",
        "confidence",
        "holistic",
    } <= set(acc)
    assert set(acc["ranks"]) == set(ids)
    for row in acc["ranks"].values():
        assert len(row) == len(ids) and sum(row) == pytest.approx(1.0)
    for col in zip(*acc["ranks"].values(), strict=True):
        assert sum(col) == pytest.approx(1.0)
    for s in data["stability"]:
        assert {"criterion", "weight", "first", "ranking"} <= set(s)
        assert s["first"]["lo"] <= s["weight"] <= s["first"]["hi"]
    assert {"weight_ranges", "options"} <= set(data["tornado"])
    bar = data["tornado"]["options"][ids[0]]["bars"][0]
    assert {"source", "criterion", "input_low", "input_high", "total_low", "total_high", "swing"} <= set(bar)
    assert {"method", "consistency_ratio", "warnings"} <= set(data["weighting"])
    change = data["smallest_change"]
    assert change["direction"] in ("up", "down") and change["new_first"] in ids
    if scenario == "2025":
        assert [e["option"] for e in data["excluded"]] == ["smart_cities", "testbeds"]


def test_same_seed_same_output_other_seed_other_output(capsys) -> None:
    args = [str(DEFAULT_CASE), *FAST, "-f", "json"]
    first = run(capsys, *args, "--seed", "5")[1]
    again = run(capsys, *args, "--seed", "5")[1]
    other = run(capsys, *args, "--seed", "6")[1]
    assert first == again
    assert json.loads(first)["acceptability"] != json.loads(other)["acceptability"]


def test_table_reads_like_a_report(capsys) -> None:
    code, out, err = run(capsys, str(DEFAULT_CASE), *FAST)
    assert code == 0, err
    assert out.startswith("Areas of EU–Russia AI cooperation: 2019 — how robust is the ranking?")
    out = " ".join(out.split())  # the text is folded to the terminal's width
    assert "AI for megascience is first in " in out and "of 400 samples" in out
    assert "Its first place holds while '" in out
    for section in (
        "How often each option takes each place",
        "Weight stability",
        "Smallest change to the first place",
        "Tornado: AI for megascience",
        "seed 1",
    ):
        assert section in out
    assert "│" in out and "█" in out
    assert err == ""  # stderr is not a terminal here: no progress bar


def test_markdown(capsys) -> None:
    code, out, _ = run(capsys, str(DEFAULT_CASE), *FAST, "-f", "markdown", "-s", "2025")
    assert code == 0
    assert out.startswith("## Areas of EU–Russia AI cooperation: 2025 re-assessment")
    assert "### Weight stability" in out and "| option | total | 1st |" in out
    vetoed = "Smart cities and infrastructures, Cost-shared AI testbeds"
    assert f"Excluded by a veto, not analysed: {vetoed}." in out


def test_spread_is_recorded_and_used(capsys) -> None:
    data = json.loads(run(capsys, str(DEFAULT_CASE), *FAST, "--spread", "0.2", "-f", "json")[1])
    assert data["spread"] == 0.2
    assert data["tornado"]["weight_ranges"] == {
        **data["tornado"]["weight_ranges"],
        "spread": 0.2,
        "source": "relative",
    }


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--samples", "0"], "--samples must be a positive whole number, got 0"),
        (["--samples", "-3"], "--samples must be a positive whole number"),
        (["--spread", "-0.1"], "--spread must be between 0 and 1"),
        (["--spread", "1.5"], "--spread must be between 0 and 1"),
        (["--scenario", "2052"], "no scenario '2052'"),
        (["--assessor", "ann"], "no assessor 'ann'"),
    ],
)
def test_bad_values_exit_2(capsys, argv, message) -> None:
    code, out, err = run(capsys, str(DEFAULT_CASE), *argv)
    assert code == 2 and out == ""
    assert message in err


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal(capsys, monkeypatch) -> None:
    fake = Terminal()
    monkeypatch.setattr("sys.stderr", fake)
    assert main(["sensitivity", str(DEFAULT_CASE), "--samples", "2000", "-f", "json"]) == 0
    shown = fake.getvalue()
    assert "\r[" in shown and "100%" in shown and "#" in shown
    assert shown.endswith("\r")  # cleared, so the terminal shows only the report
    json.loads(capsys.readouterr().out)


def test_progress_line_draws_a_plain_bar() -> None:
    stream = io.StringIO()
    line = ProgressLine(stream)
    line(40, 100)
    assert stream.getvalue() == "\r[" + "#" * 12 + " " * 18 + "]  40%"
