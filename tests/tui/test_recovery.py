"""An unexpected error in the UI never loses edits (issue 9): before the app
exits, the unsaved case goes to `NAME.recovered.yaml` beside the file, or,
for the installed case (never written), to the user's data folder with what
it cites; the app says where. The file loads and holds the edit."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.binding import Binding

from assess.files import bundled
from assess.files.casefile import load_case
from assess.tui import app as app_module
from tests.tui.tui_helpers import RecordingApp, copy_workspace

SIZE = (120, 40)


class Boom(RuntimeError):
    pass


class CrashingApp(RecordingApp):
    """The App with a key whose handler fails, as a bug would."""

    BINDINGS = [Binding("f9", "explode", "Explode", id="explode")]

    def action_explode(self) -> None:
        raise Boom("a bug in a handler")


async def _edit_and_crash(app: CrashingApp) -> None:
    with pytest.raises(Boom):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("down", "down", "down", "plus")
            await pilot.press("f9")
            await pilot.pause()


async def test_a_crash_after_an_edit_writes_the_recovery_file(workspace_case: Path) -> None:
    original = workspace_case.read_bytes()
    app = CrashingApp([load_case(workspace_case)])
    await _edit_and_crash(app)
    recovered = workspace_case.with_name("ai_cooperation.recovered.yaml")
    assert app.recovered is not None and app.recovered[0] == recovered
    assert f"saved in {recovered}" in app.recovered[1]
    again = load_case(recovered)
    assert again.case == app.case and again.case != load_case(workspace_case).case
    assert workspace_case.read_bytes() == original  # the case itself is not touched


async def test_a_second_crash_does_not_overwrite_the_first_recovery(workspace_case: Path) -> None:
    first = workspace_case.with_name("ai_cooperation.recovered.yaml")
    first.write_text("an earlier recovery\n")
    app = CrashingApp([load_case(workspace_case)])
    await _edit_and_crash(app)
    assert first.read_text() == "an earlier recovery\n"
    assert app.recovered is not None and app.recovered[0] == first.with_name(
        "ai_cooperation.recovered-2.yaml"
    )


async def test_no_edits_no_recovery_file(workspace_case: Path) -> None:
    app = CrashingApp([load_case(workspace_case)])
    with pytest.raises(Boom):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f9")
            await pilot.pause()
    assert app.recovered is None
    assert sorted(p.name for p in workspace_case.parent.iterdir()) == ["ai_cooperation.yaml"]


async def test_the_installed_case_recovers_to_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "site-packages" / "assess" / "bundled"
    case = copy_workspace(root)
    monkeypatch.setattr(bundled, "installed_root", lambda: root)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    app = CrashingApp([load_case(case)])
    await _edit_and_crash(app)
    assert app.recovered is not None and app.recovered[0] is not None
    recovered = app.recovered[0]
    assert recovered.is_relative_to(tmp_path / "data" / "assess" / "recovered")
    assert recovered.name == "ai_cooperation.recovered.yaml" and recovered.parent.name == "cases"
    assert load_case(recovered).case == app.case  # its catalogue and sources came along
    assert sorted(p.name for p in case.parent.iterdir()) == ["ai_cooperation.yaml"]


def test_run_app_says_where_the_edits_went(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, workspace_case: Path
) -> None:
    """What `assess` prints after Textual's own error report."""

    def run(self: app_module.AssessApp) -> None:
        self.recovered = (Path("x.recovered.yaml"), "Your unsaved edits are saved in x.recovered.yaml")

    monkeypatch.setattr(app_module.AssessApp, "run", run)
    app_module.run_app([str(workspace_case)])
    note = "Your unsaved edits are saved in x.recovered.yaml"
    assert capsys.readouterr().err == f"assess: the UI was stopped by an unexpected error. {note}\n"


SIGNALLED = """
import asyncio, os, signal, sys
sys.path.insert(0, sys.argv[2])
from tests.tui.tui_helpers import RecordingApp
from assess.files.casefile import load_case

async def main():
    app = RecordingApp([load_case(sys.argv[1])])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down", "down", "down", "plus")
        os.kill(os.getpid(), getattr(signal, sys.argv[3]))
        await pilot.pause(0.5)
    print(app.return_code, app.stopped_by, app.recovered[0], flush=True)

asyncio.run(main())
"""


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_termination_signal_writes_the_recovery_file_first(workspace_case: Path, name: str) -> None:
    """A closed terminal (SIGHUP) or a stopped session (SIGTERM) used to kill
    the process with the edits; now they go to the recovery file, then it exits."""
    import signal
    import subprocess
    import sys

    helpers = Path(__file__).resolve().parents[2]  # the checkout: `tests.` imports
    done = subprocess.run(
        [sys.executable, "-c", SIGNALLED, str(workspace_case), str(helpers), name],
        capture_output=True,
        text=True,
        timeout=60,
    )
    recovered = workspace_case.with_name("ai_cooperation.recovered.yaml")
    code = 128 + getattr(signal, name)
    assert done.stdout.split() == [str(code), name, str(recovered)], done.stderr[-2000:]
    assert load_case(recovered).case != load_case(workspace_case).case
