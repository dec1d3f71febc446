"""Editing in the main screen: scores, rationales, weights, criteria, scenarios,
undo and redo; every edit re-ranks at once."""

from __future__ import annotations

from textual.widgets import Input, Static, TextArea
from tui_helpers import (
    RecordingApp,
    in_memory,
    plain_rows,
    ranking_names,
    rendered,
    small_case_data,
)

from assess.core.scoring import score_wsm
from assess.core.view import resolve
from assess.files.casefile import LoadedCase
from assess.model import Case
from assess.render.explain import veto_sentence
from assess.tui.present import clip
from assess.tui.screens.confirm import Confirm
from assess.tui.screens.main import WIDE_NAMES, MainScreen
from assess.tui.screens.rationale_editor import RationaleEditor
from assess.tui.screens.value_prompt import ValuePrompt
from assess.tui.widgets.excluded_list import ExcludedList
from assess.tui.widgets.grid import Grid
from assess.tui.widgets.score_matrix import ScoreMatrix

SIZE = (120, 40)
REGULATION = clip("Dialogue on AI regulation", WIDE_NAMES)


def expected_names(loaded: LoadedCase, case: Case, scenario: str | None = None) -> list[str]:
    """The ranked options' names as the core ranks them (cut as the widget cuts them)."""
    result = score_wsm(resolve(case, loaded.catalogue_model, scenario))
    return [clip(r.name, WIDE_NAMES) for r in result.ranking if not r.excluded]


async def test_a_score_edit_reranks(default_loaded: LoadedCase) -> None:
    """Raising regulation's competence to 5 moves it up; the ranking widget shows
    the core's new ranking at once, with an arrow on the option that moved."""
    app = RecordingApp([default_loaded])
    async with app.run_test(size=SIZE) as pilot:
        before = ranking_names(app)
        assert before == expected_names(default_loaded, default_loaded.case)
        await pilot.press("down", "down", "down")
        assert app.query_one(ScoreMatrix).current() == ("regulation", "competence")
        await pilot.press("enter", "4", ".", "5", "enter", "plus")
        assert app.case.scores["regulation"]["competence"].value == 5.0
        after = ranking_names(app)
        assert after == expected_names(default_loaded, app.case)
        assert after.index(REGULATION) < before.index(REGULATION)
        moves = {row[1]: row[4] for row in plain_rows(app.query_one("#ranking", Grid))}
        assert moves[REGULATION].startswith("▲")
        assert "●" in app.sub_title


async def test_undo_restores_and_redo_reapplies(default_loaded: LoadedCase) -> None:
    app = RecordingApp([default_loaded])
    async with app.run_test(size=SIZE) as pilot:
        before = ranking_names(app)
        why = default_loaded.case.scores["regulation"]["competence"].rationale + "x"  # typed at the end
        await pilot.press("down", "down", "down", "enter", "5", "enter", "r", "x", "ctrl+s")
        after = ranking_names(app)
        assert after != before and app.case.scores["regulation"]["competence"].rationale == why
        await pilot.press("ctrl+z", "ctrl+z")
        assert app.case is default_loaded.case
        assert ranking_names(app) == before and "●" not in app.sub_title
        await pilot.press("ctrl+z")
        assert app.messages[-1] == "Nothing to undo."
        await pilot.press("ctrl+y")
        assert app.case.scores["regulation"]["competence"].value == 5.0
        assert app.case.scores["regulation"]["competence"].rationale != why
        assert ranking_names(app) == after
        await pilot.press("ctrl+y")
        assert app.case.scores["regulation"]["competence"].rationale == why


async def test_a_score_off_the_scale_is_refused(default_loaded: LoadedCase) -> None:
    """Stepping past 5, or typing 7, leaves the case as it was and says why."""
    app = RecordingApp([default_loaded])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "5", "enter")
        top = app.case
        assert top.scores["megascience"]["competence"].value == 5.0
        await pilot.press("plus")
        assert "5.5 is off the scale of 'competence' (0..5)" in app.messages[-1]
        assert app.case is top and app.history.past == (default_loaded.case,)
        await pilot.press("enter")
        assert isinstance(app.screen, ValuePrompt)
        await pilot.press("7", "enter")
        assert isinstance(app.screen, ValuePrompt)
        error = str(app.screen.query_one("#error", Static).content)
        assert error == "Refused: 7 is off the scale 0..5."
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen) and app.case is top


