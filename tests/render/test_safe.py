"""Text from a case is text (issue 9): control characters in names never
reach the terminal from `score`, `sensitivity`, `compare`, `team`; CSV cells
that a spreadsheet would run as formulas are neutralised (OWASP), numbers
stay numbers."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from pathlib import Path

import pytest
import yaml

from assess.cli import main
from assess.cli.common import emit, load_view
from assess.render.safe import csv_cell, printable
from tests.conftest import DEFAULT_CASE, small_case_data

ESCAPES = "\x1b]0;pwned\x07\x1b]52;c;ZWNobyBoaQ==\x07\x1b[2J\x9b31m\x9d8;;x\x9c\u202eevil\r\x08\x00"
"""Retitle the terminal, write the clipboard (OSC 52), clear the screen, C1
CSI and OSC, a bidi override, CR, BS, NUL."""
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def hostile_view(scenario: str | None = None):
    """The default case's view with control characters in every name, the
    title and the veto reasons: put in after loading, so that it does not
    matter whether the loader refuses them."""
    _, view = load_view(str(DEFAULT_CASE), scenario)
    options = tuple(o.model_copy(update={"name": f"{o.name}{ESCAPES}"}) for o in view.options)
    criteria = []
    for c in view.criteria:
        veto = c.veto.model_copy(update={"reason": f"why{ESCAPES}"}) if c.veto else None
        criteria.append(c.model_copy(update={"name": f"{c.name}{ESCAPES}", "veto": veto}))
    case = view.case.model_copy(update={"title": f"Title{ESCAPES}"})
    return dataclasses.replace(view, case=case, options=options, criteria=tuple(criteria))


def printed(capsys: pytest.CaptureFixture[str], text: str) -> str:
    emit(text)
    return capsys.readouterr().out


def test_printable_keeps_text_and_line_breaks() -> None:
    assert printable("a\tb\r\nc\x1b[2Jd\x9be\u202ef") == "a b\nc[2Jde" + "f"
    assert printable("Éléments — 4,5 % · “quotes” 中文") == "Éléments — 4,5 % · “quotes” 中文"


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv", "json"])
@pytest.mark.parametrize("method", ["wsm", "topsis"])
def test_score_renderings(capsys, fmt: str, method: str) -> None:
    from assess.core.scoring import score_method
    from assess.render.text.ranking import render_ranking

    result = score_method(hostile_view("2025"), method)
    out = printed(capsys, render_ranking(result, fmt, "case.yaml", 80))
    assert not FORBIDDEN.search(out)
    assert "Smart cities" in out and ("Title" in out or fmt == "csv")
    if fmt == "json":
        names = [e["name"] for e in json.loads(out)["ranking"]]
        assert all(n.endswith(ESCAPES) for n in names)  # escaped in the JSON, not lost


@pytest.mark.parametrize("fmt", ["table", "markdown", "json"])
def test_every_method_sensitivity_compare(capsys, fmt: str) -> None:
    from assess.core.compare.views import compare_views
    from assess.core.robustness.analysis import analyse
    from assess.core.scoring import score_method
    from assess.kernels.methods.errors import MethodError
    from assess.render.text.compare import ViewInfo
    from assess.render.text.compare_text import render_comparison
    from assess.render.text.methods import render_methods
    from assess.render.text.sensitivity import render_sensitivity

    base, later = hostile_view(), hostile_view("2025")
    results, failed = {}, {}
    for name in ("wsm", "wpm", "topsis", "promethee", "vikor"):
        try:
            results[name] = score_method(later, name)
        except MethodError as err:
            failed[name] = f"{err}{ESCAPES}"
    texts = [render_methods(results, failed, fmt, "f.yaml", 80)]
    texts.append(render_sensitivity(analyse(later, samples=100, seed=1), fmt, "f.yaml", 80))
    comp = compare_views([("2019", base), ("2025", later)])
    views = [ViewInfo("2019", "f.yaml", None, ESCAPES), ViewInfo("2025", "f.yaml", "2025", ESCAPES)]
    texts.append(render_comparison(comp, fmt, views, 80))
    for text in texts:
        out = printed(capsys, text)
        assert not FORBIDDEN.search(out)
        if fmt == "json":
            json.loads(out)


def test_team(capsys) -> None:
    from assess.core.disagreement import disagreement
    from assess.files.casefile import load_case
    from assess.render.text.team import render_team

    loaded = load_case(Path(DEFAULT_CASE).parent / "team_example" / "team.yaml")
    d = disagreement(loaded.case, loaded.catalogue_model)
    d = dataclasses.replace(
        d,
        options=tuple(o.model_copy(update={"name": o.name + ESCAPES}) for o in d.options),
        criteria=tuple(c.model_copy(update={"name": c.name + ESCAPES}) for c in d.criteria),
        assessors={k: v + ESCAPES for k, v in d.assessors.items()},
    )
    for fmt in ("table", "markdown", "json"):
        assert not FORBIDDEN.search(printed(capsys, render_team(d, fmt, "team.yaml", 10, 80)))


def _write(tmp_path: Path, data: dict) -> str:
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return str(path)


def test_commands_on_a_hostile_file(capsys, tmp_path: Path) -> None:
    """Through the real commands: a file with control characters either loads
    and prints safely, or is refused with a clear message; never raw."""
    data = small_case_data()
    data["title"] = f"Small{ESCAPES}"
    for o in data["options"]:
        o["name"] += ESCAPES
    data["criteria"]["local"][2]["veto"]["reason"] += ESCAPES
    path = _write(tmp_path, data)
    runs = [["score", path, "-f", f] for f in ("table", "csv", "markdown", "json")]
    runs += [["score", path, "-m", "all"], ["sensitivity", path, "-n", "50"], ["compare", path, path]]
    for argv in runs:
        code = main(argv)
        out, err = capsys.readouterr()
        assert code in (0, 2), err
        assert not FORBIDDEN.search(out) and not FORBIDDEN.search(err), argv


FORMULAS = ["=cmd|' /C calc'!A0", "+SUM(1)", "-2+3", "@SUM(A1)", "  =1+1"]


def test_csv_neutralises_formulas(capsys, tmp_path: Path) -> None:
    data = small_case_data()
    for o, name in zip(data["options"], FORMULAS, strict=False):
        o["name"] = name
    data["options"][0]["id"] = "a"
    data["criteria"]["local"][2]["name"] = '=HYPERLINK("http://x")'
    path = _write(tmp_path, data)
    assert main(["score", path, "--method", "promethee", "-f", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    names = [r["name"] for r in rows]
    assert sorted(names) == sorted(f"'{n}" for n in FORMULAS[:3])
    reasons = [r["reasons"] for r in rows if r["reasons"]]
    assert reasons and all(r.startswith("'") for r in reasons)
    scores = [float(r["score"]) for r in rows if r["score"]]  # PROMETHEE net flows: some negative
    assert any(s < 0 for s in scores)
    assert all(not r["score"].startswith("'") for r in rows)


def test_csv_cell() -> None:
    assert [csv_cell(x) for x in FORMULAS] == [f"'{x}" for x in FORMULAS]
    assert csv_cell("Pharma") == "Pharma" and csv_cell("a=b") == "a=b"
    assert csv_cell("\t=1+1") == "' =1+1"  # a tab is no way around it
