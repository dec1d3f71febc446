"""A case saved elsewhere still finds what it cites: `save_case` refuses a
folder where its relative paths break, `save_copy` brings the catalogue and
documents along in the same tree shape, and the copy loads and checks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assess.cli import main
from assess.files.casecopy import copy_problem, save_copy
from assess.files.casefile import CitationsLost, load_case, save_case
from tests.conftest import DEFAULT_CASE, ROOT


def _edited(path: Path):  # noqa: ANN202 - (LoadedCase, Case)
    loaded = load_case(path)
    return loaded, loaded.case.model_copy(update={"title": "Edited elsewhere"})


def _workspace(root: Path) -> Path:
    (root / "cases").mkdir(parents=True)
    shutil.copy2(DEFAULT_CASE, root / "cases" / DEFAULT_CASE.name)
    shutil.copy2(ROOT / "criteria.yaml", root / "criteria.yaml")
    shutil.copytree(ROOT / "sources", root / "sources")
    return root / "cases" / DEFAULT_CASE.name


def test_save_as_into_a_folder_where_the_citations_break_is_refused(tmp_path: Path) -> None:
    """`../criteria.yaml` from tmp/elsewhere is not the catalogue: refused, nothing written."""
    loaded, case = _edited(_workspace(tmp_path / "ws"))
    target = tmp_path / "elsewhere" / "mine.yaml"
    target.parent.mkdir()
    with pytest.raises(CitationsLost, match=r"would not find \.\./criteria\.yaml"):
        save_case(loaded, case, target)
    assert not target.exists()


def test_save_as_into_a_sibling_folder_keeps_the_case_loadable(tmp_path: Path) -> None:
    """From ws/drafts/ the same `../criteria.yaml` and `../sources/` resolve: allowed."""
    loaded, case = _edited(_workspace(tmp_path))
    target = tmp_path / "drafts" / "mine.yaml"
    target.parent.mkdir()
    saved = save_case(loaded, case, target)
    assert saved.path == target and load_case(target).case == case


def test_a_different_catalogue_of_the_same_name_is_refused(tmp_path: Path) -> None:
    loaded, case = _edited(_workspace(tmp_path / "ws"))
    other = tmp_path / "other"
    (other / "cases").mkdir(parents=True)
    (other / "criteria.yaml").write_text("criteria: []\n")
    with pytest.raises(CitationsLost):
        save_case(loaded, case, other / "cases" / "mine.yaml")


def test_save_copy_brings_what_the_case_cites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loaded, case = _edited(DEFAULT_CASE)
    folder = tmp_path / "work"
    copy = save_copy(loaded, case, folder)
    assert copy.path == folder / "cases" / "ai_cooperation.yaml" and copy.case is case
    assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()) == [
        "cases/ai_cooperation.yaml",
        "criteria.yaml",
        "sources/000_f2c59601cf2739f5.txt",
        "sources/001_411416a25dd1d481.txt",
    ]
    assert load_case(copy.path).case == case
    assert copy.catalogue is not None and copy.catalogue.path == folder / "cases" / ".." / "criteria.yaml"
    assert main(["check", str(folder)]) == 0, capsys.readouterr().err


def test_save_copy_reuses_identical_files_and_refuses_different_ones(tmp_path: Path) -> None:
    loaded, case = _edited(DEFAULT_CASE)
    folder = tmp_path / "work"
    save_copy(loaded, case, folder)
    assert "exists; open it" in str(copy_problem(loaded, folder))
    second = save_copy(loaded, case, folder, name="second.yaml")  # criteria and sources are the same
    assert second.path.name == "second.yaml"
    (folder / "criteria.yaml").write_text("# changed\n" + (folder / "criteria.yaml").read_text())
    problem = copy_problem(loaded, folder, "third.yaml")
    assert problem is not None and "criteria.yaml exists and differs" in problem
    with pytest.raises(FileExistsError):
        save_copy(loaded, case, folder, name="third.yaml")
    assert not (folder / "cases" / "third.yaml").exists()


def test_save_case_keeps_a_byte_order_mark_and_the_mode(tmp_path: Path) -> None:
    """Loading reads past a UTF-8 BOM; saving the case puts it back (issue 9)."""
    case = _workspace(tmp_path)
    case.write_bytes(b"\xef\xbb\xbf" + case.read_bytes())
    case.chmod(0o640)
    loaded, edited = _edited(case)
    save_case(loaded, edited)
    assert case.read_bytes().startswith(b"\xef\xbb\xbf# Default case of `assess`")
    assert load_case(case).case == edited and (case.stat().st_mode & 0o777) == 0o640
