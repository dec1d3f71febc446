"""SVG snapshots of the main screen, the evidence and the help, at 80x24 and 120x40.

They show the bundled default case: after its content changes on purpose,
look at the new pictures and accept them with `pytest --snapshot-update`.
"""

from __future__ import annotations

from assess.files.casefile import LoadedCase
from tests.tui.tui_helpers import RecordingApp

NARROW, WIDE = (80, 24), (120, 40)


def test_main_narrow(snap_compare, default_loaded: LoadedCase) -> None:  # noqa: ANN001
    """80x24: header with the case title (cut) and "cases/ai_cooperation.yaml ·
    2019" (the path from the working folder, so run from the checkout); the
    status line ("2019 1 … · 2 …", nothing unsaved so no "● modified"); tabs
    Ranking / Scores / Weights with Ranking active: ranks 1-7 with names,
    totals, each total's stacked bar of contributions (greens then oranges, a
    few criteria's names on their runs) and an empty "Δ saved" column; under it
    the legend, each criterion by its name with its swatch; the footer lists
    Save, Undo, Scenario, Quit and Help, all of it."""
    assert snap_compare(RecordingApp([default_loaded]), terminal_size=NARROW)


def test_main_wide(snap_compare, default_loaded: LoadedCase) -> None:  # noqa: ANN001
    """120x40: the status line "2019 no unsaved changes"; "Ranking · 2019"
    (with "Δ saved") and "Why: contributions" side by side, the chart's rows
    lining up with the ranking's, names on the wider runs and the legend of
    names in three or four columns below; Scores / Weights tabs; the matrix
    with "Drivers" and "5S" over their first columns, criteria's names on two
    header lines ("Competence / building"), values coloured with their range
    "4 (3–5)", the cursor on megascience × competence; below, that cell's
    evidence: title and score, the highlighted passage in its context, the
    source, the rationale and the scale's levels, all without scrolling."""
    assert snap_compare(RecordingApp([default_loaded]), terminal_size=WIDE)


def test_evidence_narrow(snap_compare, default_loaded: LoadedCase) -> None:  # noqa: ANN001
    """80x24, Scores tab, cursor on pharma × synergies: the matrix without a
    frame, and under a rule the evidence: "Pharma and healthcare R&D ×
    Synergies…" with the score and its range "(2.5–4)", then the cited
    passage highlighted in a line of context, its source on one line, and
    the rationale; the footer ends with f1 Help."""
    assert snap_compare(
        RecordingApp([default_loaded]), terminal_size=NARROW, press=["2", "down", "right", "right"]
    )


def test_evidence_wide(snap_compare, default_loaded: LoadedCase) -> None:  # noqa: ANN001
    """120x40, cursor on pharma × cost sharing: the evidence shows the
    highlighted passage with a few words either side, "Source § <section>,
    <document title> (2019)" on one line, the rationale and the scale."""
    assert snap_compare(
        RecordingApp([default_loaded]),
        terminal_size=WIDE,
        press=["down", "right", "tab", "down", "down", "down", "down"],
    )


def test_2025_after_an_edit_wide(snap_compare, default_loaded: LoadedCase) -> None:  # noqa: ANN001
    """120x40, scenario 2025 and one edit: the status line starts with
    "● modified", then "2025 re-assessment" and "1 change since the file was
    opened or saved"; "Δ saved" shows ▲1 and the change of total for
    regulation and ▼1 for the option it passed; the vetoed option apart
    ("✕ … is above the veto threshold …"); the legend holds the six risks in
    reds; the matrix has the edited cell underlined as the scenario's own; in the
    ranking "No new cooperation" (the reference) in italics, underlined as the line to
    beat, and the three options below it struck through (worse than doing nothing)."""
    assert snap_compare(
        RecordingApp([default_loaded]), terminal_size=WIDE, press=["s", "down", "down", "down", "plus"]
    )


def test_help_narrow(snap_compare, default_loaded: LoadedCase) -> None:  # noqa: ANN001
    """80x24: the "Keys" dialog over the main screen, sections Everywhere and
    Main screen at the top (f1 / ?, c, a, t, p, w, ^q, ^p; ^s, ^z, ^y, s, 1, 2, 3),
    each with what it does in a few words, scrollable."""
    assert snap_compare(RecordingApp([default_loaded]), terminal_size=NARROW, press=["f1"])


def test_help_wide(snap_compare, default_loaded: LoadedCase) -> None:  # noqa: ANN001
    """120x40: the "Keys" dialog, scrollable: Everywhere, Main screen, Score
    matrix, Weights table and the start of the Compare screen's keys, each
    key with what it does in a few words (below: the compare matrix,
    rankings and full texts, Robustness, Team, the rationale editor, Moving
    around, In dialogs, and a note on "Δ saved" and "● modified")."""
    assert snap_compare(RecordingApp([default_loaded]), terminal_size=WIDE, press=["f1"])
