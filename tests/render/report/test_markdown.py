"""The Markdown report: the same content as the HTML page, in GitHub-flavoured
Markdown, deterministic, with text inside escaped."""

from __future__ import annotations

import hashlib

import pytest

from assess.cli.common import load_view
from assess.render.fmt import bar
from assess.render.report.markdown import md
from tests.conftest import DEFAULT_CASE
from tests.render.report.report_support import HOSTILE, hostile_case, report_text


@pytest.fixture(scope="module")
def later() -> str:
    return report_text(DEFAULT_CASE, "markdown", "2025")


def test_same_input_same_bytes(later: str) -> None:
    assert report_text(DEFAULT_CASE, "markdown", "2025") == later


def test_ranking_table(later: str) -> None:
    section = later.split("## Ranking")[1].split("## Why")[0]
    credits = "Low exposure to 5S constraints | Low exposure to later risks"
    assert f"| Rank | Option | Score | 0 ··· 1 | Drivers | {credits} |" in section
    assert "| 1 | AI for megascience | 0.591 |" in section
    assert "| excl. | Smart cities and infrastructures |" in section


def test_content_matches_the_html(later: str) -> None:
    for heading in (
        "## Summary",
        "## The question",
        "### Sources",
        "## Options",
        "## Criteria and weights",
        "### Drivers",
        "### 5S constraints",
        "### Later risks",
        "## Why",
        "## Excluded options",
        "## Robustness",
        "### Rank acceptability (500 samples, seed 1)",
        "## Scores and evidence",
        "## Provenance",
    ):
        assert heading in later, heading
    assert "Security issues 4.5 is above the veto threshold 4" in later
    assert hashlib.sha256(DEFAULT_CASE.read_bytes()).hexdigest() in later
    assert "<" not in later.replace("\\<", "")  # no raw HTML


def test_every_rationale(later: str) -> None:
    _, view = load_view(str(DEFAULT_CASE), "2025")
    for option in view.options:
        assert f"### {md(option.name)}" in later
        for c in view.criteria:
            assert md(view.cell(option.id, c.id).rationale or "") in later


def test_hostile_text_is_escaped(tmp_path) -> None:
    text = report_text(hostile_case(tmp_path), "markdown")
    assert md(HOSTILE) in text
    assert "<script>" not in text and "<b>" not in text
    assert "# Small \\<case\\> & 'co'" in text


def test_md_escaping() -> None:
    assert md("a <b> & c") == "a \\<b\\> & c"
    assert md("x &amp; y") == "x \\&amp; y"
    assert md("- item") == "\\- item"
    assert md("1. first") == "1\\. first"
    assert md("a|b") == "a\\|b" and md("a|b", pipes=False) == "a|b"
    assert md("two\nlines") == "two lines"


def test_text_bars() -> None:
    assert bar(0.0, 24) == ""
    assert bar(1.0, 4) == "████"
    assert bar(0.5, 4) == "██"
    assert bar(1 / 8, 4) == "▌"  # half a cell


def test_acceptability_rows_follow_the_ranking(later: str) -> None:
    ranking = later.split("## Ranking")[1].split("## Why")[0]
    ranked = [line.split(" | ")[1] for line in ranking.splitlines() if line[:3] in {"| 1", "| 2", "| 3"}]
    table = later.split("### Rank acceptability")[1].split("\n## ")[0]
    rows = [line.split(" | ")[0].lstrip("| ") for line in table.splitlines() if line.startswith("| ")][1:]
    assert rows[:3] == ranked and "Smart cities and infrastructures" not in rows
    vetoed = "Smart cities and infrastructures, Cost-shared AI testbeds"
    assert f"Not analysed, being excluded by a veto: {vetoed}." in later
