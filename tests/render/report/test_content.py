"""What a report says beyond the bundled case: hostile text escaped, AHP
consistency, the robustness section with and without `assess.core.robustness.analysis`,
the timestamp only when asked, and number formats."""

from __future__ import annotations

import datetime as dt
import html

from assess.cli.common import load_view
from assess.render.fmt import percent, score_range
from assess.render.report import build_report, format_for, render
from assess.render.report.robust import analyse_view
from assess.render.report.svg import c as coord
from assess.render.report.svg import nice_top
from tests.render.report.report_support import HOSTILE, hostile_case, parse, report_text

AHP = {
    "method": "ahp",
    "elicitation": "Pairwise, by the desk.",
    "pairwise": [
        {"a": "gain", "b": "reach", "ratio": 3},
        {"a": "gain", "b": "risk", "ratio": 5},
        {"a": "reach", "b": "risk", "ratio": 2},
    ],
}


def test_hostile_text_is_escaped(tmp_path) -> None:
    text = report_text(hostile_case(tmp_path), "html")
    assert html.escape(HOSTILE) in text
    assert "<script" not in text.lower() and "<b>" not in text
    assert "<h1>Small &lt;case&gt; &amp; &#x27;co&#x27;</h1>" in text
    assert parse(text).errors == []


def test_small_case_exclusion_and_no_sources(tmp_path) -> None:
    text = report_text(hostile_case(tmp_path), "html")
    section = text.split('id="excluded"')[1].split("</section>")[0]
    assert "<strong>C</strong>" in section and "too risky" in section
    assert "No source cited." in text
    assert "Criteria catalogue" not in text  # the small case has local criteria only


def test_ahp_consistency_reported(tmp_path) -> None:
    text = report_text(hostile_case(tmp_path, AHP), "html")
    section = text.split('id="criteria"')[1].split("</section>")[0]
    assert "AHP pairwise comparison" in section and "Pairwise, by the desk." in section
    assert "consistency ratio CR = " in section and "(acceptable;" in section
    assert "Gain is 3 times as important as Reach" in section


def test_robustness_present(tmp_path) -> None:
    text = report_text(hostile_case(tmp_path), "html", samples=300)
    section = text.split('id="robustness"')[1].split("</section>")[0]
    assert "Weight stability (A first)" in section
    assert "Rank acceptability (300 samples, seed 1)" in section
    assert "seed 1, 300 samples" in text.split('id="provenance"')[1]
    no_mc = report_text(hostile_case(tmp_path), "html", samples=0)
    assert "Weight stability" in no_mc and "Rank acceptability" not in no_mc
    assert "<dt>Robustness</dt>" not in no_mc.split('id="provenance"')[1]


def test_every_option_vetoed_is_said(tmp_path) -> None:
    path = hostile_case(tmp_path)
    path.write_text(path.read_text().replace("threshold: 4", "threshold: 0"), encoding="utf-8")
    loaded, view = load_view(str(path), None)
    robustness, note = analyse_view(view, 100, 1)
    text = render(build_report(loaded, view, robustness, note), "html")
    assert "Every option is excluded by a veto" in text
    assert "No robustness analysis: every option is excluded" in text


def test_timestamp_only_when_asked(tmp_path) -> None:
    path = hostile_case(tmp_path)
    when = dt.datetime(2025, 12, 24, 9, 30, tzinfo=dt.UTC)
    stamped = report_text(path, "html", timestamp=when)
    assert "<dt>Generated</dt><dd>2025-12-24 09:30 UTC</dd>" in stamped
    assert "Generated" not in report_text(path, "html")
    assert "| Generated | 2025-12-24 09:30 UTC |" in report_text(path, "markdown", timestamp=when)


def test_format_for() -> None:
    assert format_for("a.html") == format_for("b.HTM") == "html"
    assert format_for("c.md") == "markdown"
    assert format_for("d.pdf") is None and format_for("noext") is None


def test_number_formats() -> None:
    assert percent(0.0) == "0%" and percent(-0.0000001) == "0%" and percent(0.1234) == "12.3%"
    assert coord(-0.01) == "0.0" and coord(12.345) == "12.3"
    assert score_range(4, 4, 4) == "4" and score_range(4.5, 3.5, 5) == "4.5 (3.5–5)"
    assert [nice_top(x) for x in (0.0, 0.2, 0.25, 0.6, 0.99)] == [0.25, 0.25, 0.25, 0.75, 1.0]
