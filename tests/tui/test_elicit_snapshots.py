"""SVG snapshots of the weights screen (`w`), each mode at 80×24 and 120×40
(pytest-textual-snapshot), on the bundled default case unless said otherwise.

Each docstring says what the screenshot must show; `pytest --snapshot-update`
rewrites the baselines after a deliberate change, to be reviewed as pictures.
Every session first answers who is answering ("anna"), and waits for the SMAA
worker, so the live lines are settled."""

from __future__ import annotations

from assess.files.casefile import LoadedCase
from tests.tui.test_elicit_screen import settled
from tests.tui.tui_helpers import RecordingApp, in_memory, small_case_data

SMALL, LARGE = (80, 24), (120, 40)


def _session(*steps: str | tuple[str, str]):  # noqa: ANN202
    """A run_before: `w`, "anna", then keys; a (selector, text) pair fills that input and presses enter."""

    async def run(pilot) -> None:  # noqa: ANN001
        await pilot.press("w", "a", "n", "n", "a", "enter")
        for step in steps:
            if isinstance(step, tuple):
                pilot.app.screen.query_one(step[0]).value = step[1]
                await pilot.press("enter")
            else:
                await pilot.press(step)
            await pilot.pause()
        await settled(pilot)

    return run


STATEMENTS = ("a", ("#statement-input", "security > sanctions > competence"))
MORE = ("a", ("#statement-input", "sanctions 1.5..3 x competence"))


def test_statements_80x24(snap_compare, default_loaded: LoadedCase) -> None:  # noqa: ANN001
    """Statements mode after one order. Must show: the title "Weights · 2019 · method swing ·
    answering: anna"; the tabs with "1 Statements" active; "Statements (1)" and
    "1. security > sanctions > competence anna" under the cursor; the input (empty,
    its placeholder an example); the hint with an example and the criteria ids; "The swing weights break
    statement 1"; below, "Possibly best under 1 statement (n of 9): AI for megascience,
    …" and the SMAA rank-1 line from 1000 samples; the compact footer, "del Withdraw" first."""
    app = RecordingApp([default_loaded])
    assert snap_compare(app, terminal_size=SMALL, run_before=_session(*STATEMENTS))


def test_statements_120x40(snap_compare, default_loaded: LoadedCase) -> None:  # noqa: ANN001
    """Statements mode after an order and a ratio bound, the list focused (enter added the
    statement and left the input). Must show: "Statements (2)", "2. sanctions 1.5..3 x competence anna"
    under the cursor; the possibly-best line "under 2 statements" and the SMAA line;
    the full footer with del Withdraw, a Add, r Why, b Who."""
    app = RecordingApp([default_loaded])
    assert snap_compare(app, terminal_size=LARGE, run_before=_session(*STATEMENTS, *MORE))


def test_statement_withdrawn_80x24(snap_compare, default_loaded: LoadedCase) -> None:  # noqa: ANN001
    """Two statements, then delete on the first: "Statements (1)", "1. sanctions 1.5..3 x
    competence anna" under the cursor; the toast "Statement 1 withdrawn: r says why, ctrl+z
    undoes."; "Possibly best under 1 statement" and the SMAA line follow."""
    app = RecordingApp([default_loaded])
    assert snap_compare(app, terminal_size=SMALL, run_before=_session(*STATEMENTS, *MORE, "up", "delete"))


def test_swing_rating_refused_120x40(snap_compare, default_loaded: LoadedCase) -> None:  # noqa: ANN001
    """Swing mode, the ranking recorded, the third swing (Sanctions (practical exposure), 80)
    rated 95: above the second (Competence building, 90), so refused. Must show the red
    "Refused" toast "95 would put the swing of Sanctions (practical exposure) above that of
    Competence building (90), ranked above it: rate it 90 or less, or rank the swings again";
    the ratings unchanged (100, 90, 80, …)."""
    app = RecordingApp([default_loaded])
    steps = ("2", "enter", "down", "down", "enter", ("#value", "95"))
    assert snap_compare(app, terminal_size=LARGE, run_before=_session(*steps))


