"""The terminal UI a new user meets (issue 8): what state you are in shows at
80x24, the cited passage shows without scrolling, ranges read as ranges, the
Why chart names and colours each criterion one way, Δ counts from the file,
undo says what it undid, the rationale editor's keys, `c` on one case, every
screen's keys in help, and the palette's order."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Footer, TextArea

from assess.files.casefile import LoadedCase, load_case
from assess.files.documents import normalise_passage
from assess.model import Score
from assess.tui.present import FAMILY_SHADES, score_cell
from assess.tui.quotes import PASSAGE_STYLE
from assess.tui.screens.main import MainScreen
from assess.tui.screens.rationale_editor import RationaleEditor
from assess.tui.widgets.evidence_panel import EvidencePanel
from assess.tui.widgets.grid import Grid
from assess.tui.widgets.rank_strip import MODIFIED, RankStrip
from assess.tui.widgets.score_matrix import ScoreMatrix
from assess.tui.widgets.weights_table import WeightsTable
from assess.tui.widgets.why_panel import legend_entries
from tests.conftest import ROOT
from tests.tui.tui_helpers import RecordingApp, in_memory, plain_rows, small_case_data, text_in

SIZES = [(80, 24), (120, 40)]
TEAM = ROOT / "cases" / "team_example" / "team.yaml"


def visible_text(widget: Widget) -> str:
    """What a widget shows on screen now (its visible region only), white space folded."""
    region = Region(0, 0, widget.size.width, widget.size.height)
    return " ".join(" ".join(strip.text for strip in widget.render_lines(region)).split())


def on_screen(app: RecordingApp, widget: Widget) -> bool:
    """Whether all of `widget` lies inside the terminal."""
    return app.screen.region.contains_region(widget.region) and widget.region.height > 0


@pytest.mark.parametrize("size", SIZES)
async def test_the_cited_passage_shows_without_scrolling(
    default_loaded: LoadedCase, size: tuple[int, int]
) -> None:
    """On the first cell with a source, the highlighted passage is in the
    evidence pane's visible lines (it used to come after the rationale and the
    scale, below the fold)."""
    app = RecordingApp([default_loaded])
    async with app.run_test(size=size) as pilot:
        await pilot.press("2", "down", "right")
        await pilot.pause()
        option, criterion = app.screen.cursor
        source = app.state.cell(option, criterion).source
        quote = app.screen.quotes.passage(source.document, source.passage)
        span = next(s for s in quote.spans if s.style == PASSAGE_STYLE)
        passage = quote.plain[span.start : span.end]
        assert normalise_passage(passage) == normalise_passage(source.passage)
        shown = text_in(app, app.screen.query_one(EvidencePanel))
        assert " ".join(passage.split()) in shown


async def test_what_state_you_are_in_shows_at_80x24(default_loaded: LoadedCase) -> None:
    """After an edit "● modified" leads the status line (the title bar is cut
    at 80 columns); the footer shows its last key (Help); the Why legend is
    on screen in the Ranking tab, the last weight row in the Weights tab."""
    app = RecordingApp([default_loaded])
    async with app.run_test(size=(80, 24)) as pilot:
        strip = app.screen.query_one(RankStrip)
        assert MODIFIED not in visible_text(strip)
        await pilot.press("2", "plus")
        assert visible_text(strip).startswith(MODIFIED) and on_screen(app, strip)
        for tab in ("1", "2", "3"):
            await pilot.press(tab)
            await pilot.pause()
            assert text_in(app, app.screen.query_one(Footer)).endswith("f1 Help")
        await pilot.press("1")
        await pilot.pause()
        assert on_screen(app, app.screen.query_one("#why-legend"))
        await pilot.press("3")
        await pilot.pause()
        weights = app.screen.query_one(WeightsTable)
        last = app.state.listed[-1].name
        assert on_screen(app, weights) and last in text_in(app, weights)


def test_a_range_reads_as_a_range() -> None:
    """5 with range 2..5 is "5 (2–5)", never "5±3" (which suggests 8 on a 0..5 scale)."""
    cell = score_cell(Score(value=5, low=2, high=5), 1.0, vetoed=False, overlay=False)
    assert cell.plain == "5 (2–5)"
    assert score_cell(Score(value=3), 0.5, vetoed=False, overlay=False).plain == "3"


async def test_one_name_and_one_colour_per_criterion(default_loaded: LoadedCase) -> None:
    """The matrix headers, the evidence and the legend all use the criterion's
    name (not its id); each family has a few distinct shades; a criterion
    keeps its colour when another is switched off and in the 2025 view."""
    assert all(len(set(shades)) == len(shades) <= 4 for shades in FAMILY_SHADES.values())
    app = RecordingApp([default_loaded])
    async with app.run_test(size=(120, 40)) as pilot:
        matrix = app.screen.query_one(ScoreMatrix)
        header = " ".join(" ".join(str(c.label).split()) for c in matrix.columns)
        assert "Cost sharing" in header and "cost_sharing" not in header and "Competence building" in header
        legend = " ".join(e.plain for e in legend_entries(app.state))
        assert "Cost sharing" in legend and "cost" not in legend
        colours = dict(app.state.colours)
        assert len({colours[c.id] for c in app.state.view.criteria if c.family == "driver"}) == 4
        await pilot.press("x")  # the first column's criterion off
        assert app.state.colours == colours
        await pilot.press("s")
        assert all(app.state.colours[c] == colour for c, colour in colours.items())


async def test_delta_counts_from_the_file(default_loaded: LoadedCase) -> None:
    """Δ is each option's rank and total change since the file was opened, not
    the move of the last keystroke: a second edit that moves nothing keeps
    the first one's ▲; undoing back to the file clears it."""
    app = RecordingApp([default_loaded])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down", "down", "down", "enter", "5", "enter")  # regulation's competence
        regulation = next(r for r in app.state.result.ranking if r.option == "regulation")
        assert app.state.moves["regulation"] > 0
        await pilot.press("right", "minus")  # a small second edit of the same option
        moved = {row[1]: row[4] for row in plain_rows(app.screen.query_one("#ranking", Grid))}
        change = app.state.gains["regulation"]
        assert (
            moved[regulation.name[:21] + "…"].startswith("▲")
            and f"{change:+.3f}" in moved[regulation.name[:21] + "…"]
        )
        before = next(r.score for r in app.state.reference.ranking if r.option == "regulation")
        now = next(r.score for r in app.state.result.ranking if r.option == "regulation")
        assert change == pytest.approx(now - before)
        await pilot.press("ctrl+z", "ctrl+z")
        assert app.state.moves == {} and app.state.gains == {} and not app.state.modified


