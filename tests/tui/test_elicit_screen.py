"""The weights screen (`w`) driven as a planner uses it (Textual pilot): who answers,
statements typed with possibly best and SMAA following at once, a conflict refused
by name, a rationale for the last step, a trade-off answer and a swing ranking, all
saved; the saved file read in a diff. A second session does AHP on the small case."""

from __future__ import annotations

import datetime as dt
import difflib
import json
from pathlib import Path

import pytest

from assess.core.elicit_live import possibly_best_ids
from assess.files.casefile import load_case
from assess.tui.keys import key_groups
from assess.tui.screens.elicit import ElicitScreen
from assess.tui.screens.main import MainScreen
from tests.conftest import run_cli
from tests.tui.tui_helpers import RecordingApp, in_memory, small_case_data, text_in

SIZE = (80, 24)


async def _type(pilot, text: str) -> None:  # noqa: ANN001
    await pilot.press(*["space" if ch == " " else ch for ch in text])


async def _fill(pilot, text: str) -> None:  # noqa: ANN001
    """Put `text` in the focused input (as a paste would) and press enter."""
    pilot.app.focused.value = text
    await pilot.press("enter")
    await pilot.pause()  # the Submitted message handled, on a busy machine too


async def settled(pilot) -> None:  # noqa: ANN001
    """Wait until the SMAA worker (started after the paint that follows an answer) has shown its result."""
    for _ in range(200):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        line = pilot.app.screen.query("#elicit-smaa")
        if not line or "sampling" not in str(line.first().render()):
            return
    raise AssertionError("the SMAA line never settled")


def _added(before: str, after: str) -> tuple[list[str], list[str]]:
    """The lines the save added and removed."""
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    plus = [d[1:] for d in diff if d.startswith("+") and not d.startswith("+++")]
    minus = [d[1:] for d in diff if d.startswith("-") and not d.startswith("---")]
    return plus, minus


