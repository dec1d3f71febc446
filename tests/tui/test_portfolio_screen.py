"""The portfolio screen driven as a planner uses it (Textual pilot): `p` opens it on
the view shown, the frontier marks the funded portfolio, `-` / `+` move the budget
and the funded set follows at once, each move an edit (undo, save), and the option
under the cursor says why it is in or out."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from assess.core.portfolio import analyses as A
from assess.core.portfolio.problem import build_problem
from assess.files.casefile import load_case
from assess.tui.keys import key_groups
from assess.tui.screens.main import MainScreen
from assess.tui.screens.portfolio import PortfolioScreen
from assess.tui.widgets.frontier_chart import ChartPoint, chart_text
from tests.tui.tui_helpers import RecordingApp, in_memory, small_case_data, text_in

SIZE = (80, 24)


def _why(app: RecordingApp) -> str:
    return str(app.screen.query_one("#portfolio-why", Static).render())


async def test_p_opens_the_screen_on_the_view_shown(default_loaded) -> None:
    app = RecordingApp([default_loaded])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PortfolioScreen)
        best = A.optimal(build_problem(app.state.view))
        assert screen.best == best
        table = screen.query_one(DataTable)
        assert table.row_count == len(default_loaded.case.options) - 1  # not the reference
        ticked = [str(k.value) for k in table.rows if table.get_row(k)[3] == "✓"]
        assert set(ticked) == set(best.options)
        assert "budget money 8, people 16, political 4" in text_in(app, screen.query_one("#portfolio-title"))
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_the_budget_keys_edit_the_budget_and_the_funded_set_follows(default_loaded) -> None:
    app = RecordingApp([default_loaded])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        screen = app.screen
        before = screen.best.options
        await pilot.press("minus", "minus", "minus")
        await pilot.pause()
        assert app.case.budget == {"money": 5, "people": 10, "political": 2.5}
        assert app.dirty and screen.best.options != before
        assert sum(screen.best.cost["money"] for _ in [0]) <= 5
        await pilot.press("ctrl+z", "ctrl+z", "ctrl+z")
        await pilot.pause()
        assert app.case.budget == default_loaded.case.budget and screen.best.options == before
        await pilot.press("plus")
        await pilot.pause()
        assert app.case.budget["money"] == 9


async def test_a_budget_change_in_a_scenario_is_the_scenario_budget(default_loaded) -> None:
    app = RecordingApp([default_loaded], scenario="2025")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.press("plus")
        await pilot.pause()
        own = default_loaded.case.scenarios["2025"].budget or default_loaded.case.budget
        assert app.case.scenarios["2025"].budget == {r: x + app.screen.steps[r] for r, x in own.items()}
        assert app.case.budget == default_loaded.case.budget


async def test_a_budget_change_is_saved_like_any_edit(workspace_case: Path) -> None:
    app = RecordingApp([load_case(workspace_case)])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "minus", "ctrl+s")
        await pilot.pause()
        assert not app.dirty
    assert load_case(workspace_case).case.budget == {"money": 7, "people": 14, "political": 3.5}


async def test_the_option_under_the_cursor_says_why_it_is_in_or_out(default_loaded) -> None:
    app = RecordingApp([default_loaded])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        screen = app.screen
        table = screen.query_one(DataTable)
        seen = set()
        for _ in range(table.row_count):
            option = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
            why = _why(app)
            assert why.split(": ", 1)[1].startswith("in:" if option in screen.best.options else "out:")
            seen.add(why.split(": ", 2)[1])
            await pilot.press("down")
            await pilot.pause()
        assert seen == {"in", "out"}
        out = next(e.option for e in screen.order.entries if e.option not in screen.best.options)
        assert "elsewhere adds" in why or "out:" in why
        margin = A.why(screen.cp, screen.best, out).margin
        assert margin is not None and margin >= 0


async def test_a_case_without_a_budget_says_so() -> None:
    app = RecordingApp([in_memory(small_case_data())])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert "no budget" in app.messages[-1]


def test_its_keys_are_in_help_and_the_palette() -> None:
    from assess.tui.app import AssessApp

    group = next(g for g in key_groups(AssessApp) if g.target == "PortfolioScreen")
    assert {b.action for b in group.bindings} >= {"budget(-1)", "budget(1)", "close"}
    assert any(b.action == "portfolio" for b in AssessApp.BINDINGS)


def test_the_chart_marks_the_funded_point_and_the_budget() -> None:
    points = (ChartPoint(0, 0, False), ChartPoint(0.5, 0.4, False), ChartPoint(1.0, 0.8, True))
    text = chart_text(points, 40, 12).plain
    lines = text.splitlines()
    assert len(lines) == 12 and all(len(line) <= 40 for line in lines)
    assert text.count("●") == 1 and text.count("o") == 2 and "┊" in text and "budget" in lines[-1]
