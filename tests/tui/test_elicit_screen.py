"""The weights screen (`w`) driven as a planner uses it (Textual pilot): who answers,
statements typed with possibly best and SMAA following at once, a conflict refused
by name, a rationale for the last step, a trade-off answer and a swing ranking, all
saved; the saved file read in a diff. A second session does AHP on the small case."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

from assess.core.elicit_live import possibly_best_ids
from assess.files.casefile import load_case
from assess.tui.keys import key_groups
from assess.tui.screens.elicit import ElicitScreen
from assess.tui.screens.main import MainScreen
from tests.tui.tui_helpers import RecordingApp, in_memory, small_case_data, text_in

SIZE = (80, 24)


async def _type(pilot, text: str) -> None:  # noqa: ANN001
    await pilot.press(*["space" if ch == " " else ch for ch in text])


async def _fill(pilot, text: str) -> None:  # noqa: ANN001
    """Put `text` in the focused input (as a paste would) and press enter."""
    pilot.app.focused.value = text
    await pilot.press("enter")


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
        assert screen.best == possibly_best_ids(app.state.view, statements, screen._ranked())
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
