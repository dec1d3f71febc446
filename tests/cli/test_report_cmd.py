"""`assess report`: the output's extension picks the format, the file is
written whole and the same every time; bad input exits 2 and writes nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from assess.cli import main
from tests.conftest import DEFAULT_CASE


def run(*argv: str) -> int:
    """`assess report ARGV...` (the tests read its output files, not its streams)."""
    return main(["report", *argv])


def test_html_twice_byte_identical(tmp_path: Path) -> None:
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    assert run(str(DEFAULT_CASE), "-s", "2025", "-o", str(a), "--samples", "1000") == 0
    assert run(str(DEFAULT_CASE), "-s", "2025", "-o", str(b), "--samples", "1000") == 0
    assert a.read_bytes() == b.read_bytes()
    text = a.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "<script" not in text
    assert hashlib.sha256(DEFAULT_CASE.read_bytes()).hexdigest() in text
    assert "seed 1, 1,000 samples" in text
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left


@pytest.mark.parametrize(("name", "marker"), [("r.md", "# Areas of"), ("r.htm", "<!DOCTYPE html>")])
def test_extension_picks_the_format(tmp_path: Path, name: str, marker: str) -> None:
    out = tmp_path / name
    assert run(str(DEFAULT_CASE), "-o", str(out), "--samples", "0") == 0
    assert out.read_text(encoding="utf-8").startswith(marker)


def test_scenario_report_differs(tmp_path: Path) -> None:
    base, later = tmp_path / "base.md", tmp_path / "later.md"
    assert run(str(DEFAULT_CASE), "-o", str(base), "--samples", "200") == 0
    assert run(str(DEFAULT_CASE), "-s", "2025", "-o", str(later), "--samples", "200") == 0
    assert base.read_bytes() != later.read_bytes()
    assert "2025 re-assessment" in later.read_text(encoding="utf-8")


def test_seed_changes_only_the_monte_carlo(tmp_path: Path) -> None:
    one, two = tmp_path / "one.md", tmp_path / "two.md"
    assert run(str(DEFAULT_CASE), "-o", str(one), "--samples", "300", "--seed", "7") == 0
    assert run(str(DEFAULT_CASE), "-o", str(two), "--samples", "300", "--seed", "8") == 0
    a, b = (p.read_text(encoding="utf-8").split("## Ranking")[1].split("## Robustness") for p in (one, two))
    assert a[0] == b[0]  # the ranking, why and exclusions
    (a_rob, a_rest), (b_rob, b_rest) = (x[1].split("## The question") for x in (a, b))
    assert a_rob != b_rob
    assert a_rest.split("## Provenance")[0] == b_rest.split("## Provenance")[0]  # the question to the cells


def test_timestamp_flag(tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    assert run(str(DEFAULT_CASE), "-o", str(out), "--samples", "0", "--timestamp") == 0
    assert "| Generated | " in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["report.pdf", "report", "report.html.txt"])
def test_wrong_extension_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    out = tmp_path / name
    assert run(str(DEFAULT_CASE), "-o", str(out)) == 2
    assert "name the file .html, .htm, .md" in capsys.readouterr().err
    assert not out.exists()


def test_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(str(DEFAULT_CASE), "-o", str(tmp_path / "missing" / "r.html")) == 2
    assert "no such folder" in capsys.readouterr().err
    assert run(str(DEFAULT_CASE), "-s", "2052", "-o", str(tmp_path / "r.html")) == 2
    assert "no scenario '2052'" in capsys.readouterr().err
    assert run(str(tmp_path / "nope.yaml"), "-o", str(tmp_path / "r.html")) == 2
    assert not (tmp_path / "r.html").exists()


def test_replaces_an_existing_report(tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    out.write_text("old", encoding="utf-8")
    assert run(str(DEFAULT_CASE), "-o", str(out), "--samples", "0") == 0
    assert out.read_text(encoding="utf-8").startswith("# Areas of")
