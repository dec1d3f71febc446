"""Helpers for the UI tests: a workspace copy of the default case, an App that
records its messages, and readers of what the widgets show."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.app import App
from textual.notifications import SeverityLevel
from textual.widget import Widget

from assess.files.casefile import LoadedCase
from assess.tui.app import AssessApp
from assess.tui.widgets.grid import Grid
from tests.conftest import small_case_data as shared_small_case_data

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CASE = ROOT / "cases" / "ai_cooperation.yaml"
SECOND_CASE = ROOT / "cases" / "security_first.yaml"


def copy_workspace(target: Path) -> Path:
    """The default case, the catalogue and the sources copied with their
    relative layout (the case refers to ../criteria.yaml); the case's new path."""
    (target / "cases").mkdir(parents=True, exist_ok=True)
    shutil.copy2(DEFAULT_CASE, target / "cases" / DEFAULT_CASE.name)
    shutil.copy2(ROOT / "criteria.yaml", target / "criteria.yaml")
    shutil.copytree(ROOT / "sources", target / "sources", dirs_exist_ok=True)
    return target / "cases" / DEFAULT_CASE.name


class RecordingApp(AssessApp):
    """The App, keeping every message it shows, for assertions."""

    def __init__(self, cases: list[LoadedCase], scenario: str | None = None) -> None:
        super().__init__(cases, scenario)
        self.messages: list[str] = []

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        self.messages.append(message)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)


def plain_rows(grid: Grid) -> list[list[str]]:
    """What a grid shows, as plain strings."""
    return [[c if isinstance(c, str) else c.plain for c in row] for row in grid.rows]


def ranking_names(app: AssessApp) -> list[str]:
    """Option names in the ranking widget, top first."""
    return [row[1] for row in plain_rows(app.screen.query_one("#ranking", Grid))]


def small_case_data() -> dict:
    """The shared small case (tests/conftest.py) with Reach on the default 0..5 scale."""
    return shared_small_case_data(reach_max=5)


def rendered(renderable: object, width: int = 100) -> str:
    """A Rich renderable (or a Static's content) as plain text."""
    from rich.console import Console

    console = Console(width=width, record=True, file=__import__("io").StringIO(), color_system=None)
    console.print(renderable)
    return console.export_text()


def in_memory(case_data: dict, name: str = "small.yaml") -> LoadedCase:
    """A LoadedCase from data, not backed by a file (it cannot be saved)."""
    from assess.model import Case

    return LoadedCase(Path(name), Case.model_validate(case_data), None, None)  # type: ignore[arg-type]


def screen_lines(app: App) -> list[str]:
    """The screen's text as the terminal shows it, line by line (the
    compositor's strips: only what is visible, at the size of the terminal)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]  # noqa: SLF001  # no public API


def text_in(app: App, widget: Widget) -> str:
    """What the terminal shows inside `widget` (within its frame and scrollbars), white space folded."""
    region = widget.scrollable_content_region
    lines = screen_lines(app)[region.y : region.bottom]
    return " ".join(" ".join(line[region.x : region.right] for line in lines).split())
