"""What the commands print as text (issue 8): fitted to the terminal's width,
numbers at one precision, names instead of ids, contributions of constraints
and risks said as exposure; the full detail kept in Markdown and JSON."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import DEFAULT_CASE, ROOT, SECURITY_CASE, run_cli

TEAM = str(ROOT / "cases" / "team_example" / "team.yaml")
WIDTHS = [80, 120]
RUNS = {
    "compare-scenarios": ["compare", str(DEFAULT_CASE), "--scenarios", "2019", "2025"],
    "compare-files": ["compare", str(DEFAULT_CASE), str(SECURITY_CASE), "-s", "2025"],
    "compare-team": ["compare", TEAM, str(ROOT / "cases" / "team_example" / "anna.yaml")],
    "score": ["score", str(DEFAULT_CASE), "-s", "2025"],
    "score-all": ["score", str(DEFAULT_CASE), "-s", "2025", "-m", "all"],
    "score-team": ["score", TEAM],
    "sensitivity": ["sensitivity", str(SECURITY_CASE), "-s", "2025", "-n", "200"],
    "team": ["team", TEAM],
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code, out, err = run_cli(capsys, *argv)
    assert code == 0, err
    return out


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", RUNS)
def test_text_fits_the_terminal(capsys, monkeypatch: pytest.MonkeyPatch, name: str, width: int) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    lines = run(capsys, *RUNS[name]).splitlines()
    assert max(len(line) for line in lines) <= width
    assert max(len(line) for line in lines) > width - 15  # the width is used, not a fixed 80


def test_compare_was_shortened_not_cut(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    """At 80 columns the tables fold and shorten; every option and the full
    names stay in the text (options in the ranking, criteria in the weights)."""
    monkeypatch.setenv("COLUMNS", "80")
    out = run(capsys, *RUNS["compare-scenarios"])
    assert len(out.splitlines()) < 260  # ten options, fourteen criteria; was 457 lines for seven and eighteen
    flat = " ".join(out.split())
    for name in ("Smart cities and infrastructures", "Synergies and access to the best solutions"):
        assert name in flat
    assert "--format markdown" in out  # says where the rationales are


def test_unknown_width_is_80(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from assess.render.safe import terminal_width

    def no_terminal(*_: object) -> os.terminal_size:
        raise OSError("not a terminal")

    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr(os, "get_terminal_size", no_terminal)
    assert terminal_width() == 80
    monkeypatch.setenv("COLUMNS", "132")
    assert terminal_width() == 132


def test_markdown_and_json_keep_every_rationale(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    argv = RUNS["compare-scenarios"]
    data = json.loads(run(capsys, *argv, "-f", "json"))
    markdown = run(capsys, *argv, "-f", "markdown")
    rationales = {v["rationale"] for s in data["scores"] for v in s["views"] if v["rationale"]}
    assert len(rationales) > 50
    flat = " ".join(markdown.split()).replace("\\", "")
    for text in rationales:
        assert " ".join(text.split()) in flat
    assert max(len(line) for line in markdown.splitlines()) > 120  # not folded


def test_new_risk_said_as_exposure(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    """'Hardware sanctions +0.060' baffled planners: the regulation dialogue
    gains from the new risk (now the compute gap) because it is little exposed to it."""
    monkeypatch.setenv("COLUMNS", "200")
    for fmt in ("table", "markdown"):
        out = run(capsys, *RUNS["compare-scenarios"], "-f", fmt)
        assert "little exposed to compute gap (new) +0.057" in out
        assert not re.search(r"Compute gap [+-]0\.\d{3}", out)
    score = run(capsys, *RUNS["score"])
    line = next(x for x in score.splitlines() if x.strip().startswith("Dialogue on AI regulation:"))
    assert "little exposed to compute gap 0.057" in line


def test_numbers_at_one_precision(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    """No '3.66667' (a team mean), no '1.167' beside '4.5'."""
    monkeypatch.setenv("COLUMNS", "120")
    team = run(capsys, *RUNS["team"])
    assert "3.67" in team and "3.667" not in team  # smart cities x security: (3 + 4.5 + 3.5) / 3
    assert "1.17" in team and "1.167" not in team and "0.816" not in team
    for name in RUNS:
        out = run(capsys, *RUNS[name])
        assert not re.search(r"\d\.\d{4,}", out), name
        assert "0.6040" not in out


def test_team_table_names_options_and_criteria(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    out = run(capsys, *RUNS["team"])
    table = out.split("Rationales")[0]
    assert "Dialogue on AI regulation" in table and "Testbed for wider cooperation" in table
    for cell_id in ("spillover", "smart_cities", "market_potential", "pharma", "slump"):
        assert cell_id not in table  # ids, as the table showed before


def test_csv_numbers_without_noise(capsys) -> None:
    import csv
    import io

    rows = list(csv.reader(io.StringIO(run(capsys, "score", str(DEFAULT_CASE), "-s", "2025", "-f", "csv"))))
    numbers = [x for row in rows[1:] for x in (row[3], *row[6:]) if x]
    assert numbers and all(re.fullmatch(r"-?\d+\.\d{1,6}|-?\d+", x) for x in numbers)
    assert "0.09000000000000001" not in "".join(numbers)
