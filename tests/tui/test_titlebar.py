"""The title bar names the file being edited, shortened to fit, and never
cuts the modified marker (issue 8)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.widgets._header import HeaderTitle

from assess.files.casefile import load_case
from assess.tui.titlebar import HEADER_CHROME, MARKER, fit_title, shorten_path, shown_path
from tests.tui.tui_helpers import RecordingApp

LONG = "/srv/planning/teams/eu-russia/assessments/2025/cases/ai_cooperation.yaml"


def test_shown_path_is_relative_to_the_working_folder_or_home(tmp_path: Path) -> None:
    case = tmp_path / "work" / "cases" / "x.yaml"
    assert shown_path(case, cwd=tmp_path / "work", home=tmp_path) == "cases/x.yaml"
    assert shown_path(case, cwd=Path("/elsewhere"), home=tmp_path) == "~/work/cases/x.yaml"
    assert shown_path(case, cwd=Path("/elsewhere"), home=Path("/home/u")) == str(case)


def test_shorten_path_cuts_at_folders_from_the_left() -> None:
    assert shorten_path(LONG, 200) == LONG
    assert shorten_path(LONG, 30) == "…/cases/ai_cooperation.yaml"
    assert shorten_path(LONG, 10) == "…/ai_cooperation.yaml"  # never less than the name


@pytest.mark.parametrize("width", [80, 100, 120, 160])
def test_fit_title_fits_and_keeps_the_marker_and_the_name(width: int) -> None:
    title, sub = fit_title(
        "Where to spend the AI cooperation budget", LONG, "2025 re-assessment", True, width
    )
    assert len(title) + 3 + len(sub) <= width - HEADER_CHROME or not title
    assert len(sub) <= width - HEADER_CHROME
    assert sub.endswith(MARKER) and "ai_cooperation.yaml" in sub


def test_fit_title_gives_everything_room_when_there_is_room() -> None:
    title, sub = fit_title("Small", "cases/x.yaml", "2019", False, 120)
    assert (title, sub) == ("Small", "cases/x.yaml · 2019")


@given(
    st.text(min_size=1, max_size=120),
    st.lists(st.text("abc-_.", min_size=1, max_size=20), min_size=1, max_size=12),
    st.text(min_size=0, max_size=40),
    st.booleans(),
    st.integers(min_value=60, max_value=300),
)
def test_fit_title_never_cuts_the_marker(
    title: str, parts: list[str], view: str, dirty: bool, width: int
) -> None:
    path = "/".join(parts)
    fitted, sub = fit_title(title, path, view, dirty, width)
    assert sub.endswith(MARKER) == dirty
    assert parts[-1] in sub
    if len(parts[-1]) + len(MARKER) + 8 <= width - HEADER_CHROME:
        assert (len(fitted) + 3 if fitted else 0) + len(sub) <= width - HEADER_CHROME


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_header_shows_the_path_and_the_marker(workspace_case: Path, size: tuple[int, int]) -> None:
    app = RecordingApp([load_case(workspace_case)])
    async with app.run_test(size=size) as pilot:
        await pilot.press("2", "down", "plus")
        await pilot.pause()
        shown = app.screen.query_one(HeaderTitle).render()
        text = getattr(shown, "plain", str(shown))
        assert "ai_cooperation.yaml" in text and text.rstrip().endswith("● modified")
        assert len(text.strip()) <= size[0] - HEADER_CHROME
        if size[0] >= 120:
            assert "cases/ai_cooperation.yaml" in text