async def test_undo_says_what_and_shows_where(default_loaded: LoadedCase) -> None:
    """An edit in 2025, then back to 2019: ctrl+z names the cell and its values,
    switches to 2025 and puts the cursor on the cell; ctrl+y says so too."""
    app = RecordingApp([default_loaded])
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("s", "down", "right", "plus")
        edited = app.query_one(ScoreMatrix).current()
        cell = app.state.cell(*edited)
        await pilot.press("s", "up")
        assert app.state.scenario is None
        await pilot.press("ctrl+z")
        assert app.state.scenario == "2025" and app.query_one(ScoreMatrix).current() == edited
        name = next(o.name for o in app.state.view.options if o.id == edited[0])
        crit = app.state.criterion(edited[1]).name
        assert (
            app.messages[-1] == f"{name} × {crit}: {cell.value:g} → {cell.value - 0.5:g} (2025 re-assessment)"
        )
        await pilot.press("ctrl+y")
        assert (
            app.messages[-1] == f"{name} × {crit}: {cell.value - 0.5:g} → {cell.value:g} (2025 re-assessment)"
        )


async def test_the_rationale_editor_opens_at_the_end(default_loaded: LoadedCase) -> None:
    app = RecordingApp([default_loaded])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RationaleEditor)
        area = app.screen.query_one(TextArea)
        assert area.cursor_location == area.document.end
        await pilot.press("ctrl+home")
        assert area.cursor_location == (0, 0)
        await pilot.press("ctrl+end")
        assert area.cursor_location == area.document.end


async def test_an_agreed_team_score_keeps_its_range_and_asks_why() -> None:
    """+ on a team case's aggregate cell: the agreed value keeps the
    aggregate's range, and the rationale editor opens; what is typed there
    becomes the agreed cell's rationale."""
    loaded = load_case(TEAM)
    app = RecordingApp([loaded])
    async with app.run_test(size=(120, 40)) as pilot:
        option, criterion = app.query_one(ScoreMatrix).current()
        shown = app.state.cell(option, criterion)
        await pilot.press("plus")
        await pilot.pause()
        assert isinstance(app.screen, RationaleEditor)
        assert app.screen.query_one(TextArea).text == ""
        await pilot.press(*"Agreed", "ctrl+s")
        await pilot.pause()
        agreed = app.case.scores[option][criterion]
        assert agreed.value == shown.value + 0.5 and agreed.range == shown.range
        assert agreed.rationale == "Agreed"