async def test_an_elicitation_session_is_saved_step_by_step(workspace_case: Path) -> None:
    before = workspace_case.read_text()
    app = RecordingApp([load_case(workspace_case)])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        await _type(pilot, "anna")
        await pilot.press("enter", "a")
        await _type(pilot, "security >")  # typed, then the rest pasted
        await _fill(pilot, "security > sanctions > competence")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ElicitScreen)
        statements = app.case.weights.statements
        assert screen.best == possibly_best_ids(app.state.view, statements)
        assert "Possibly best under 1 statement (" in text_in(app, screen.query_one("#elicit-best"))
        await settled(pilot)
        assert "SMAA rank-1 acceptability (1000 samples): AI for megascience" in text_in(
            app, screen.query_one("#elicit-smaa")
        )
        await pilot.press("a")
        await _fill(pilot, "competence >= 50%")
        assert app.messages[-1] == (
            "these statements cannot all hold: (1) security > sanctions > competence; (2) competence >= 50%"
        )
        await pilot.press("escape")  # leave the line typed, back to the list
        await pilot.press("r")
        await _type(pilot, "Security first")
        await pilot.press("ctrl+s", "4", "m")
        await pilot.pause()
        await pilot.press("2", "enter", "ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert not app.dirty
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
    plus, minus = _added(before, workspace_case.read_text())
    today = dt.date.today().isoformat()
    assert minus == []  # nothing of the file is lost or rewritten
    assert plus[:8] == [
        "  statements:",
        "    - order:",
        "        - security",
        "        - sanctions",
        "        - competence",
        "      by: anna",
        "      rationale: Security first",
        f"      date: {today}",
    ]
    text = "\n".join(plus)
    for step in ("step: statement", "step: tradeoff", "step: swing_order"):
        assert text.count(step) >= 1, step
    assert "answer: more" in text and text.count("by: anna") == 6  # two statements, four steps


async def test_ahp_one_pair_at_a_time_with_the_consistency_ratio_live() -> None:
    app = RecordingApp([in_memory(small_case_data())])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", "enter", "3")
        screen = app.screen
        consistency = screen.query_one("#ahp-consistency")
        assert "3 to go" in text_in(app, consistency)
        await pilot.press("left", "left", "enter")  # gain 3 times reach
        await pilot.press("right", "right", "enter")  # risk 3 times gain
        await pilot.press("enter")  # reach and risk equal: out of line with the others
        await pilot.pause()
        assert app.case.weights.method == "ahp"
        said = text_in(app, consistency)
        assert "CR = 0.483 (inconsistent" in said
        assert "Most out of line: Reach : Risk; the others imply 1/9, you said 1" in said
        assert "Reach : Risk 1 !" in " ".join(text_in(app, screen.query_one("#ahp-list")).split())
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.case.weights.method == "direct" and "1 to go" in text_in(app, consistency)


def test_the_keys_of_the_weights_screen_are_in_help_and_the_palette() -> None:
    titles = {g.title: g for g in key_groups(RecordingApp)}
    ids = {b.id for g in titles.values() for b in g.bindings}
    assert {"elicit", "elicit.add", "elicit.rationale", "elicit.who", "swing.up", "ahp.left"} <= ids
    assert "statements.withdraw" in ids and titles["Weights: statements"].target == "#statement-list"
    assert {"tradeoff.more", "tradeoff.less", "tradeoff.same", "tradeoff.stop"} <= ids
    assert titles["Weights screen (w)"].target == "ElicitScreen"


async def test_ahp_consistency_shows_before_every_pair_is_judged(default_loaded) -> None:  # noqa: ANN001
    """On the default case (13 criteria, 78 pairs): the first 12 pairs (the first
    criterion against each other, all equal) link every criterion, the 13th
    closes a loop, and the CR of the judgements so far shows from then on."""
    app = RecordingApp([default_loaded])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w", "enter", "3")
        consistency = app.screen.query_one("#ahp-consistency")
        assert "78 to go" in text_in(app, consistency)
        for _ in range(12):
            await pilot.press("enter")
        await pilot.pause()
        assert "CR once a pair closes a loop (66 to go)" in text_in(app, consistency)
        await pilot.press("enter")  # the second and third equal too: consistent
        await pilot.pause()
        assert "CR so far (13 of 78 pairs) = 0.000 (consistent enough" in text_in(app, consistency)
        await pilot.press("left", "left", "left", "left", "left", "left", "left", "left", "enter")  # 9 times
        await pilot.pause()
        said = " ".join(text_in(app, consistency).split())
        assert "CR so far (14 of 78 pairs) = " in said and "(inconsistent;" in said
        assert "Most out of line: " in said and "the others imply " in said  # a judgement on the loop


async def test_a_statement_is_withdrawn_from_the_list_in_one_undoable_step(workspace_case: Path) -> None:
    app = RecordingApp([load_case(workspace_case)])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        await _type(pilot, "anna")
        await pilot.press("enter", "a")
        await _fill(pilot, "security > sanctions")
        await pilot.press("a")
        await _fill(pilot, "competence <= 20%")
        await pilot.press("up", "delete")  # the first statement, under the cursor
        await pilot.pause()
        spec = app.case.weights
        assert len(spec.statements) == 1 and spec.record[-1].step == "withdrawal"
        assert spec.record[-1].withdrawn.order == ["security", "sanctions"] and spec.record[-1].by == "anna"
        assert app.messages[-1] == "Statement 1 withdrawn: r says why, ctrl+z undoes."
        listed = text_in(app, app.screen.query_one("#statement-list"))
        assert "Statements (1) 1. competence <= 20% anna" in listed
        await pilot.press("r")
        await _type(pilot, "Not agreed")
        await pilot.press("ctrl+s")  # the rationale kept
        await pilot.pause()
        assert app.case.weights.record[-1].rationale == "Not agreed"
        await pilot.press("ctrl+s")  # the case saved
        await pilot.pause()
        assert not app.dirty
        await pilot.press("ctrl+z", "ctrl+z")  # the rationale, then the withdrawal
        await pilot.pause()
        assert len(app.case.weights.statements) == 2 and app.case.weights.record[-1].step == "statement"
    saved = load_case(workspace_case).case.weights
    assert saved is not None and saved.record[-1].step == "withdrawal"
    assert saved.record[-1].rationale == "Not agreed" and len(saved.statements) == 1


async def test_a_swing_rated_above_one_ranked_before_it_is_refused(workspace_case: Path) -> None:
    app = RecordingApp([load_case(workspace_case)])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", "enter", "2", "enter")  # the ranking recorded
        pane = app.screen.query_one("#swing")
        second, third = pane.order[1], pane.order[2]
        await pilot.press("down", "enter")
        await _fill(pilot, "50")
        await pilot.pause()
        assert app.case.weights.swing[second] == 50
        await pilot.press("down", "enter")
        note = str(app.screen.query_one("#note").render())
        assert f"0..50 keeps the ranking: {app.state.criterion(second).name} (50) ranked above it" in note
        await _fill(pilot, "70")
        await pilot.pause()
        name = app.state.criterion(second).name
        assert (
            f"70 would put the swing of {app.state.criterion(third).name} above that of {name} (50)"
            in (app.messages[-1])
        )
        assert app.case.weights.swing[third] != 70


FULL_ORDER = (
    "security competence sanctions synergies suspicions spillover partner_strength "
    "cost_sharing track_record slump market_superiority market_potential legality"
).split()
"""The default case's criteria as its points rank them."""


async def test_the_possibly_best_options_are_those_assess_dominance_finds(
    workspace_case: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def dominance_best() -> list[str]:
        code, out, err = run_cli(capsys, "dominance", workspace_case, "--format", "json")
        assert code == 0, err
        return json.loads(out)["possibly_best"]

    before = dominance_best()
    app = RecordingApp([load_case(workspace_case)])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", "enter", "a")
        screen = app.screen
        assert isinstance(screen, ElicitScreen)
        shown_before = list(screen.best)
        await _fill(pilot, " > ".join(FULL_ORDER))  # the case's points keep it
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown_after = list(screen.best)
    assert shown_before == before and shown_after == dominance_best()
    assert shown_after != shown_before  # the statement narrows the set: a real check


async def test_statements_that_admit_no_weights_are_named_not_a_crash() -> None:
    data = small_case_data()
    data["weights"] = {
        "method": "direct",
        "points": {"gain": 1, "reach": 1, "risk": 1},
        "statements": [{"interval": {"criterion": "gain", "min": 0.6}}, {"order": ["reach", "gain"]}],
    }
    app = RecordingApp([in_memory(data)])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", "enter")
        await settled(pilot)
        said = text_in(app, app.screen.query_one("#elicit-best"))
        assert (
            said == "Possibly best: none; these statements cannot all hold: (1) gain >= 60%; (2) reach > gain"
        )
        await pilot.press("down", "delete")  # withdrawing one lets the others hold
        await pilot.pause()
        assert "Possibly best under 1 statement" in text_in(app, app.screen.query_one("#elicit-best"))
