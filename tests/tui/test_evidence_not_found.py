"""The evidence panel marks a cited passage the loader did not find in its
document (issue 8), instead of saying the document is not at hand."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from assess.files.casefile import load_case
from tests.tui.tui_helpers import RecordingApp, copy_workspace, rendered


async def test_a_passage_not_found_is_marked(tmp_path: Path) -> None:
    case = copy_workspace(tmp_path)
    case.write_text(case.read_text().replace("relatively safe for", "relatively sfae for"))
    app = RecordingApp([load_case(case)])
    async with app.run_test(size=(120, 40)) as pilot:
        column = [c.id for c in app.state.view.criteria].index("suspicions")
        await pilot.press("down", *["right"] * column)
        assert app.screen.cursor == ("pharma", "suspicions")
        text = rendered(app.screen.query_one("#evidence-body", Static).content, 200)
        assert "relatively sfae for cooperation" in text
        assert "not found in the document: check the quote" in text
        assert "not at hand" not in text
