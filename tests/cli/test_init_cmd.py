"""`assess init [DIR]`: the bundled cases, catalogue and sources copied into a
working folder in the same layout, so the copy checks; existing files that
differ are refused (exit 2, nothing written) unless --force (issue 8)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assess.cli import main
from assess.files import bundled
from assess.files.casefile import load_case
from tests.conftest import ROOT

BUNDLE = sorted(str(p.relative_to(ROOT)) for p in bundled.bundle_files(ROOT))


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_init_copies_the_bundle_and_the_copy_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    work = tmp_path / "team" / "work"
    assert main(["init", str(work)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"copied {len(BUNDLE)} files into {work}: criteria.yaml, cases/ (")
    assert f"assess {work / 'cases' / 'ai_cooperation.yaml'}" in out
    assert _files(work) == BUNDLE and "cases/team_example/team.yaml" in BUNDLE
    for name in BUNDLE:
        assert (work / name).read_bytes() == (ROOT / name).read_bytes()
    assert main(["check", str(work)]) == 0
    assert load_case(work / "cases" / "ai_cooperation.yaml").catalogue is not None


def test_init_again_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path)]) == 0
    capsys.readouterr()
    assert main(["init", str(tmp_path)]) == 0
    assert "already holds the bundled files; nothing copied" in capsys.readouterr().out


def test_init_refuses_files_that_differ(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A planner's edited case is never replaced, and a refusal writes nothing."""
    assert main(["init", str(tmp_path)]) == 0
    mine = tmp_path / "cases" / "ai_cooperation.yaml"
    mine.write_text(mine.read_text(encoding="utf-8") + "# my notes\n", encoding="utf-8")
    (tmp_path / "sources" / "README.md").unlink()
    capsys.readouterr()
    assert main(["init", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err == f"{mine}: exists and differs from the bundled copy; use --force to replace it\n"
    assert mine.read_text(encoding="utf-8").endswith("# my notes\n")
    assert not (tmp_path / "sources" / "README.md").exists()
    assert main(["init", str(tmp_path), "--force"]) == 0
    assert "copied 2 files" in capsys.readouterr().out
    assert _files(tmp_path) == BUNDLE and mine.read_bytes() == (ROOT / "cases" / mine.name).read_bytes()


def test_init_into_a_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("x")
    assert main(["init", str(target)]) == 2
    assert capsys.readouterr().err == f"{target}: is not a folder\n"


def test_init_copies_from_the_installed_package_and_never_writes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    installed = tmp_path / "site-packages" / "assess" / "bundled"
    installed.mkdir(parents=True)
    for name in bundled.BUNDLE:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, installed / name)  # type: ignore[operator]
    (installed / "cases" / "extra.yaml").write_bytes((ROOT / "cases" / "security_first.yaml").read_bytes())
    monkeypatch.setattr(bundled, "installed_root", lambda: installed)
    monkeypatch.setattr(bundled, "checkout_root", lambda: None)
    work = tmp_path / "work"
    assert main(["init", str(work)]) == 0
    assert (work / "cases" / "extra.yaml").is_file()  # from the installed copy, not the checkout
    capsys.readouterr()
    (work / "criteria.yaml").write_text("# mine\n")
    monkeypatch.setattr(bundled, "checkout_root", lambda: work)  # copy *into* the installed package
    assert main(["init", str(installed), "--force"]) == 2
    assert capsys.readouterr().err.startswith(f"{installed}: is inside the installed assess package")
    assert (installed / "criteria.yaml").read_bytes() == (ROOT / "criteria.yaml").read_bytes()
