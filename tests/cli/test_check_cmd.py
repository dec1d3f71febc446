"""`assess check`: everything shipped is ok; broken and hostile files get one
clear `FILE:LINE:COL: message` per problem and exit code 2, never a traceback."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from assess.cli import main
from tests.conftest import CATALOGUE, DEFAULT_CASE, ROOT


def check(capsys: pytest.CaptureFixture[str], *paths: Path | str) -> tuple[int, str]:
    code = main(["check", *map(str, paths)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_everything_shipped_is_ok(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = check(capsys, CATALOGUE, ROOT / "cases")
    assert code == 0, out
    assert out.count(": ok") >= 3


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """A copy of the bundled layout, so a case can refer to ../criteria.yaml."""
    shutil.copy(CATALOGUE, tmp_path / "criteria.yaml")
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    (tmp_path / "cases").mkdir()
    shutil.copy(DEFAULT_CASE, tmp_path / "cases" / "case.yaml")
    return tmp_path


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, count))


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def test_score_off_scale_names_line_and_column(capsys, workdir: Path) -> None:
    case = workdir / "cases" / "case.yaml"
    text = case.read_text()
    m = re.search(r"\n( +)value: (\d+(?:\.\d+)?)\n", text)
    assert m
    line = text[: m.start() + 1].count("\n") + 1
    case.write_text(text[: m.start()] + f"\n{m.group(1)}value: 9\n" + text[m.end() :])
    code, out = check(capsys, case)
    assert code == 2
    assert f"case.yaml:{line}:{len(m.group(1)) + 8}: value 9 is outside the scale" in out


def test_mistyped_ids_get_did_you_mean(capsys, workdir: Path) -> None:
    case = workdir / "cases" / "case.yaml"
    edit(case, "  pharma:\n", "  pharmma:\n")
    edit(case, "- id: megascience", "- id: megascience\n    nmae: typo")
    code, out = check(capsys, case)
    assert code == 2
    assert "unknown option 'pharmma' (did you mean 'pharma'?)" in out
    assert "unknown key 'nmae' (did you mean 'name'?)" in out
    assert "option 'pharma' has no score" in out
    assert "Traceback" not in out


def test_weights_negative_or_all_zero(capsys, workdir: Path) -> None:
    data = (
        "title: t\ncriteria:\n  use: [a]\n  local:\n"
        "    - {id: a, name: A, family: driver, direction: benefit}\n"
        "options:\n  - {id: x, name: X}\nweights:\n  points: {a: %s}\nscores:\n  x: {a: {value: 1}}\n"
    )
    f = workdir / "w.yaml"
    f.write_text(data % "-1")
    code, out = check(capsys, f)
    assert code == 2 and "w.yaml:9:" in out and "negative" in out
    f.write_text(data % "0")
    code, out = check(capsys, f)
    assert code == 2 and "w.yaml:9:" in out and "0 points" in out


HOSTILE = {
    "bomb.yaml": "a: &a [x, x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)},"
        f" *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9)
    ),
    "deep.yaml": "[" * 5000 + "]" * 5000,
    "tag.yaml": "title: !!python/object/apply:os.system ['echo pwned']\n",
    "dup.yaml": "title: a\ntitle: b\n",
    "nan.yaml": "title: t\ncriteria: {use: [a], local: "
    "[{id: a, name: A, family: driver, direction: benefit}]}\n"
    "options: [{id: x, name: X}]\nscores: {x: {a: {value: .nan}}}\n",
    "tabs.yaml": "title: t\ncriteria:\n\tuse: [a]\n",
    "scalar.yaml": "just a string\n",
    "empty.yaml": "",
    "list.yaml": "- 1\n- 2\n",
    "unclosed.yaml": 'title: "never closed\n',
    "format.yaml": "format: 7\ntitle: t\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_files(capsys, tmp_path: Path, name: str) -> None:
    f = tmp_path / name
    f.write_text(HOSTILE[name])
    code, out = check(capsys, f)
    assert code == 2
    assert re.search(rf"{re.escape(name)}:\d+:\d+: \S", out), out
    assert "Traceback" not in out and "internal error" not in out


def test_not_utf8_and_huge(capsys, tmp_path: Path) -> None:
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes(b"title: ok\ndescription: caf\xe9\n")
    code, out = check(capsys, bad)
    assert code == 2 and "latin1.yaml:2:" in out
    huge = tmp_path / "huge.yaml"
    huge.write_bytes(b"a: " + b"x" * (6 * 1024 * 1024) + b"\n")
    code, out = check(capsys, huge)
    assert code == 2 and "huge.yaml" in out


def test_folder_with_good_and_bad(capsys, workdir: Path) -> None:
    (workdir / "cases" / "bad.yaml").write_text("title: [\n")
    code, out = check(capsys, workdir / "cases")
    assert code == 2
    assert "case.yaml: ok" in out and "bad.yaml:" in out


def test_passage_not_in_document(capsys, workdir: Path) -> None:
    case = workdir / "cases" / "case.yaml"
    text = case.read_text()
    m = re.search(r'passage: (["\']?)(.+)\1\n', text)
    assert m
    case.write_text(text[: m.start()] + 'passage: "words the brief never wrote"\n' + text[m.end() :])
    code, out = check(capsys, case)
    assert code == 2 and "passage not found in" in out


# -- every problem in one run (issue 8) -----------------------------------------


def test_every_problem_of_a_file_in_one_run(capsys, workdir: Path) -> None:
    """A mistyped key, a value of the wrong type, a value off its scale and a
    quote not in its document: all four in the first run, each at its line."""
    case = workdir / "cases" / "case.yaml"
    edit(case, "    name: AI for megascience", "    nmae: AI for megascience")
    edit(case, "      value: 4\n", "      value: high\n")
    edit(case, "      value: 4\n", "      value: 9\n")
    edit(case, "the accent on human health makes", "the accent on human heath makes")
    code, out = check(capsys, case)
    assert code == 2, out
    assert f"case.yaml:{line_of(case, 'nmae:')}:11: unknown key 'nmae' (did you mean 'name'?)" in out
    assert f"case.yaml:{line_of(case, 'value: high')}:14: input should be a valid number" in out
    assert f"case.yaml:{line_of(case, 'value: 9')}:14: value 9 is outside the scale" in out
    assert f"case.yaml:{line_of(case, 'human heath')}:" in out and "passage not found" in out
    assert "Traceback" not in out


def test_what_a_mistyped_key_holds_is_checked_too(capsys, workdir: Path) -> None:
    """`scroes:` is read as the `scores:` it means: a value off the scale under
    it is reported at its own line, and no option is said to lack scores."""
    case = workdir / "cases" / "case.yaml"
    edit(case, "\nscores:\n", "\nscroes:\n")
    edit(case, "      value: 4\n", "      value: 9\n")
    code, out = check(capsys, case)
    assert code == 2
    assert "unknown key 'scroes' (did you mean 'scores'?)" in out
    assert f"case.yaml:{line_of(case, 'value: 9')}:14: value 9 is outside the scale" in out
    assert "scroes.megascience" in out and "has no score" not in out


@pytest.mark.parametrize(
    ("old", "new", "echo"),
    [
        ("      value: 4\n", "      value: high\n", "has no score"),  # the cell still counts
        ("      value: 4\n", "      vaule: 4\n", "missing key 'value'"),  # the typo says it
        ("    competence: 90\n", "    competence: lots\n", "no weight for"),
        ("    competence:\n      value: 4\n", "    competence: 4\n    unused:\n      value: 4\n", "has no"),
    ],
)
def test_a_broken_part_is_reported_once(capsys, workdir: Path, old: str, new: str, echo: str) -> None:
    """What the checks would say only because a broken part was left out (a
    cell missing, a weight missing) is not said: one problem, one message."""
    case = workdir / "cases" / "case.yaml"
    edit(case, old, new)
    code, out = check(capsys, case)
    assert code == 2
    assert echo not in out, out
    assert len([line for line in out.splitlines() if "case.yaml:" in line]) <= 2, out


def test_catalogue_and_case_problems_in_one_run(capsys, workdir: Path) -> None:
    """An unknown key in the catalogue does not hide the case's own problems."""
    edit(workdir / "criteria.yaml", "  - id: competence\n", "  - id: competence\n    colour: red\n")
    case = workdir / "cases" / "case.yaml"
    edit(case, "      value: 4\n", "      value: 7\n")
    code, out = check(capsys, case)
    assert code == 2
    assert "criteria.yaml:" in out and "unknown key 'colour'" in out
    assert f"case.yaml:{line_of(case, 'value: 7')}:14: value 7 is outside the scale" in out


def test_a_broken_definition_is_not_echoed_by_its_uses(capsys, workdir: Path) -> None:
    """A catalogue criterion that cannot be read is reported there, not again
    at each score and weight of the case that uses it."""
    text = (workdir / "criteria.yaml").read_text()
    first = text.index("  - id: competence\n")
    direction = text.index("direction: benefit", first)
    (workdir / "criteria.yaml").write_text(text[:direction] + "direction: upward" + text[direction + 18 :])
    code, out = check(capsys, workdir / "cases" / "case.yaml")
    assert code == 2
    assert "input should be 'benefit' or 'cost', got 'upward'" in out
    assert "competence'" not in out.split("got 'upward'")[1], out