async def test_c_compares_the_views_of_one_case(default_loaded: LoadedCase) -> None:
    from assess.tui.screens.compare import CompareScreen

    app = RecordingApp([default_loaded])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen) and app.screen.comparison.labels == ("2019", "2025")


def _binding_owners() -> list[type]:
    """Every screen and widget class of the UI that declares key bindings."""
    import importlib
    import pkgutil

    from textual.dom import DOMNode

    import assess.tui

    owners = []
    for info in pkgutil.walk_packages(assess.tui.__path__, "assess.tui."):
        if info.name.endswith(".web"):
            continue  # the browser server, no keys
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, DOMNode) and value.__module__ == info.name:
                if "BINDINGS" in vars(value) and value.BINDINGS:
                    owners.append(value)
    return owners


async def test_help_lists_every_screens_keys(default_loaded: LoadedCase) -> None:
    """Every binding of every screen and widget (the compare screen's were
    missing) is in help, with what it does."""
    from assess.tui.keys import help_rows

    app = RecordingApp([default_loaded])
    async with app.run_test(size=(120, 40)):
        rows = {(keys, what) for _, section in help_rows(app) for keys, what in section}
        whats = {what for _, what in rows}
        owners = _binding_owners()
        assert {o.__name__ for o in owners} >= {"CompareScreen", "CompareMatrix", "RationaleEditor"}
        for owner in owners:
            if owner.__name__ in {
                "Grid",
                "ElicitList",
                "Confirm",
                "ConflictScreen",
                "QuitConfirm",
                "ValuePrompt",
                "HelpScreen",
            }:
                continue  # arrows and the dialogs' escape: under "Moving around" and "In dialogs"
            for binding in owner.BINDINGS:
                assert binding.tooltip in whats, (owner.__name__, binding.key)


async def test_the_confidence_column_is_explained() -> None:
    from assess.tui.screens.robustness import RobustnessScreen

    app = RecordingApp([in_memory(small_case_data())])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, RobustnessScreen)
        text = text_in(app, app.screen.query_one("#robustness-heatmap"))
        assert "conf." in text and "conf.: first in this share of score draws" in text


async def test_the_palette_lists_our_commands_first_and_quit_once(default_loaded: LoadedCase) -> None:
    from textual.command import CommandList, CommandPalette

    app = RecordingApp([default_loaded])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        assert CommandPalette.is_open(app)
        listed = app.screen.query_one(CommandList)
        names = [
            Text.from_markup(str(listed.get_option_at_index(k).prompt)).plain.split("\n")[0]
            for k in range(listed.option_count)
        ]
        assert names[0] == "Show every key"
        assert sum(1 for n in names if n.startswith("Quit")) == 1
        assert names.index("Theme") > names.index("Save the case")
        actions = [n for n in names if not n.startswith("Switch on/off: ")]  # then a criterion's name
        assert all(len(n.split()) <= 7 for n in actions), "named in a few words"


@pytest.mark.parametrize("size", SIZES)
async def test_the_main_screen_fits(default_loaded: LoadedCase, size: tuple[int, int]) -> None:
    """Nothing of the main screen lies beyond the terminal's edge in any tab."""
    app = RecordingApp([default_loaded])
    async with app.run_test(size=size) as pilot:
        for tab in ("1", "2", "3") if size[0] < 120 else ("2", "3"):
            await pilot.press(tab)
            await pilot.pause()
            assert isinstance(app.screen, MainScreen)
            for widget in app.screen.query("#strip, Footer, #ranking-pane, #why"):
                if widget.display and widget.region.area:
                    assert on_screen(app, widget), (tab, widget)


async def test_saving_makes_the_file_the_reference(workspace_case) -> None:  # noqa: ANN001
    """After ctrl+s, "● modified" leaves the status line and Δ counts from the saved file."""
    app = RecordingApp([load_case(workspace_case)])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "down", "down", "down", "enter", "5", "enter")
        assert app.state.modified and app.state.moves
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.state.modified and app.state.moves == {} and app.state.gains == {}
        assert not text_in(app, app.screen.query_one(RankStrip)).startswith(MODIFIED)
