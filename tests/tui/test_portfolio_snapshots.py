"""SVG snapshots of the portfolio screen at 80×24 and 120×40 (pytest-textual-snapshot),
on the bundled default case.

Each docstring says what the screenshot must show; `pytest --snapshot-update`
rewrites the baselines after a deliberate change, to be reviewed as pictures.
"""

from __future__ import annotations

from assess.files.casefile import LoadedCase
from tests.tui.tui_helpers import RecordingApp


def test_portfolio_80x24(snap_compare, default_loaded: LoadedCase) -> None:  # noqa: ANN001
    """A small terminal, after `p` and two moves down the order. Must show: the title
    "2019 · budget money 8, people 16, political 4 · funded benefit 0.828"; left, the
    frontier as a staircase of o points from 0.000 to 1.363 with the funded ● on the
    dotted budget line, the x axis 0 … budget … ×2.0; right, "Value for money": nine
    options (no reference), Second-track expert… first, ✓ on Second-track, AI for
    megascience, Joint research… and Dialogue on AI…, the cursor on Joint research…;
    below, "Joint research grants: in: costs 4, 3, 1; without it the best use of 4, 3, 1
    elsewhere brings 0.072 less"; the compact footer with esc Close, - Budget −,
    + Budget +, ^z Undo."""
    assert snap_compare(RecordingApp([default_loaded]), terminal_size=(80, 24), press=["p", "down", "down"])


def test_portfolio_120x40_after_a_cut(snap_compare, default_loaded: LoadedCase) -> None:  # noqa: ANN001
    """A large terminal after `p` and three budget cuts. Must show: the title with
    "budget money 5, people 10, political 2.5"; the funded ● lower on the staircase;
    the order table 60 wide with whole names (Second-track expert dialogue) and ✓ on
    Second-track and AI for megascience only; the why line for the first row, in:
    …; the full footer with the palette key."""
    press = ["p", "minus", "minus", "minus"]
    assert snap_compare(RecordingApp([default_loaded]), terminal_size=(120, 40), press=press)