async def test_a_typed_score_is_set(default_loaded: LoadedCase) -> None:
    app = RecordingApp([default_loaded])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        now = default_loaded.case.scores["megascience"]["competence"].value
        assert app.screen.query_one("#value", Input).value == f"{now:g}"
        await pilot.press("2", ".", "5", "enter")
        assert isinstance(app.screen, MainScreen)
        assert app.case.scores["megascience"]["competence"].value == 2.5


async def test_a_rationale_is_edited_in_a_text_area(default_loaded: LoadedCase) -> None:
    app = RecordingApp([default_loaded])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        assert isinstance(app.screen, RationaleEditor)
        area = app.screen.query_one(TextArea)
        assert area.text.startswith("Megascience already uses AI heavily")
        area.text = "Checked again with the facility's AI group."
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, MainScreen)
        cell = app.case.scores["megascience"]["competence"]
        assert cell.rationale == "Checked again with the facility's AI group."
        assert "Checked again" in rendered(app.query_one("#evidence-body", Static).content)


async def test_a_criterion_is_switched_off_and_on(default_loaded: LoadedCase) -> None:
    """x in the matrix switches the column's criterion off (it leaves the matrix
    and the totals); space in the weights table switches it on again."""
    app = RecordingApp([default_loaded])
    async with app.run_test(size=SIZE) as pilot:
        totals = [r.score for r in app.state.result.ranking]
        await pilot.press("x")
        assert app.case.criteria.off == ["competence"]
        assert "competence" not in [c.key for c in app.query_one(ScoreMatrix).columns]
        assert [r.score for r in app.state.result.ranking] != totals
        await pilot.press("3")
        weights = plain_rows(app.query_one("#weights", Grid))
        assert weights[0][0] == "Competence building" and weights[0][3] == "off"
        await pilot.press("space")
        assert app.case.criteria.off == []
        assert [r.score for r in app.state.result.ranking] == totals


async def test_switching_the_scenario_moves_the_ranking(default_loaded: LoadedCase) -> None:
    """In 2025 the ranking is the 2025 view's; vetoed options are shown apart, with why."""
    app = RecordingApp([default_loaded])
    async with app.run_test(size=SIZE) as pilot:
        before = ranking_names(app)
        await pilot.press("s")
        assert app.state.scenario == "2025" and "2025 re-assessment" in app.sub_title
        after = ranking_names(app)
        assert after == expected_names(default_loaded, default_loaded.case, "2025") != before
        vetoed = [r for r in app.state.result.ranking if r.excluded]
        assert vetoed, "the default case's 2025 view vetoes at least one option"
        excluded = app.query_one(ExcludedList)
        assert excluded.display
        for r in vetoed:
            assert r.name not in after and veto_sentence(r.reasons[0]) in rendered(excluded.content, 400)
        assert len(app.query_one(ScoreMatrix).columns) == 1 + len(app.state.view.criteria)
        await pilot.press("s")
        assert app.state.scenario is None and ranking_names(app) == before


async def test_a_score_edit_in_2025_goes_to_the_scenario(default_loaded: LoadedCase) -> None:
    app = RecordingApp([default_loaded])
    async with app.run_test(size=SIZE) as pilot:
        base = default_loaded.case.scores["regulation"]["competence"].value
        await pilot.press("s", "down", "down", "down", "minus")
        assert app.case.scenarios["2025"].scores["regulation"]["competence"].value == base - 0.5
        assert app.case.scores == default_loaded.case.scores


async def test_a_weight_edit_changes_the_active_views_weights(default_loaded: LoadedCase) -> None:
    app = RecordingApp([default_loaded])
    async with app.run_test(size=SIZE) as pilot:
        points = default_loaded.case.scenarios["2025"].weights.points["competence"]
        await pilot.press("s", "3", "plus", "plus")
        assert app.case.scenarios["2025"].weights.points["competence"] == points + 2
        assert app.case.weights == default_loaded.case.weights
        shares = plain_rows(app.query_one("#weights", Grid))
        assert shares[0][2] == f"{points + 2:g}"


async def test_rank_order_weights_are_converted_after_asking() -> None:
    data = {**small_case_data(), "weights": {"method": "roc", "ranking": [["gain"], ["reach"], ["risk"]]}}
    app = RecordingApp([in_memory(data)])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "plus")
        assert isinstance(app.screen, Confirm)
        await pilot.click("#no")
        assert app.case.weights.method == "roc"
        await pilot.press("plus")
        await pilot.click("#yes")
        assert app.case.weights.method == "direct"
        assert app.case.weights.points == {"gain": 62.1, "reach": 27.8, "risk": 11.1}
