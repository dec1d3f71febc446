"""What the main screen shows and how to find one's way: layout at two sizes,
the evidence behind a cell, help, the command palette, and compare."""

from __future__ import annotations

import re

from textual.widgets import Static, TabbedContent

from assess.files.casefile import LoadedCase
from assess.files.documents import normalise_passage
from assess.tui.commands import AssessCommands
from assess.tui.keys import key_groups, target_node
from assess.tui.quotes import PASSAGE_STYLE
from assess.tui.screens.help import HelpScreen
from assess.tui.screens.main import MainScreen
from assess.tui.widgets.grid import Grid
from assess.tui.widgets.rank_strip import RankStrip
from assess.tui.widgets.score_matrix import ScoreMatrix
from tests.tui.tui_helpers import RecordingApp, in_memory, plain_rows, rendered, small_case_data


def squash(text: str) -> str:
    """Text with every run of white space (and the quote bars) as one space."""
    return re.sub(r"[\s│]+", " ", text).strip()


async def test_wide_layout_puts_ranking_and_chart_side_by_side(default_loaded: LoadedCase) -> None:
    app = RecordingApp([default_loaded])
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.screen.query("#top") and app.screen.query_one(RankStrip).ranking is False
        ranking, why = app.screen.query_one("#ranking-pane"), app.screen.query_one("#why")
        assert ranking.region.y == why.region.y and ranking.region.x < why.region.x
        assert app.focused is app.screen.query_one(ScoreMatrix)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen.query_one(RankStrip).ranking and not app.screen.query("#top")
        assert app.screen.query_one(TabbedContent).active == "tab-scores"


async def test_narrow_layout_has_tabs_and_a_ranking_strip(default_loaded: LoadedCase) -> None:
    app = RecordingApp([default_loaded])
    async with app.run_test(size=(80, 24)) as pilot:
        strip = str(app.screen.query_one(RankStrip).content)
        first = app.state.result.ranking[0].name
        assert strip.startswith(f" 2019  1 {first[:15]}")
        assert app.screen.query_one(TabbedContent).active == "tab-ranking"
        await pilot.press("2")
        assert app.screen.query_one(TabbedContent).active == "tab-scores"
        assert app.focused is app.screen.query_one(ScoreMatrix)


async def test_the_matrix_groups_criteria_by_family(default_loaded: LoadedCase) -> None:
    app = RecordingApp([default_loaded])
    async with app.run_test(size=(120, 40)):
        matrix = app.screen.query_one(ScoreMatrix)
        tags = [str(c.label).split("\n")[0] for c in matrix.columns]
        families = [c.family for c in app.state.view.criteria]
        assert tags[1] == "Drivers" and tags[1 + families.index("constraint")] == "5S"
        assert families == sorted(families, key=["driver", "constraint", "risk"].index)
        first = plain_rows(matrix)[0]
        cell = default_loaded.case.scores["megascience"]["competence"]
        low, high = cell.range
        mark = "°" if cell.basis == "judgement" else ""  # the basis's mark (present.BASIS_MARKS)
        assert first[1] == (
            f"{cell.value:g}{mark} ({low:g}–{high:g})" if high > low else f"{cell.value:g}{mark}"
        )


async def test_moving_to_a_cell_shows_its_evidence(default_loaded: LoadedCase) -> None:
    """Rationale, the cited passage quoted from the document, the scale's levels
    and the cell's range follow the cursor."""
    app = RecordingApp([default_loaded])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down", "right")
        assert app.screen.cursor == ("pharma", "cost_sharing")
        cell = default_loaded.case.scores["pharma"]["cost_sharing"]
        text = squash(rendered(app.screen.query_one("#evidence-body", Static).content, 200))
        assert text.startswith("Pharma and healthcare R&D × Cost sharing")
        assert squash(cell.rationale) in text
        quote = app.screen.quotes.passage(cell.source.document, cell.source.passage)
        passage = next(s for s in quote.spans if s.style == PASSAGE_STYLE)
        quoted = quote.plain[passage.start : passage.end]
        assert normalise_passage(quoted) == normalise_passage(cell.source.passage)
        assert squash(quote.plain) in text
        low, high = cell.range
        assert f"{cell.value:g} ({low:g}–{high:g}) on 0..5" in text
        assert "0 the EU side would pay it all · 1 others pay a token share (under 10 %)" in text


async def test_help_lists_every_key(default_loaded: LoadedCase) -> None:
    app = RecordingApp([default_loaded])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        text = rendered(app.screen.query_one("#help Static").content, 120)
        for group in key_groups(type(app)):
            for binding in group.bindings:
                assert binding.tooltip and binding.tooltip in text
        await pilot.press("escape")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)


async def test_the_palette_offers_every_action(default_loaded: LoadedCase) -> None:
    """Every binding, each scenario and each criterion's switch is a command;
    running one from the palette works."""
    app = RecordingApp([default_loaded])
    async with app.run_test(size=(120, 40)) as pilot:
        provider = AssessCommands(app.screen)
        names = [str(hit.display) async for hit in provider.discover()]
        for group in key_groups(type(app)):
            if target_node(app, app.screen, group.target) is None:
                continue  # another screen's keys: offered while that screen is shown
            for binding in group.bindings:
                assert binding.tooltip in names
        assert {"Scenario: 2019", "Scenario: 2025", "Switch on/off: Security issues"} <= set(names)
        await pilot.press("ctrl+p")
        await pilot.press(*"Scenario: 2025")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.state.scenario == "2025"


async def test_compare_two_cases_or_the_views_of_one(
    default_loaded: LoadedCase, second_loaded: LoadedCase
) -> None:
    """`c` compares the cases opened; with one case, its views (2019 → 2025,
    the bundled case's most natural comparison); a case of one view says so."""
    from assess.tui.screens.compare import CompareScreen

    app = RecordingApp([default_loaded])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.comparison.labels == ("2019", "2025")
    app = RecordingApp([in_memory(small_case_data())])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        assert app.messages[-1].startswith("This case has one view: open two or more cases")
        assert isinstance(app.screen, MainScreen)

    app = RecordingApp([default_loaded, second_loaded])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)


async def test_the_ranking_and_chart_agree_with_the_scores(default_loaded: LoadedCase) -> None:
    """Each stacked bar's family subtotals add up to the option's total."""
    app = RecordingApp([default_loaded])
    async with app.run_test(size=(120, 40)):
        ranked = [r for r in app.state.result.ranking if not r.excluded]
        rows = plain_rows(app.screen.query_one("#why-table", Grid))
        for r, row in zip(ranked, rows, strict=False):
            subtotals = [float(x) for x in row[2:] if x != "—"]
            assert abs(sum(subtotals) - r.score) < 0.02


async def test_a_click_moves_the_cursor_and_the_evidence(default_loaded: LoadedCase) -> None:
    """A click on the second row of the third column (inside the frame)."""
    app = RecordingApp([default_loaded])
    async with app.run_test(size=(120, 40)) as pilot:
        matrix = app.screen.query_one(ScoreMatrix)
        option_width = len(max((o.name for o in app.state.view.options), key=len)) + 2
        second = [row[1] for row in plain_rows(matrix)] + str(matrix.columns[1].label).split("\n")
        third_column = option_width + max(map(len, second)) + 2 + 1
        await pilot.click(ScoreMatrix, offset=(1 + third_column, 1 + matrix.header_height + 1))
        assert app.screen.cursor == ("pharma", app.state.view.criteria[1].id)
        text = rendered(app.screen.query_one("#evidence-body", Static).content, 200)
        assert text.startswith(f"Pharma and healthcare R&D × {app.state.view.criteria[1].name}")
