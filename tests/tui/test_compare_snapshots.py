"""SVG snapshots of the compare screen at 80×24 and 120×40 (pytest-textual-snapshot).

Each docstring says what the screenshot must show; `pytest --snapshot-update`
rewrites the baselines after a deliberate change, to be reviewed as pictures.
"""

from __future__ import annotations

from textual.app import App

from assess.files.casefile import load_case
from assess.tui.screens.compare import CompareScreen
from tests.conftest import DEFAULT_CASE, SECURITY_CASE


class CompareHost(App[None]):
    """A bare app showing the compare screen on `paths` (the scenario's views
    of the one case when only one is given)."""

    def __init__(self, *paths: object) -> None:
        super().__init__()
        self.paths = paths

    def on_mount(self) -> None:
        self.push_screen(CompareScreen([load_case(str(p)) for p in self.paths]))


def test_two_cases_80x24(snap_compare) -> None:
    """The two bundled cases in a small terminal. Must show: the title
    "Compare ai_cooperation → security_first" with the legend; the ranking of
    seven options with both ranks and totals (smart cities vetoed, ✕, in
    security_first), the moves ▲1 ▲2 ▼1 ▼2 and the weight/score effects as
    signed numbers with bars; the matrix with one-line headers, the weight
    row highlighted ("10→15.4", "10→19.2"), the cursor on "1→2" (pharma ×
    security) and other changed cells ("4→4.5", "2→3") highlighted; below,
    "Pharma and healthcare R&D × Security issues 1 (0.5–2) → 2 (1–3)" and
    one line per case starting with its rationale; the legend with "3~
    range"; the compact footer with ⏎ Full texts, esc Close, n Next change,
    p Prev change (the bare host has no keys of its own)."""
    assert snap_compare(CompareHost(DEFAULT_CASE, SECURITY_CASE), terminal_size=(80, 24))


def test_two_cases_120x40(snap_compare) -> None:
    """The two bundled cases in a large terminal. Must show what the 80×24
    shot shows, plus: full option names, "weight effect" / "score effect"
    headers, the matrix under a titled rule ("Weights (%) and scores · °
    judgement · = carried over · n / p
    next / previous change · ⏎ full texts") with the criteria's names on two
    header lines ("Cost / sharing") and all seven option rows; the pane "At the cursor, in each
    view" with both rationales wrapped in full and each source (document §
    section: "passage") in dim italics below it."""
    assert snap_compare(CompareHost(DEFAULT_CASE, SECURITY_CASE), terminal_size=(120, 40))


def test_full_texts_modal_80x24(snap_compare) -> None:
    """Enter on the pharma × security cell at 80×24. Must show a bordered modal
    titled "Compare: ai_cooperation → security_first" over the dimmed screen:
    the cell's values "1 (0.5–2) → 2 (1–3)" and what changed (value, range,
    rationale, source); then one block per case, "ai_cooperation: 1 (0.5–2)"
    and "security_first: 2 (1–3)", each with its full rationale at full
    width and its source in dim italics; a scrollbar (the quoted passages
    follow below) and the hint "Esc close · ↑↓ scroll"."""
    assert snap_compare(CompareHost(DEFAULT_CASE, SECURITY_CASE), press=["enter"], terminal_size=(80, 24))


def test_scenarios_option_split_120x40(snap_compare) -> None:
    """One case: 2019 against the 2025 re-assessment, with the ranking focused
    on its second row. Must show the title "Compare 2019 → 2025 · 18 weights,
    67 cells differ"; smart cities vetoed (✕) in 2025; regulation ▲3, research
    grants and testbeds ▼2; pharma's row highlighted; below, "2019 → 2025:
    0.602 → 0.548 (-0.054) = weight -0.015 + score -0.038" and a table of its
    five largest criteria (hardware sanctions, talent drain first, all weight
    effect) with blue weight bars and violet score bars."""
    assert snap_compare(CompareHost(DEFAULT_CASE), press=["shift+tab", "down"], terminal_size=(120, 40))
