"""The report shows what each score rests on (a count per view too), how far
each cited document can be trusted, and marks illustrative weights."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.conftest import small_case_data
from tests.render.report.report_support import report_text


def _case(tmp_path: Path, **change: object) -> Path:
    data = small_case_data()
    data["scores"]["a"]["gain"].update(basis="evidence", rationale="Said so.")
    data["scores"]["b"]["gain"]["basis"] = "judgement"
    data["scenarios"] = {
        "later": {
            "name": "Later",
            "scores": {
                "a": {"gain": {"value": 5, "basis": "judgement", "rationale": "Said so."}},  # only repeats
                "b": {"gain": {"value": 1, "basis": "judgement", "rationale": "Worse now."}},
            },
        }
    }
    data["documents"] = {"brief.txt": {"title": "The brief", "reliability": "A brief that argues a case."}}
    data.update(change)
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def test_each_cell_says_its_basis_and_the_view_counts_them(tmp_path: Path) -> None:
    text = report_text(_case(tmp_path), "markdown", samples=0)
    assert "What the 9 scores rest on: 1 evidence, 1 judgement, 7 not stated." in text
    head = next(x for x in text.splitlines() if x.startswith("#### Gain") and "basis" in x)
    assert head.endswith("· basis: evidence")


def test_a_scenario_cell_that_repeats_the_baseline_is_carried_over(tmp_path: Path) -> None:
    text = report_text(_case(tmp_path), "markdown", scenario="later", samples=0)
    assert "What the 9 scores rest on: 1 judgement, 8 carried over." in text
    html = report_text(_case(tmp_path), "html", scenario="later", samples=0)
    assert html.count("basis: carried over") == 8 and "8 carried over" in html


def test_reliability_of_each_source_is_shown(tmp_path: Path) -> None:
    for fmt in ("markdown", "html"):
        assert "Reliability: A brief that argues a case." in report_text(_case(tmp_path), fmt, samples=0)


def test_illustrative_weights_are_marked(tmp_path: Path) -> None:
    weights = {"method": "direct", "illustrative": True, "points": {"gain": 50, "reach": 30, "risk": 20}}
    for fmt in ("markdown", "html"):
        assert "illustrative weights" in report_text(_case(tmp_path, weights=weights), fmt, samples=0)
        assert "illustrative weights" not in report_text(_case(tmp_path), fmt, samples=0)
