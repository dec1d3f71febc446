"""The compare screen driven as a planner uses it (Textual pilot): the
differing cells are flagged, moving onto one shows both rationales, Enter
opens the full texts, n / p jump between differences, Escape closes."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from typing import Any

import pytest
from textual.app import App
from textual.binding import Binding
from textual.geometry import Region
from textual.widget import Widget

from assess.files.casefile import LoadedCase, load_case
from assess.tui.screens.compare import CompareScreen
from assess.tui.screens.compare_rationale import RationaleModal
from assess.tui.widgets.compare_detail import CompareDetail, CompareSubject
from assess.tui.widgets.compare_matrix import (
    CHANGED_STYLE,
    PRESENCE_STYLE,
    WEIGHT_ROW,
    CompareMatrix,
)
from assess.tui.widgets.compare_ranks import CompareRanks
from tests.conftest import DEFAULT_CASE, SECURITY_CASE


def sync(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async pilot test on its own event loop (no async plugin needed)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


class Host(App[None]):
    """A bare app that opens the compare screen on the given cases."""

    def __init__(self, cases: list[LoadedCase], scenario: str | None = None) -> None:
        super().__init__()
        self.cases, self.scenario = cases, scenario

    def on_mount(self) -> None:
        self.push_screen(CompareScreen(self.cases, self.scenario))


@pytest.fixture(scope="module")
def two_cases() -> list[LoadedCase]:
    return [load_case(DEFAULT_CASE), load_case(SECURITY_CASE)]


def shown_text(widget: Widget) -> str:
    """The text a widget shows on screen now."""
    region = Region(0, 0, widget.size.width, widget.size.height)
    return "\n".join(strip.text for strip in widget.render_lines(region))


def compare_screen(app: App[None]) -> CompareScreen:
    assert isinstance(app.screen, CompareScreen)
    return app.screen


@sync
async def test_differing_cells_are_flagged(two_cases: list[LoadedCase]) -> None:
    async with Host(two_cases).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = compare_screen(pilot.app)
        matrix = screen.query_one(CompareMatrix)
        comp = screen.comparison
        assert comp.score_changes
        for c in comp.cells:
            shown = matrix.get_cell(c.option, c.criterion)
            if "value" in c.changed:
                assert "→" in shown.plain and str(shown.style) == CHANGED_STYLE
            elif not c.changed:
                assert "→" not in shown.plain and "•" not in shown.plain
        cell = matrix.get_cell("pharma", "security")
        assert cell.plain == "1→2"
        for w in comp.weights:
            assert ("→" in matrix.get_cell(WEIGHT_ROW, w.criterion).plain) == bool(w.changed)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
@sync
async def test_moving_to_a_cell_shows_both_rationales(
    two_cases: list[LoadedCase], size: tuple[int, int]
) -> None:
    async with Host(two_cases).run_test(size=size) as pilot:
        await pilot.pause()
        screen = compare_screen(pilot.app)
        target = CompareSubject("cell", "smart_cities", "sanctions")
        for _ in range(40):
            if screen.subject == target:
                break
            await pilot.press("n")
        assert screen.subject == target
        await pilot.pause()
        cell = screen.comparison.cell("smart_cities", "sanctions")
        before, after = (s.rationale or "" for s in cell.sides)
        assert before != after
        text = " ".join(shown_text(screen.query_one(CompareDetail)).split())
        assert "3 (2–4) → 3.5 (3–5)" in text  # ranges as they are, never ±
        words = 4 if size[1] < 32 else 12  # a short terminal shows one line per view
        for rationale in (before, after):
            assert " ".join(rationale.split()[:words]) in text


@sync
async def test_enter_opens_the_full_texts_and_escape_closes_them(two_cases: list[LoadedCase]) -> None:
    async with Host(two_cases).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = compare_screen(pilot.app)
        subject = screen.subject
        assert subject is not None and subject.kind == "cell"
        await pilot.press("enter")
        await pilot.pause()
        modal = pilot.app.screen
        assert isinstance(modal, RationaleModal) and modal.subject == subject
        body = " ".join(shown_text(modal.query_one("#rationale-body")).split())
        cell = screen.comparison.cell(subject.option or "", subject.criterion or "")
        for side in cell.sides:
            assert " ".join((side.rationale or "").split()) in body
            assert side.source is not None and side.source.document in body
        await pilot.press("escape")
        assert pilot.app.screen is screen


@sync
async def test_next_and_previous_change(two_cases: list[LoadedCase]) -> None:
    async with Host(two_cases).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        matrix = compare_screen(pilot.app).query_one(CompareMatrix)
        changes = matrix.changes()
        start = matrix.cursor_coordinate
        assert start in changes
        await pilot.press("n")
        assert matrix.cursor_coordinate == changes[changes.index(start) + 1]
        await pilot.press("p")
        assert matrix.cursor_coordinate == start


@sync
async def test_weight_row_and_ranking_rows_show_their_detail(two_cases: list[LoadedCase]) -> None:
    async with Host(two_cases).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = compare_screen(pilot.app)
        matrix = screen.query_one(CompareMatrix)
        matrix.move_cursor(row=0, column=0)
        await pilot.pause()
        assert screen.subject == CompareSubject("weight", criterion="competence")
        detail = screen.query_one(CompareDetail)
        assert "swing" in shown_text(detail) and "direct" in shown_text(detail)
        await pilot.press("shift+tab")
        assert pilot.app.focused is screen.query_one(CompareRanks)
        await pilot.press("down")
        assert screen.subject == CompareSubject("option", "pharma")
        text = shown_text(detail)
        assert "weight effect" in text and "score effect" in text
        await pilot.press("enter")
        assert isinstance(pilot.app.screen, RationaleModal)


@sync
async def test_one_case_compares_its_views() -> None:
    """With one case the screen compares its baseline and scenarios; the 2025
    criteria are new there, their cells marked as present in one view only."""
    async with Host([load_case(DEFAULT_CASE)]).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = compare_screen(pilot.app)
        assert screen.comparison.labels == ("2019", "2025")
        cell = screen.query_one(CompareMatrix).get_cell("pharma", "compute_gap")
        assert cell.plain == "–→2.5" and str(cell.style) == PRESENCE_STYLE


@sync
async def test_a_missing_scenario_falls_back_to_the_baseline(two_cases: list[LoadedCase]) -> None:
    async with Host(two_cases, scenario="2031").run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = compare_screen(pilot.app)
        assert screen.lacking == ["ai_cooperation.yaml", "security_first.yaml"]
        title = shown_text(screen.query_one("#compare-title"))
        assert "scenario 2031 (baseline of ai_coop" in title  # the rest is in the toast
        assert screen.comparison.labels == ("ai_cooperation", "security_first")


@pytest.mark.parametrize("key", ["escape", "q"])
@sync
async def test_escape_or_q_closes(two_cases: list[LoadedCase], key: str) -> None:
    async with Host(two_cases).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        compare_screen(pilot.app)
        await pilot.press(key)
        assert not isinstance(pilot.app.screen, CompareScreen)


def test_needs_two_views() -> None:
    with pytest.raises(ValueError, match="two cases"):
        CompareScreen([])


def test_every_binding_has_an_id_and_a_description() -> None:
    for owner in (CompareScreen, CompareMatrix, CompareRanks, RationaleModal):
        for binding in owner.BINDINGS:
            assert isinstance(binding, Binding)
            assert binding.id and binding.id.startswith("compare."), (owner, binding)
            assert binding.description, (owner, binding)
