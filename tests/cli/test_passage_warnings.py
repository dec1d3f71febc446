"""A cited passage that is not in its document (issue 8): `check` fails on it,
the other commands warn on stderr as `FILE:LINE:COL: warning: ...`, keep their
exit code and go on; the report marks the quote as not found."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from assess.files.casefile import load_case
from tests.conftest import CATALOGUE, DEFAULT_CASE, ROOT
from tests.conftest import run_cli as run

TYPO = ("Pharma and other healthcare R&D", "Pharma and other healthcare R&DD")


@pytest.fixture
def typo_case(tmp_path: Path) -> Path:
    """The default case, in the bundled layout, with one quote mistyped (it is cited three times:
    by the pharma option and its competence cells of 2019 and 2025)."""
    shutil.copy(CATALOGUE, tmp_path / "criteria.yaml")
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    (tmp_path / "cases").mkdir()
    case = tmp_path / "cases" / "case.yaml"
    case.write_text(DEFAULT_CASE.read_text(encoding="utf-8").replace(*TYPO), encoding="utf-8")
    return case


def _lines(case: Path) -> list[int]:
    return [i for i, line in enumerate(case.read_text().splitlines(), 1) if TYPO[1] in line]


def _warnings(err: str) -> list[str]:
    return re.findall(r"case\.yaml:(\d+):\d+: warning: passage not found in \S+", err)


def test_check_still_fails_on_it(capsys, typo_case: Path) -> None:
    code, out, err = run(capsys, "check", typo_case)
    assert code == 2 and "warning" not in out + err
    assert len(re.findall(r"case\.yaml:\d+:\d+: passage not found", out)) == 3


@pytest.mark.parametrize("extra", [[], ["--scenario", "2025"], ["--method", "all"], ["--format", "json"]])
def test_score_warns_and_ranks(capsys, typo_case: Path, extra: list[str]) -> None:
    code, out, err = run(capsys, "score", typo_case, *extra)
    assert code == 0, err
    assert [int(n) for n in _warnings(err)] == _lines(typo_case)
    assert "Pharma and healthcare R&D" in out


def test_sensitivity_and_compare_warn_too(capsys, typo_case: Path) -> None:
    code, _, err = run(capsys, "sensitivity", typo_case, "--samples", "50")
    assert code == 0 and len(_warnings(err)) == 3
    code, _, err = run(capsys, "compare", typo_case, "--scenarios", "2019", "2025")
    assert code == 0 and len(_warnings(err)) == 3


def test_open_warns_before_the_ui_starts(capsys, typo_case: Path, monkeypatch) -> None:
    from assess.tui.app import AssessApp

    started = []
    monkeypatch.setattr(AssessApp, "run", lambda self: started.append(self.loaded))
    code, _, err = run(capsys, "open", typo_case)
    assert code == 0 and len(_warnings(err)) == 3
    assert started and started[0].passages_not_found


@pytest.mark.parametrize(("suffix", "marks"), [(".md", 1), (".html", 2)])
def test_report_marks_the_quote(capsys, typo_case: Path, tmp_path: Path, suffix: str, marks: int) -> None:
    """The baseline cell citing it (and, in HTML, the option's description)
    says so; Markdown's table of options marks it inline."""
    output = tmp_path / f"report{suffix}"
    code, _, err = run(capsys, "report", typo_case, "-o", output, "--samples", "0")
    assert code == 0 and len(_warnings(err)) == 3
    text = output.read_text(encoding="utf-8")
    assert text.count("Not found in the document: check the quote.") == marks
    assert suffix == ".html" or text.count("(not found in the document)") == 1
    assert "healthcare R&amp;DD" in text or "healthcare R&DD" in text


def test_the_loaded_case_carries_what_was_not_found(typo_case: Path) -> None:
    loaded = load_case(typo_case)
    pharma = loaded.case.scores["pharma"]["competence"].source
    assert pharma is not None and not loaded.passage_found(pharma.document, pharma.passage)
    other = loaded.case.scores["megascience"]["competence"].source
    assert other is not None and loaded.passage_found(other.document, other.passage)
    assert len(loaded.passages_not_found) == 1 and len(loaded.warnings) == 3
    assert all(w.severity == "warning" and w.line for w in loaded.warnings)


def test_an_error_elsewhere_still_fails_and_lists_the_warnings(capsys, typo_case: Path) -> None:
    text = typo_case.read_text()
    typo_case.write_text(text.replace("      value: 4\n", "      value: 9\n", 1))
    code, out, err = run(capsys, "score", typo_case)
    assert code == 2 and out == ""
    assert "value 9 is outside the scale" in err and len(_warnings(err)) == 3
