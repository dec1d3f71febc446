"""Saving, changes made on disk meanwhile, and quitting with unsaved changes.

Each test works on a copy of the default case with its catalogue and sources
(`cases/…`, `criteria.yaml`, `sources/`), so the relative paths hold."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from assess.files.casefile import load_case
from assess.tui.present import clip
from assess.tui.screens.conflict import ConflictScreen
from assess.tui.screens.main import WIDE_NAMES, MainScreen
from assess.tui.screens.quit_confirm import QuitConfirm
from assess.tui.state import view_state
from assess.tui.titlebar import shown_path
from tests.tui.tui_helpers import RecordingApp, copy_workspace, ranking_names

SIZE = (120, 40)
EXTERNAL = "# a colleague's note, saved while the case was open\n"


async def _edit_regulation(pilot) -> None:  # noqa: ANN001 - textual's Pilot
    """Regulation's competence one step up."""
    await pilot.press("down", "down", "down", "plus")


async def test_save_writes_what_the_screen_shows(workspace_case: Path) -> None:
    """After an edit and ctrl+s, the file loads back to the case on screen and
    ranks as the screen ranks; the modified marker goes."""
    loaded = load_case(workspace_case)
    app = RecordingApp([loaded])
    async with app.run_test(size=SIZE) as pilot:
        await _edit_regulation(pilot)
        assert "●" in app.sub_title
        shown = ranking_names(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.messages[-1] == f"Saved {shown_path(workspace_case)}."  # the path, not just a name
        assert "●" not in app.sub_title and not app.dirty
    again = load_case(workspace_case)
    value = loaded.case.scores["regulation"]["competence"].value + 0.5
    assert again.case.scores["regulation"]["competence"].value == value
    assert again.case == app.case
    result = view_state(again.case, again.catalogue_model, None).result
    assert [clip(r.name, WIDE_NAMES) for r in result.ranking if not r.excluded] == shown


async def test_a_file_changed_on_disk_is_not_clobbered(workspace_case: Path) -> None:
    """ctrl+s after someone else changed the file asks what to do and leaves the
    file alone; saving under another name keeps both versions."""
    app = RecordingApp([load_case(workspace_case)])
    async with app.run_test(size=SIZE) as pilot:
        await _edit_regulation(pilot)
        with workspace_case.open("a", encoding="utf-8") as f:
            f.write(EXTERNAL)
        theirs = workspace_case.read_text(encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConflictScreen)
        assert workspace_case.read_text(encoding="utf-8") == theirs
        assert app.screen.query_one("#name", Input).value == "ai_cooperation.mine.yaml"
        await pilot.click("#save_as")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    mine = workspace_case.with_name("ai_cooperation.mine.yaml")
    assert workspace_case.read_text(encoding="utf-8") == theirs
    assert load_case(mine).case == app.case
    assert app.loaded.path == mine and "ai_cooperation.mine.yaml" in app.sub_title


async def test_overwrite_after_a_conflict_is_explicit(workspace_case: Path) -> None:
    app = RecordingApp([load_case(workspace_case)])
    async with app.run_test(size=SIZE) as pilot:
        await _edit_regulation(pilot)
        with workspace_case.open("a", encoding="utf-8") as f:
            f.write(EXTERNAL)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.click("#overwrite")
        await pilot.pause()
        assert not app.dirty
    assert EXTERNAL not in workspace_case.read_text(encoding="utf-8")
    assert load_case(workspace_case).case == app.case


async def test_reload_after_a_conflict_keeps_the_edits_one_undo_away(workspace_case: Path) -> None:
    original = load_case(workspace_case)
    app = RecordingApp([original])
    async with app.run_test(size=SIZE) as pilot:
        await _edit_regulation(pilot)
        edited = app.case
        with workspace_case.open("a", encoding="utf-8") as f:
            f.write(EXTERNAL)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.click("#reload")
        await pilot.pause()
        assert app.case == original.case and not app.dirty
        assert app.messages[-1].startswith("Reloaded ai_cooperation.yaml from disk")
        await pilot.press("ctrl+z")
        assert app.case is edited and app.dirty
    assert workspace_case.read_text(encoding="utf-8").endswith(EXTERNAL)


async def test_save_as_refuses_a_name_that_exists(workspace_case: Path) -> None:
    app = RecordingApp([load_case(workspace_case)])
    async with app.run_test(size=SIZE) as pilot:
        await _edit_regulation(pilot)
        workspace_case.write_text(workspace_case.read_text(encoding="utf-8") + EXTERNAL, encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.screen.query_one("#name", Input).value = workspace_case.name
        await pilot.click("#save_as")
        assert isinstance(app.screen, ConflictScreen)
        assert "exists; choose another name" in str(app.screen.query_one("#error").content)


async def test_quit_with_unsaved_changes_asks_first(workspace_case: Path) -> None:
    """ctrl+q asks; cancel keeps the app; discard quits without writing."""
    before = workspace_case.read_text(encoding="utf-8")
    app = RecordingApp([load_case(workspace_case)])
    async with app.run_test(size=SIZE) as pilot:
        await _edit_regulation(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitConfirm)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#discard")
        await pilot.pause()
    assert not app.is_running and app.return_code == 0
    assert workspace_case.read_text(encoding="utf-8") == before


async def test_quit_can_save_first(workspace_case: Path) -> None:
    app = RecordingApp([load_case(workspace_case)])
    async with app.run_test(size=SIZE) as pilot:
        await _edit_regulation(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#save")
        await pilot.pause()
    assert not app.is_running
    assert load_case(workspace_case).case == app.case


async def test_quit_without_changes_does_not_ask(default_loaded) -> None:  # noqa: ANN001
    app = RecordingApp([default_loaded])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running and app.return_code == 0


async def test_a_save_held_up_by_another_writer_says_so(workspace_case: Path, monkeypatch) -> None:  # noqa: ANN001
    """Another process holding the file's lock (saving it) is a clear message
    within the timeout, not a frozen UI; the file is left alone."""
    import subprocess
    import sys

    from assess.files import filelock

    monkeypatch.setattr(filelock, "LOCK_TIMEOUT", 0.3)
    hold = (
        "import sys, time; from pathlib import Path; from assess.files.filelock import locked\n"
        "with locked(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(30)\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", hold, str(workspace_case)], stdout=subprocess.PIPE, text=True
    )
    before = workspace_case.read_bytes()
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        app = RecordingApp([load_case(workspace_case)])
        async with app.run_test(size=SIZE) as pilot:
            await _edit_regulation(pilot)
            await pilot.press("ctrl+s")
            for _ in range(50):  # the lock is waited for 0.3 s, then the save gives up
                await pilot.pause(0.1)
                if app.messages and "another program" in app.messages[-1]:
                    break
            assert "is being saved by another program" in app.messages[-1] and app.dirty
    finally:
        holder.kill()
        holder.wait()
    assert workspace_case.read_bytes() == before


async def test_a_file_name_with_brackets_is_text_in_the_conflict_dialog(tmp_path: Path) -> None:
    """`[red]` in a file name used to be read as markup by the dialog (and vanish)."""
    import shutil

    case = tmp_path / "cases" / "draft [red].yaml"
    copy_workspace(tmp_path)
    shutil.move(tmp_path / "cases" / "ai_cooperation.yaml", case)
    app = RecordingApp([load_case(case)])
    async with app.run_test(size=SIZE) as pilot:
        await _edit_regulation(pilot)
        case.write_text(case.read_text(encoding="utf-8") + EXTERNAL, encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConflictScreen)
        texts = [str(w.render()) for w in app.screen.query("Static")]
        assert any(t.startswith("draft [red].yaml was changed") for t in texts)
