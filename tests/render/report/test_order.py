"""The report puts the answer first (issue 8): summary, ranking, why,
exclusions, robustness, what the budget buys (issue 12: a case with costs and a
budget), the team's disagreements, then the question,
criteria and every cell; contributions of risks are said as exposure."""

from __future__ import annotations

import re

import pytest

from assess.render.report.html import SECTIONS, TEAM
from assess.render.report.portfolio import KEY as PORTFOLIO
from tests.conftest import DEFAULT_CASE, ROOT
from tests.render.report.report_support import report_text

TEAM_CASE = ROOT / "cases" / "team_example" / "team.yaml"
ORDER = [
    "Summary",
    "Ranking",
    "Why",
    "Excluded options",
    "Robustness",
    "The question",
    "Options",
    "Criteria and weights",
    "Scores and evidence",
    "Provenance",
]


WITH_BUDGET = [*ORDER[:5], PORTFOLIO[1], *ORDER[5:]]
"""The sections of a case with costs and a budget, as the bundled ones have."""


def test_markdown_order() -> None:
    text = report_text(DEFAULT_CASE, "markdown", "2025", samples=100)
    assert re.findall(r"^## (.+)$", text, re.M) == WITH_BUDGET


def test_html_order() -> None:
    text = report_text(DEFAULT_CASE, "html", "2025", samples=100)
    assert [t for _, t in SECTIONS] == ORDER
    ids = re.findall(r'<section id="([a-z]+)"', text)
    keys = [k for k, _ in SECTIONS]
    assert ids == [*keys[:5], PORTFOLIO[0], *keys[5:]]


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_team_case_has_the_disagreements_of_assess_team(capsys, fmt: str) -> None:
    from assess.cli import main

    text = report_text(TEAM_CASE, fmt, samples=100)
    if fmt == "markdown":
        headings = re.findall(r"^## (.+)$", text, re.M)
        assert headings == [*WITH_BUDGET[:6], TEAM[1], *ORDER[5:]]
        assert "| 1 | Dialogue on AI regulation | Testbed for wider cooperation | 4 | 2 | 3 | 3 |" in text
    else:
        assert re.findall(r'<section id="([a-z]+)"', text).index("team") == 6
        assert "<td>Testbed for wider cooperation</td>" in text
    assert main(["team", str(TEAM_CASE), "-f", "markdown"]) == 0
    for line in capsys.readouterr().out.splitlines():  # every cell and rationale of `assess team`
        if line.startswith("   - ") and fmt == "markdown":
            assert line in text


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_why_in_words(fmt: str) -> None:
    text = report_text(DEFAULT_CASE, fmt, "2025", samples=0)
    why = text.split("Why")[2] if fmt == "html" else text.split("## Why")[1].split("## Excluded")[0]
    assert "little exposed to compute gap 0.057" in why
    assert "Low exposure to compute gap" in why
    assert "Low exposure to later risks" in text
