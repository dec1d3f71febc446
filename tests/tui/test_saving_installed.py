"""Saving the case installed with assess (issue 8): the installed files are
never written; ctrl+s asks for a folder and writes a copy there with the
catalogue and documents it cites, which loads and checks; the title bar says
which file is being edited.

The "installed" package is a temporary folder the bundle root points at, with
the same layout as `site-packages/assess/bundled/`."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from textual.widgets import Input

from assess.cli import main
from assess.files import bundled
from assess.files.casefile import load_case
from assess.tui.screens.main import MainScreen
from assess.tui.screens.quit_confirm import QuitConfirm
from assess.tui.screens.save_copy import SaveCopyScreen
from tests.tui.tui_helpers import RecordingApp, copy_workspace

SIZE = (120, 40)


def _tree(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The default case inside a fake installed package; the working folder is tmp/work."""
    root = tmp_path / "site-packages" / "assess" / "bundled"
    case = copy_workspace(root)
    monkeypatch.setattr(bundled, "installed_root", lambda: root)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return case


async def _edit(pilot) -> None:  # noqa: ANN001 - textual's Pilot
    await pilot.press("down", "down", "down", "plus")


async def test_ctrl_s_on_the_installed_case_asks_and_writes_a_copy(installed: Path) -> None:
    root = bundled.installed_root()
    before = _tree(root)
    app = RecordingApp([load_case(installed)])
    async with app.run_test(size=SIZE) as pilot:
        assert "(installed copy)" in app.sub_title
        await _edit(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SaveCopyScreen)
        assert app.screen.query_one("#folder", Input).value == str(Path.cwd())
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and not app.dirty
        copy = Path.cwd() / "cases" / "ai_cooperation.yaml"
        assert app.loaded.path == copy
        assert app.messages[-1].startswith("Saved a copy: cases/ai_cooperation.yaml")
        assert "installed" not in app.sub_title and "cases/ai_cooperation.yaml" in app.sub_title
        await _edit(pilot)
        await pilot.press("ctrl+s")  # the copy is now the file: saved without asking
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and not app.dirty
    assert _tree(root) == before  # the installed files never change
    assert sorted(_tree(Path.cwd())) == [
        "cases/ai_cooperation.yaml",
        "criteria.yaml",
        "sources/000_f2c59601cf2739f5.txt",
        "sources/001_411416a25dd1d481.txt",
    ]
    assert load_case(copy).case == app.case
    assert main(["check", str(Path.cwd())]) == 0


async def test_cancel_writes_nothing(installed: Path) -> None:
    before = _tree(bundled.installed_root())
    app = RecordingApp([load_case(installed)])
    async with app.run_test(size=SIZE) as pilot:
        await _edit(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.messages[-1] == "Not saved." and app.dirty
    assert _tree(bundled.installed_root()) == before and list(Path.cwd().iterdir()) == []


async def test_a_folder_with_other_files_of_the_same_name_is_refused(installed: Path) -> None:
    (Path.cwd() / "criteria.yaml").write_text("criteria: []\n")
    app = RecordingApp([load_case(installed)])
    async with app.run_test(size=SIZE) as pilot:
        await _edit(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SaveCopyScreen)
        error = str(app.screen.query_one("#error").content)
        assert "criteria.yaml exists and differs" in error
        folder = app.screen.query_one("#folder", Input)
        folder.value = "fresh"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    assert app.loaded.path == Path.cwd() / "fresh" / "cases" / "ai_cooperation.yaml"
    assert (Path.cwd() / "criteria.yaml").read_text() == "criteria: []\n"


async def test_a_folder_inside_the_installed_package_is_refused(installed: Path) -> None:
    app = RecordingApp([load_case(installed)])
    async with app.run_test(size=SIZE) as pilot:
        await _edit(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.screen.query_one("#folder", Input).value = str(bundled.installed_root())
        await pilot.press("enter")
        await pilot.pause()
        assert "inside the installed package" in str(app.screen.query_one("#error").content)


async def test_quit_and_save_on_the_installed_case_saves_the_copy(installed: Path) -> None:
    app = RecordingApp([load_case(installed)])
    async with app.run_test(size=SIZE) as pilot:
        await _edit(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitConfirm)
        await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, SaveCopyScreen)
        await pilot.press("enter")
        await pilot.pause()
    assert not app.is_running
    assert load_case(Path.cwd() / "cases" / "ai_cooperation.yaml").case == app.case


def test_the_default_case_is_the_working_folders_then_the_installed_one(
    installed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`cd /tmp && assess` opens the installed copy (never the site-packages
    folder above it); after `assess init .` it opens the working copy."""
    monkeypatch.setattr(bundled, "checkout_root", lambda: None)
    assert bundled.default_case_path() == installed
    assert main(["init", "."]) == 0
    assert bundled.default_case_path() == Path.cwd() / "cases" / "ai_cooperation.yaml"
