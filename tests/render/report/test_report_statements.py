"""The weight statements in the report: each statement in words with its
author, rationale and date and whether the weights used satisfy it; the
elicitation record step by step; the options under the statements (possibly
and necessarily best, dominance pairs); and, for a team case, each
assessor's own statements and whether the team's combined weights keep them.
Text from the file stays text in both formats."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from tests.casegen import matrix_case_data, median_team_data
from tests.conftest import small_case_data
from tests.render.report.report_support import parse, report_text
from tests.render.report.test_hostile import markdown_html, parsed

SCRIPT = "<script>alert('x')</script>"
HOSTILE = f"{SCRIPT} =SUM(A1:A9) *stars* [link](javascript:alert(1)) | pipe"


def _write(tmp: Path, data: dict, name: str = "case.yaml") -> Path:
    path = tmp / name
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _said_case(tmp: Path) -> Path:
    data = small_case_data()
    data["weights"] = {
        "method": "direct",
        "elicitation": "a workshop",
        "points": {"gain": 50, "reach": 30, "risk": 20},
        "statements": [
            {
                "order": ["gain", "reach", "risk"],
                "by": "Ann <b>Lee</b>",
                "rationale": HOSTILE,
                "date": dt.date(2025, 1, 3),
            },
            {"interval": {"criterion": "gain", "min": 0.3, "max": 0.6}, "by": "bob", "rationale": "a cap"},
        ],
        "record": [
            {"step": "swing_order", "order": ["gain", ["reach", "risk"]], "by": "ann"},
            {"step": "swing_rating", "criterion": "reach", "rating": 60, "rationale": "=SUM(B1)"},
            {"step": "pairwise", "a": "gain", "b": "reach", "ratio": 2},
            {"step": "tradeoff", "criterion": "gain", "to": "risk", "ratio": 2, "answer": "more"},
            {"step": "statement", "statement": 1, "by": "bob", "date": dt.date(2025, 1, 4)},
        ],
    }
    return _write(tmp, data)


def _text(path: Path, fmt: str) -> str:
    """The report as the words a reader sees (HTML or rendered Markdown, tags parsed away)."""
    raw = report_text(path, fmt, samples=0)
    return " ".join("".join(parsed(markdown_html(raw) if fmt == "markdown" else raw).text).split())


STEPS = [
    "Swings ranked, most valued first: Gain > Reach = Risk — by ann",
    "The swing on Reach rated 60 (the most valued swing: 100). Why: =SUM(B1)",
    "Judged: Gain is 2 times as important as Reach",
    "Answer: more, so Gain weighs more than 2 times Risk",
    "Statement 2 added: Gain between 30 % and 60 % of the weight — by bob on 2025-01-04",
]


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_each_statement_its_author_rationale_and_the_record(tmp_path: Path, fmt: str) -> None:
    shown = _text(_said_case(tmp_path), fmt)
    assert (
        "Gain >= Reach >= Risk (the weights used satisfy it) — by Ann <b>Lee</b> on 2025-01-03. "
        f"Why: {HOSTILE}" in shown
    )
    assert (
        "Gain between 30 % and 60 % of the weight (the weights used satisfy it) — by bob. Why: a cap" in shown
    )
    for step in STEPS:
        assert step in shown, step
    assert shown.index(STEPS[0]) < shown.index(STEPS[-1])  # in the order taken


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_hostile_text_in_statements_stays_text(tmp_path: Path, fmt: str) -> None:
    raw = report_text(_said_case(tmp_path), fmt, samples=0)
    html = markdown_html(raw) if fmt == "markdown" else raw
    tags = parsed(html).tags
    assert not any(t.split()[0] in {"script", "b"} for t in tags), tags
    assert not any("javascript:" in v for v in parsed(html).values)
    assert not parse(html).errors


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_the_options_under_the_statements(tmp_path: Path, fmt: str) -> None:
    # o0 beats o1 on every criterion; o2 is best on c1 alone, which the order gives at most half
    data = matrix_case_data(
        [[9, 8, 8], [5, 4, 4], [0, 10, 0]],
        {
            "method": "direct",
            "points": {"c0": 5, "c1": 3, "c2": 2},
            "statements": [{"order": ["c0", "c1", "c2"]}],
        },
    )
    shown = _text(_write(tmp_path, data), fmt)
    assert "Under the weight statements" in shown
    assert "Possibly best (first for some allowed weighting): O0" in shown
    assert "Necessarily best (first for every one): O0" in shown
    assert "O0 dominates O1, O2" in shown


def test_no_section_without_statements(tmp_path: Path) -> None:
    data = small_case_data()
    for fmt in ("markdown", "html"):
        text = report_text(_write(tmp_path, data), fmt, samples=0)
        assert "Under the weight statements" not in text and "elicitation record" not in text


def _team(tmp: Path) -> Path:
    data = small_case_data()
    del data["weights"]
    data["assessors"] = {
        "ann": {
            "name": "Ann <i>",
            "weights": {
                "method": "statements",
                "statements": [
                    {"order": ["gain", "reach"], "rationale": HOSTILE},
                    {"interval": {"criterion": "gain", "min": 0.5}},
                ],
            },
        },
        "bob": {
            "name": "Bob",
            "weights": {
                "method": "direct",
                "points": {"gain": 60, "reach": 30, "risk": 10},
                "statements": [{"order": ["gain", "reach", "risk"], "by": "bob"}],
            },
        },
    }
    return _write(tmp, data, "team.yaml")


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_the_team_part_lists_each_assessors_statements(tmp_path: Path, fmt: str) -> None:
    shown = _text(_team(tmp_path), fmt)
    team = shown[shown.index("The assessors' own weight statements") :]
    assert f"Gain >= Reach (the team's weights keep it). Why: {HOSTILE}" in team
    assert "Gain at least 50 % of the weight (the team's weights leave it out" in team
    assert "Gain >= Reach >= Risk (their own weights satisfy it; the team's weights leave it out" in team
    assert "— by Bob" in team and "Ann <i>" in team
    # the team's view keeps ann's order, named as hers, and runs dominance under it
    assert "keeps 1 of the assessors' 3 weight statements" in shown
    assert "Gain >= Reach (the weights used satisfy it) — by Ann <i>." in shown
    assert "its weight statement allows" in shown


def test_combined_weights_that_break_a_kept_statement_say_so(tmp_path: Path) -> None:
    data = median_team_data()  # the medians put all of the weight on c0, which each kept to a quarter
    shown = _text(_write(tmp_path, data), "markdown")
    assert (
        "C0 at most 25 % of the weight (the weights used break it: c0's share is 100 %, above the max 25 % "
        "by 75 %) — by ANN, BOB, CY" in shown
    )


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_a_withdrawn_statement_shows_in_the_record(tmp_path: Path, fmt: str) -> None:
    data = yaml.safe_load(_said_case(tmp_path).read_text(encoding="utf-8"))
    gone = {"ratio": {"criterion": "gain", "to": "risk", "min": 2}, "by": "bob", "date": dt.date(2025, 1, 2)}
    data["weights"]["record"].append(
        {"step": "withdrawal", "withdrawn": gone, "by": "ann", "rationale": "we no longer agree"}
    )
    text = _text(_write(tmp_path, data, "withdrawn.yaml"), fmt)
    assert "Statement withdrawn: " in text and "(given by bob on 2025-01-02)" in text
    assert "we no longer agree" in text
