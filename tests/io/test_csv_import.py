"""The CSV importer. Issue 8: "`assess import` refuses a semicolon CSV with
decimal commas (the usual European spreadsheet export) with a misleading
header message: accept it (detect the delimiter, `--delimiter` to force).
Generic cost columns are labelled "5S": a family is only what the file says."
Issue 9: "A 1,000,000-row CSV: out of memory at 1 GiB ... Stream the CSV, with
a row limit stated in the message." "a CSV field over 128 KiB", "CSV problems
without line:col or all at 1:1", "a duplicate `@weight` row"."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hostile_helpers import MEMORY_LIMIT_MB, refusals, run_child

from assess.cli import main
from assess.errors import InputError
from assess.io.csv_import import MAX_OPTIONS, read_matrix

EUROPEAN = (
    "option;cost_share;security\n@direction;benefit;cost\n@weight;60;40\n@min;0;0\n@max;5;5\n"
    "Megascience;4,5;2\nPharma;3;1,25\n"
)


def imported(text: str, delimiter: str | None = None):  # noqa: ANN201
    return read_matrix(io.BytesIO(text.encode()), "m.csv", "m", delimiter)


def problems(text: str, delimiter: str | None = None) -> list[tuple[int, int, str]]:
    with pytest.raises(InputError) as info:
        imported(text, delimiter)
    return [(p.line, p.column, p.message) for p in info.value.problems]


def test_semicolons_and_decimal_commas(tmp_path: Path, capsys) -> None:
    case = imported(EUROPEAN)
    assert case.scores["megascience"]["cost_share"].value == 4.5
    assert case.scores["pharma"]["security"].value == 1.25
    src, out = tmp_path / "eu.csv", tmp_path / "eu.yaml"
    src.write_text(EUROPEAN, encoding="utf-8-sig")  # as Excel writes "CSV UTF-8"
    assert main(["import", str(src), "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["score", str(out), "--format", "json"]) == 0
    ranking = json.loads(capsys.readouterr().out)["ranking"]
    # values: megascience .6*(4.5/5) + .4*(1-2/5) = .78; pharma .6*.6 + .4*(1-.25) = .66
    assert [(e["option"], round(e["score"], 6)) for e in ranking] == [("megascience", 0.78), ("pharma", 0.66)]


@pytest.mark.parametrize("sep", ["\t", "|"])
def test_tab_and_pipe_are_detected(sep: str) -> None:
    case = imported(EUROPEAN.replace(";", sep))
    assert case.scores["pharma"]["security"].value == 1.25


def test_the_delimiter_can_be_forced() -> None:
    text = "Option;a\nX;1\nY;2\n".replace("Option", "name")  # no 'option' to detect from
    assert "(another delimiter? give it with --delimiter)" in problems(text)[0][2]
    assert problems(text, ";")[0][:2] == (1, 1)  # still no 'option' header
    assert imported("option;a\nX;1\nY;2\n", ";").criteria.use == ["a"]
    assert problems("option;a\nX;1,5\n", ",") == [
        (1, 1, "the header must be 'option,<criterion id>,...' (another delimiter? give it with --delimiter)")
    ]


def test_a_decimal_comma_between_commas_is_explained() -> None:
    [(line, col, message)] = problems('option,a\nX,"3,5"\n')
    assert (line, col) == (2, 2) and "decimal comma needs ';' or tab" in message


def test_a_family_is_only_what_the_file_says(tmp_path: Path, capsys) -> None:
    case = imported("option,gain,risk\n@direction,benefit,cost\nA,1,2\nB,2,1\n")
    assert [c.family for c in case.criteria.local] == ["other", "other"]
    src, out = tmp_path / "m.csv", tmp_path / "m.yaml"
    src.write_text("option,gain,risk\n@direction,benefit,cost\nA,1,2\nB,2,1\n")
    assert main(["import", str(src), "-o", str(out)]) == 0
    assert main(["score", str(out)]) == 0
    shown = capsys.readouterr().out
    assert "5S" not in shown and "Drivers" not in shown and "Other criteria" in shown
    said = imported("option,gain,risk\n@family,driver,risk\nA,1,2\nB,2,1\n")
    assert [c.family for c in said.criteria.local] == ["driver", "risk"]
    assert problems("option,a\n@family,5S\nA,1\n") == [
        (2, 2, "family must be driver or constraint or risk or other, not '5S'")
    ]


def test_a_second_weight_row_is_refused() -> None:
    assert problems("option,a\n@weight,1\nX,1\n@weight,2\nY,2\n") == [
        (4, 1, "a second '@weight' row (the first is on line 2)")
    ]


def test_a_field_over_128_kib_is_refused_at_its_line() -> None:
    [(line, col, message)] = problems('option,a\nX,1\nY,"' + "x" * 200_000 + '"\n')
    assert (line, col) == (3, 1) and "longer than" in message
    multi = 'option,a\nX,1\nY,"' + ("x" * 60_000 + "\n") * 4 + '"\n'  # one field over several lines
    [(line, col, message)] = problems(multi)
    assert (line, col) == (3, 1) and "CSV" in message


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        ("option,a,b\n@min,0,0\n@max,5,5\nX,1,9\n", (4, 3), "outside 0..5"),
        ("option,a,b\n@weight,1,-2\nX,1,2\n", (2, 3), "negative"),
        ("option,a,b\n@weight,0,0\nX,1,2\n", (2, 2), "every weight is zero"),
        ("option,a,b\n@min,3,0\n@max,1,5\nX,2,2\n", (3, 2), "greater than its min"),
        ("option,a,b\nX,1,2\n\x1b[2J,1,2\n", (3, 1), "control character"),
        ("option,a,b\nX,1,2\n,1,2\n", (3, 1), "needs a name"),
        ("option,a,b\nX,1,1e16\n", (2, 3), "too large"),
        ("option,a,b\nX,1,1_0\n", (2, 3), "not a number"),
        ("option,a,a b\nX,1,2\n", (1, 3), "criterion id"),
        ("option,a\nX,1\nY,caf\xe9\n".encode("latin-1").decode("utf-8", "surrogateescape"), (3, 2), "UTF-8"),
    ],
)
def test_every_problem_has_its_line_and_cell(text: str, where: tuple[int, int], what: str) -> None:
    data = text.encode("utf-8", "surrogateescape")
    with pytest.raises(InputError) as info:
        read_matrix(io.BytesIO(data), "m.csv", "m")
    found = [(p.line, p.column, p.message) for p in info.value.problems]
    assert any((line, col) == where and what in msg for line, col, msg in found), found


def test_a_million_rows_are_refused_at_the_limit_within_memory(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    with open(big, "w") as f:
        f.write("option,a,b,c\n@direction,benefit,cost,benefit\n")
        f.writelines(f"option {i},{i % 5},{i % 3},{i % 7}\n" for i in range(1_000_000))
    child = run_child("import", str(big), "-o", str(tmp_path / "big.yaml"))
    assert child.code == 2 and child.peak_mb < MEMORY_LIMIT_MB, child
    [(_, line, col, message)] = refusals(child.err)
    assert (line, col) == (MAX_OPTIONS + 3, 1) and f"{MAX_OPTIONS:,}" in message
    assert not (tmp_path / "big.yaml").exists()


def test_an_imported_matrix_at_the_limits_loads_again(tmp_path: Path, capsys) -> None:
    """What the importer accepts, the loader takes back: 200 options x 100 criteria."""
    ids = [f"c{j}" for j in range(100)]
    rows = [f"o{i}," + ",".join(str((i * j) % 6) for j in range(100)) for i in range(200)]
    src, out = tmp_path / "m.csv", tmp_path / "m.yaml"
    src.write_text("option," + ",".join(ids) + "\n" + "\n".join(rows) + "\n")
    assert main(["import", str(src), "-o", str(out)]) == 0
    assert main(["check", str(out)]) == 0, capsys.readouterr()


def test_the_delimiter_option_of_the_command(tmp_path: Path, capsys) -> None:
    src, out = tmp_path / "m.csv", tmp_path / "m.yaml"
    src.write_text("Alternative;a;b\nX;1,5;2\nY;2;1\n".replace("Alternative", "option"))
    assert main(["import", str(src), "-o", str(out), "--delimiter", "semicolon"]) == 0
    assert main(["import", str(src), "-o", str(out), "--force", "-d", ","]) == 2
    assert "m.csv:1:1: the header must be 'option,<criterion id>,...'" in capsys.readouterr().err
