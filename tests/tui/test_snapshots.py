"""SVG snapshots of the main screen, the evidence and the help, at 80x24 and 120x40.

They show the bundled default case: after its content changes on purpose,
look at the new pictures and accept them with `pytest --snapshot-update`.
"""

from __future__ import annotations

from tui_helpers import RecordingApp

from assess.io.casefile import LoadedCase

NARROW, WIDE = (80, 24), (120, 40)


def test_main_narrow(snap_compare, default_loaded: LoadedCase) -> None:  # noqa: ANN001
    """80x24: header with the case title (cut) and "cases/ai_cooperation.yaml ·
    2019" (the path from the working folder, so run from the checkout); a
    ranking strip ("2019 1 … · 2 …"); tabs Ranking / Scores / Weights with
    Ranking active: ranks 1-7 with totals and blue bars, then the contributions
    chart (names, stacked bars in family colours, Drv / 5S / Risk subtotals);
    the footer lists Save, Undo, Scenario, Quit and Help."""
    assert snap_compare(RecordingApp([default_loaded]), terminal_size=NARROW)


def test_main_wide(snap_compare, default_loaded: LoadedCase) -> None:  # noqa: ANN001
    """120x40: "Ranking · 2019" and "Why: contributions" side by side (the
    chart's rows line up with the ranking's, its legend below); Scores / Weights
    tabs; the matrix with "Drivers" and "5S" over their first columns, values
    coloured with ±uncertainty, the cursor on megascience × competence; the
    evidence of that cell below: rationale, source, scale levels."""
    assert snap_compare(RecordingApp([default_loaded]), terminal_size=WIDE)


def test_evidence_narrow(snap_compare, default_loaded: LoadedCase) -> None:  # noqa: ANN001
    """80x24, Scores tab, cursor on pharma × synergies: the matrix without a
    frame, and under a rule the evidence: "Pharma and healthcare R&D ×
    Synergies…", the score with its range, the scale with the current level
    reversed, the rationale."""
    assert snap_compare(
        RecordingApp([default_loaded]), terminal_size=NARROW, press=["2", "down", "right", "right"]
    )


def test_evidence_wide(snap_compare, default_loaded: LoadedCase) -> None:  # noqa: ANN001
    """120x40, cursor on pharma × cost sharing: the evidence shows the
    rationale, "Source <document title> (2019), § <section>" and the quoted
    lines of the document with the cited passage highlighted."""
    assert snap_compare(
        RecordingApp([default_loaded]),
        terminal_size=WIDE,
        press=["down", "right", "tab", "down", "down", "down", "down"],
    )


def test_2025_after_an_edit_wide(snap_compare, default_loaded: LoadedCase) -> None:  # noqa: ANN001
    """120x40, scenario 2025 and one edit: the title says "2025 re-assessment ●
    modified"; the ranking shows ▲/▼ for the options that moved, the vetoed
    option apart ("✕ … is above the veto threshold …"); the matrix has Risks
    columns and the edited cell underlined as the scenario's own."""
    assert snap_compare(
        RecordingApp([default_loaded]), terminal_size=WIDE, press=["s", "down", "down", "down", "plus"]
    )


def test_help_narrow(snap_compare, default_loaded: LoadedCase) -> None:  # noqa: ANN001
    """80x24: the "Keys" dialog over the main screen, sections Everywhere and
    Main screen at the top (f1 / ?, c, ^q, ^p; ^s, ^z, ^y, s, 1, 2, 3), scrollable."""
    assert snap_compare(RecordingApp([default_loaded]), terminal_size=NARROW, press=["f1"])


def test_help_wide(snap_compare, default_loaded: LoadedCase) -> None:  # noqa: ANN001
    """120x40: the "Keys" dialog with every section: Everywhere, Main screen,
    Score matrix, Weights table, Moving around, In dialogs, then a note on
    steps and where edits go."""
    assert snap_compare(RecordingApp([default_loaded]), terminal_size=WIDE, press=["f1"])
