"""The HTML report of the bundled case: self-contained, escaped, deterministic,
and carrying every option, rationale, exclusion and the file's hash."""

from __future__ import annotations

import hashlib
import html
import re

import pytest

from assess.cli.common import load_view
from assess.render.report.html import SECTIONS
from tests.conftest import DEFAULT_CASE
from tests.render.report.report_support import parse, report_text


@pytest.fixture(scope="module")
def baseline() -> str:
    return report_text(DEFAULT_CASE, "html")


@pytest.fixture(scope="module")
def later() -> str:
    return report_text(DEFAULT_CASE, "html", "2025")


def test_same_input_same_bytes(later: str) -> None:
    assert report_text(DEFAULT_CASE, "html", "2025") == later


def test_self_contained(later: str) -> None:
    """No script, nothing fetched: no URLs, no external stylesheets, fonts or images."""
    lowered = later.lower()
    for bad in ("<script", "http://", "https://", "<link", "<img", "@import", "url(", " src=", "javascript:"):
        assert bad not in lowered, bad
    assert all(h.startswith("#") for h in re.findall(r'href="([^"]*)"', later))


def test_tags_balance(later: str) -> None:
    checker = parse(later)
    assert checker.errors == []
    assert checker.stack == []


def test_every_option_and_rationale(later: str) -> None:
    _, view = load_view(str(DEFAULT_CASE), "2025")
    for option in view.options:
        assert html.escape(option.name) in later
    rationales = [view.cell(o.id, c.id).rationale for o in view.options for c in view.criteria]
    assert len(rationales) == 10 * 14 and all(rationales)
    for text in filter(None, rationales):
        for para in text.strip().split("\n\n"):
            assert html.escape(para.strip()) in later


def test_excluded_option_and_reason(later: str, baseline: str) -> None:
    section = later.split('id="excluded"')[1].split("</section>")[0]
    assert "Smart cities and infrastructures" in section
    assert "veto threshold 4" in section and "Security issues 4.5" in section
    assert "No option is excluded" in baseline.split('id="excluded"')[1].split("</section>")[0]


def test_provenance_hash_is_the_files(later: str) -> None:
    digest = hashlib.sha256(DEFAULT_CASE.read_bytes()).hexdigest()
    provenance = later.split('id="provenance"')[1]
    assert digest in provenance
    assert DEFAULT_CASE.name in provenance
    assert "Generated" not in provenance


def test_scenario_differs_from_baseline(baseline: str, later: str) -> None:
    assert baseline != later
    assert "2025 re-assessment" in later and "Compute gap" in later
    assert "Compute gap" not in baseline
    assert "Re-scored in this view (2019:" in later and "Re-scored" not in baseline


def test_sections_and_accessibility(later: str) -> None:
    for key, _ in SECTIONS:
        assert f'<section id="{key}"' in later
    for family in ("Drivers", "5S constraints", "Later risks"):
        assert f"<h3>{family} " in later
    svgs = re.findall(r'<svg class="chart".*?</svg>', later, flags=re.S)
    assert len(svgs) == 5  # ranking, contributions, stability, acceptability, frontier
    assert all("<title" in s and 'role="img"' in s for s in svgs)
    assert '<th scope="col">' in later and '<th scope="row">' in later


def test_weights_elicitation_shown(later: str) -> None:
    section = later.split('id="criteria"')[1].split("</section>")[0]
    assert "Swing weighting" in section and "re-run by the same desk" in section
    assert "swing 90" in section and "12.9%" in section


def test_quotes_passages_in_context(later: str) -> None:
    """Cited passages are highlighted within the document's own text."""
    marks = re.findall(r"<mark>(.*?)</mark>", later)
    assert len(marks) > 50
    assert any("megascience pioneered use of AI" in m for m in marks)
