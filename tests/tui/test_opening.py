"""Opening a case: the first frame waits for Textual alone and shows no number;
the main screen replaces it with the case scored."""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
from pathlib import Path

from textual.widgets import Static

from assess.files.casefile import LoadedCase
from assess.render import fmt
from assess.tui.app import AssessApp
from assess.tui.opening import Opening, open_cases
from assess.tui.screens.main import MainScreen
from assess.tui.state import AppState
from assess.tui.widgets.grid import Grid
from tests.conftest import ROOT
from tests.tui.tui_helpers import plain_rows

PAST = 1_600_000_000


class Watched(AssessApp):
    """Records the first frame and the main screen's first paint; opens when told."""

    first: tuple[str, str, str]
    mounted_at_paint: set[str]

    def on_mount(self) -> None:
        self.call_after_refresh(self._first_frame)

    def _first_frame(self) -> None:
        found = self.screen.query("#loading")
        shown = str(found.first(Static).render()) if found else ""
        self.first = (type(self.screen).__name__, self.title, shown)

    def _open(self) -> None:  # type: ignore[override]  # held until `release`
        pass

    def release(self) -> None:
        AssessApp._open(self)

    def _opened(self, current: AppState) -> None:
        super()._opened(current)
        self.call_after_refresh(self._main_painted)

    def _main_painted(self) -> None:
        self.mounted_at_paint = {w.id for w in self.screen.walk_children() if w.id}


async def test_first_frame_is_the_opening_screen_then_the_case_scored(default_loaded: LoadedCase) -> None:
    app = Watched(Opening((default_loaded,)))
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("f1", "ctrl+p")  # help and the palette wait for the case
            assert type(app.screen).__name__ == "LoadingScreen" and len(app.screen_stack) == 1
            app.release()
            while not isinstance(app.screen, MainScreen):
                await pilot.pause(0.05)
            await pilot.pause()
            screen, title, shown = app.first
            assert screen == "LoadingScreen" and title == default_loaded.case.title
            assert shown.startswith("Opening ") and "ai_cooperation.yaml" in shown
            assert not any(ch.isdigit() for ch in shown.replace("ai_cooperation", ""))
            assert "ranking" in app.mounted_at_paint and app.screen.query("#weights")  # hidden tab too
            assert gc.isenabled() and gc.get_freeze_count() > 0
            fresh = open_cases([default_loaded]).view.result  # the same case, scored on its own
            totals = [row[2] for row in plain_rows(app.screen.query_one("#ranking", Grid))]
            assert totals == [fmt.fixed(r.score) for r in fresh.ranking if not r.excluded and r.score]
            assert app.use_command_palette and app.opening is None
    finally:
        gc.unfreeze()


def test_the_first_frame_needs_neither_the_model_nor_numpy() -> None:
    """What `assess.tui.app` imports at start: Textual and a few light modules;
    the model, NumPy and the main screen come with the case."""
    heavy = ["numpy", "pydantic", "yaml", "assess.model", "assess.core.view", "assess.tui.screens.main"]
    code = f"import sys, assess.tui.app; print([m for m in {heavy!r} if m in sys.modules])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]", done.stdout


def test_a_case_the_cache_holds_shows_its_first_frame_before_its_models(tmp_path: Path) -> None:
    """With every case a hit, `opening` checks the entries and prints their
    warnings, and imports neither pydantic, YAML nor NumPy: the models are
    made by `Opening.open`, after the first frame."""
    for part in ("criteria.yaml", "cases", "sources"):
        src = ROOT / part
        (shutil.copytree if src.is_dir() else shutil.copy)(src, tmp_path / part)
    for p in tmp_path.rglob("*"):
        os.utime(p, (PAST, PAST))  # settled files: the cache stores them
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    env.pop("ASSESS_NO_CACHE", None)
    code = (
        "import sys; from assess.tui.opening import opening; o = opening(sys.argv[1:]); "
        "print(len(o.pending), [m for m in ('pydantic', 'yaml', 'numpy') if m in sys.modules]); "
        "print(o.title == o.open().case.title)"
    )
    case = "cases/ai_cooperation.yaml"
    runs = [
        subprocess.run(
            [sys.executable, "-c", code, case],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            timeout=120,
        )
        for _ in range(2)
    ]
    assert runs[0].stdout.split("\n")[:2] == ["0 ['pydantic', 'yaml']", "True"], runs[0].stderr  # stored
    assert runs[1].stdout.split("\n")[:2] == ["1 []", "True"], runs[1].stderr  # found
