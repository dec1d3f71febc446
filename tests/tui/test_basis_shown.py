"""The UI shows what each score rests on: the evidence panel says evidence,
judgement or carried over, and how far the cited document can be trusted; the
score matrix marks judgement (°) and carried (=) cells, with a legend; the
weights tab marks illustrative weights."""

from __future__ import annotations

from textual.widgets import Static

from assess.files.casefile import LoadedCase
from assess.tui.present import BASIS_LEGEND
from assess.tui.widgets.elicitation_note import ElicitationNote
from assess.tui.widgets.evidence_panel import EvidencePanel
from assess.tui.widgets.score_matrix import ScoreMatrix
from tests.tui.tui_helpers import RecordingApp, plain_rows, rendered


def _cell(matrix: ScoreMatrix, option: str, criterion: str) -> str:
    state = matrix.state
    assert state is not None
    i = [o.id for o in state.view.options].index(option)
    j = [c.id for c in state.view.criteria].index(criterion)
    return plain_rows(matrix)[i][j + 1]


async def _evidence(app: RecordingApp, pilot, option: str, criterion: str) -> str:
    app.screen.query_one(ScoreMatrix).go_to(option, criterion)
    await pilot.pause()
    body = app.screen.query_one(EvidencePanel).query_one("#evidence-body", Static)
    return " ".join(rendered(body.content, 200).split())  # all of it, not only what is in view


async def test_evidence_and_judgement_in_the_baseline(default_loaded: LoadedCase) -> None:
    app = RecordingApp([default_loaded])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        matrix = app.screen.query_one(ScoreMatrix)
        assert _cell(matrix, "megascience", "synergies") == "4.5 (4–5)"  # evidence: no mark
        assert _cell(matrix, "megascience", "competence").startswith("4°")  # judgement
        text = await _evidence(app, pilot, "megascience", "synergies")
        assert "· evidence" in text
        assert "Reliability A policy brief of 2019" in text
        assert "· judgement" in await _evidence(app, pilot, "megascience", "competence")
        assert matrix.border_subtitle == BASIS_LEGEND
        veto = await _evidence(app, pilot, "megascience", "legality")
        assert "Veto: a range whose unfavourable end is above 3 excludes" in veto


async def test_a_carried_cell_is_marked_and_said_carried_over(default_loaded: LoadedCase) -> None:
    app = RecordingApp([default_loaded], scenario="2025")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        matrix = app.screen.query_one(ScoreMatrix)
        assert "=" in _cell(matrix, "megascience", "market_superiority")
        assert "· carried over" in await _evidence(app, pilot, "megascience", "market_superiority")
        # narrow, the matrix has no border: the legend stands in the evidence's title
        assert BASIS_LEGEND in str(app.screen.query_one(EvidencePanel).border_title)


async def test_illustrative_weights_are_marked_in_the_weights_tab(default_loaded: LoadedCase) -> None:
    app = RecordingApp([default_loaded])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        note = rendered(app.screen.query_one(ElicitationNote).render(), 200)
        assert "Swing weighting, weights of the baseline (2019) · illustrative weights" in note