def test_swing_ranking_80x24(snap_compare, default_loaded: LoadedCase) -> None:  # noqa: ANN001
    """Swing mode, ranking: competence moved below sanctions with shift+down. Must show
    the header "Swing (worst to best) rate share · shift+↑/↓ ranks, enter records";
    thirteen rows from "1. Security issues 100 14.6%", "3. Competence building" under the
    cursor; below the list, competence's swing with its level descriptions "from 0 «no
    AI work in it; builds no AI skills» to 5 «a main route to AI research capacity on
    both sides»"."""
    app = RecordingApp([default_loaded])
    assert snap_compare(app, terminal_size=SMALL, run_before=_session("2", "down", "shift+down"))


def test_swing_rating_120x40(snap_compare, default_loaded: LoadedCase) -> None:  # noqa: ANN001
    """Swing mode after enter recorded the ranking: the header says "enter rates against
    the first (100)"; the thirteen swings with their ratings (100, 90, 80, …, 0) and
    shares (14.6%, 13.1%, …, 0%); security's levels below the list."""
    app = RecordingApp([default_loaded])
    assert snap_compare(app, terminal_size=LARGE, run_before=_session("2", "enter"))


def test_ahp_80x24(snap_compare, default_loaded: LoadedCase) -> None:  # noqa: ANN001
    """AHP mode after one judgement (competence 3 times cost sharing). Must show "Pairs ·
    1 of 78 judged"; the first row "Competence building : Cost sharing 3", the cursor on
    the second pair (synergies); the scale line with 1 highlighted between the two names
    and "… equally important"; "CR once every pair is judged (77 to go)."."""
    app = RecordingApp([default_loaded])
    assert snap_compare(app, terminal_size=SMALL, run_before=_session("3", "left", "left", "enter"))


def test_ahp_inconsistent_120x40(snap_compare) -> None:  # noqa: ANN001
    """AHP on the small case (gain, reach, risk), every pair judged, the third out of line.
    Must show "3 of 3 judged"; rows "Gain : Reach 3", "Gain : Risk 1/3", "Reach : Risk 1 !";
    the consistency line "CR = 0.483 (inconsistent; Saaty's line 0.1). Most out of line:
    Reach : Risk; the others imply 1/9, you said 1"; the title "method ahp"."""
    app = RecordingApp([in_memory(small_case_data())])
    keys = ("3", "left", "left", "enter", "right", "right", "enter", "enter")
    assert snap_compare(app, terminal_size=LARGE, run_before=_session(*keys))


def test_tradeoff_80x24(snap_compare, default_loaded: LoadedCase) -> None:  # noqa: ANN001
    """Trade-off mode, the first question, in bold: "Is moving Competence building from its
    worst to its best level worth more than moving Cost sharing from its worst to its best
    level?"; the keys "m more · l less · e about the same · x stop"; "0 questions
    answered so far; each answer is a ratio statement."; the footer with m More, l Less,
    e About same, x Stop."""
    app = RecordingApp([default_loaded])
    assert snap_compare(app, terminal_size=SMALL, run_before=_session("4"))


def test_tradeoff_120x40(snap_compare, default_loaded: LoadedCase) -> None:  # noqa: ANN001
    """Trade-off mode after two answers (more, less): the third question (Competence
    building against Testbed for wider cooperation); "2 questions answered so far" and
    the two answers "1. Competence building: more than 1 x Cost sharing", "2. …: less
    than 1 x …"; the possibly-best line "under 2 statements"."""
    app = RecordingApp([default_loaded])
    assert snap_compare(app, terminal_size=LARGE, run_before=_session("4", "m", "l"))


def test_swing_rating_prompt_80x24(snap_compare, default_loaded: LoadedCase) -> None:  # noqa: ANN001
    """The rating prompt of the third swing after the ranking is recorded. Must show the title
    "Rate the swing of Sanctions (practical exposure)", under it (wrapped) "Against the first
    (100); 0..90 keeps the ranking: Competence building (90) ranked above it.", then "Now 80;
    type a value on 0..100", the input with 80, Set and Cancel."""
    app = RecordingApp([default_loaded])
    assert snap_compare(app, terminal_size=SMALL, run_before=_session("2", "enter", "down", "down", "enter"))
