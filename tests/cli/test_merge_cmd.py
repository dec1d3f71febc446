"""`assess merge`: the example's files merge into a valid team case; bad
inputs exit with code 2 and name the file (and the position) at fault."""

from __future__ import annotations

import argparse
import copy
import os
import shutil
from pathlib import Path

import pytest

from assess import cli
from assess.cli import merge_cmd
from assess.io.casefile import case_data, load_case
from assess.io.yamlwrite import dump_yaml
from tests.conftest import ROOT, small_case_data

EXAMPLE = ROOT / "cases" / "team_example"
INPUTS = [str(EXAMPLE / f"{n}.yaml") for n in ("anna", "boris", "chen")]


def assess(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run `assess merge ...` (through the real entry point once "merge" is wired)."""
    if "merge" in cli.COMMANDS:
        code = cli.main(list(argv))
    else:
        parser = argparse.ArgumentParser(prog="assess")
        merge_cmd.add_parser(parser.add_subparsers(dest="command"))
        code = cli._run(parser.parse_args(list(argv)))
    out, err = capsys.readouterr()
    return code, out, err


def test_merges_the_example(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_file = tmp_path / "team.yaml"
    code, out, err = assess(capsys, "merge", *INPUTS, "-o", str(out_file))
    assert code == 0, err
    assert "merged 3 assessors (anna, boris, chen)" in out
    assert "weights: the files' weights differ: each assessor keeps their own, and the team's " in out
    assert "the mean of the 3 assessors' normalised weights (team.weights: mean)" in out
    # paths rebased: the catalogue and sources are found (from a folder outside
    # the project: allowed with a root that holds both)
    root = Path(os.path.commonpath([tmp_path, ROOT]))
    merged = load_case(out_file, root=root)
    committed = load_case(EXAMPLE / "team.yaml")
    assert merged.case.assessors == committed.case.assessors
    assert out_file.read_text().startswith("# A team case merged by `assess merge` from anna.yaml")
    assert cli.main(["check", "--root", str(root), str(out_file)]) == 0
    assert cli.main(["score", "--root", str(root), str(out_file), "--assessor", "boris"]) == 0


def test_writes_the_committed_file_again(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Merged beside the inputs, the output is byte for byte the committed team.yaml."""
    folder = tmp_path / "cases" / "team_example"
    folder.mkdir(parents=True)
    for name in ("anna", "boris", "chen"):
        shutil.copy2(EXAMPLE / f"{name}.yaml", folder)
    shutil.copy2(ROOT / "criteria.yaml", tmp_path)
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    files = [str(folder / f"{n}.yaml") for n in ("anna", "boris", "chen")]
    assert assess(capsys, "merge", *files, "-o", str(folder / "team.yaml"))[0] == 0
    assert (folder / "team.yaml").read_text() == (EXAMPLE / "team.yaml").read_text()


def test_names_give_the_ids(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_file = tmp_path / "t.yaml"
    code, _, err = assess(capsys, "merge", *INPUTS, "-o", str(out_file), "--names", "a1,b2,c3")
    assert code == 0, err
    root = Path(os.path.commonpath([tmp_path, ROOT]))
    assert list(load_case(out_file, root=root).case.assessors) == ["a1", "b2", "c3"]


@pytest.mark.parametrize(
    ("names", "message"),
    [
        ("anna,anna,chen", "assessor id 'anna' is also"),
        ("anna,boris", "--names gives 2 ids for 3 files"),
        ("anna,bo ris,chen", "'bo ris' is not a valid assessor id"),
    ],
)
def test_bad_names(capsys: pytest.CaptureFixture[str], tmp_path: Path, names: str, message: str) -> None:
    code, _, err = assess(capsys, "merge", *INPUTS, "-o", str(tmp_path / "t.yaml"), "--names", names)
    assert code == 2 and message in err
    assert not (tmp_path / "t.yaml").exists()


def test_refuses_one_file_an_existing_output_and_an_input_as_output(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = assess(capsys, "merge", INPUTS[0], "-o", str(tmp_path / "t.yaml"))
    assert code == 2 and "two or more case files" in err
    existing = tmp_path / "t.yaml"
    existing.write_text("keep me")
    code, _, err = assess(capsys, "merge", *INPUTS, "-o", str(existing))
    assert code == 2 and "exists; use --force" in err and existing.read_text() == "keep me"
    assert assess(capsys, "merge", *INPUTS, "-o", str(existing), "--force")[0] == 0
    code, _, err = assess(capsys, "merge", *INPUTS, "-o", INPUTS[1], "--force")
    assert code == 2 and "is one of the inputs" in err


def write(path: Path, data: dict) -> str:
    path.write_text(dump_yaml(data), encoding="utf-8")
    return str(path)


def line_of(path: str, text: str) -> int:
    return next(i for i, line in enumerate(Path(path).read_text().splitlines(), 1) if text in line)


def test_mismatched_options_and_criteria(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a = write(tmp_path / "a.yaml", small_case_data())
    extra = small_case_data()
    extra["options"].append({"id": "cc", "name": "CC"})
    extra["scores"]["cc"] = copy.deepcopy(extra["scores"]["c"])
    b = write(tmp_path / "b.yaml", extra)
    missing = small_case_data()
    missing["criteria"]["use"].remove("risk")
    c = write(tmp_path / "c.yaml", missing)
    code, _, err = assess(capsys, "merge", a, b, c, "-o", str(tmp_path / "t.yaml"))
    assert code == 2
    lines = err.splitlines()
    assert (
        f"{b}:{line_of(b, '- id: cc')}:9: option 'cc' is not in {a} (did you mean 'c'?) (at options[3].id)"
        in lines
    )
    assert f"{c}:{line_of(c, '- gain')}:5: missing criterion 'risk' that {a} has (at criteria.use)" in lines
    assert not (tmp_path / "t.yaml").exists()


def test_a_file_that_does_not_load(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [unclosed\n")
    code, _, err = assess(capsys, "merge", INPUTS[0], str(bad), "-o", str(tmp_path / "t.yaml"))
    assert code == 2 and str(bad) in err


def test_merged_data_equals_the_core_merge(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from assess.merge import Contribution, merge_cases

    out_file = tmp_path / "team.yaml"
    assert assess(capsys, "merge", *INPUTS, "-o", str(out_file))[0] == 0
    found = [Contribution(load_case(p), Path(p).stem, Path(p).stem) for p in INPUTS]
    root = Path(os.path.commonpath([tmp_path, ROOT]))
    assert case_data(load_case(out_file, root=root).case) == case_data(merge_cases(found, tmp_path).case)


def test_the_team_rule_is_chosen_written_and_said(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--team-weights geometric with direct points: written as team.weights,
    and both merge and check say that the mean is used instead."""
    out_file = tmp_path / "team.yaml"
    root = Path(os.path.commonpath([tmp_path, ROOT]))
    code, out, err = assess(capsys, "merge", *INPUTS, "-o", str(out_file), "--team-weights", "median")
    assert code == 0 and "the median of the 3 assessors' normalised weights (team.weights: median)" in out
    assert load_case(out_file, root=root).case.team.weights == "median"
    code, out, err = assess(
        capsys, "merge", *INPUTS, "-o", str(out_file), "--team-weights", "geometric", "--force"
    )
    assert code == 0 and "(geometric needs every assessor's AHP judgements)" in out
    assert cli.main(["check", "--root", str(root), str(out_file)]) == 0
    assert "warning: team weights 'geometric' combine AHP pairwise judgements" in capsys.readouterr().err
