"""SVG snapshots of the team screen at 80×24 and 120×40 (pytest-textual-snapshot),
on the team example (anna, boris, chen).

Each docstring says what the screenshot must show; `pytest --snapshot-update`
rewrites the baselines after a deliberate change, to be reviewed as pictures.
"""

from __future__ import annotations

from textual.app import App

from assess.files.casefile import load_case
from assess.tui.screens.team import TeamScreen
from tests.conftest import ROOT

TEAM = ROOT / "cases" / "team_example" / "team.yaml"


class TeamHost(App[None]):
    """A bare app showing the team screen on the team example."""

    def on_mount(self) -> None:
        self.push_screen(TeamScreen(load_case(TEAM)))


def test_team_80x24(snap_compare) -> None:
    """A small terminal. Must show: the title "Team: anna, boris, chen · 31 of
    84 differ" and the legend of five shades (>0 … >2); the heatmap of seven
    options × twelve criteria with the criteria's names clipped on two header
    lines in family colours ("Com…" / "bui…"),
    "·" where all agree and shaded spreads elsewhere (0.5 dark grey up to 2.5
    red), the cursor on 2.5 (Dialogue on AI regulation × spillover); below,
    "Dialogue on AI regulation × Testbed for wider cooperation", "team 3.5
    (mean of 3) · spread 2.5 · sd 1.08 · furthest: boris, 2.25 from the
    others" with boris highlighted, then anna's "4.5 (4–5)" and her rationale
    indented (the rest scrolls); on the right "Ranks vs team (mean, agreed
    weights)": seven options in team order, team/anna/boris/chen ranks, chen's
    3 and 2 for research grants and pharma in red and green, smart cities ✕
    for team and boris, the τ row 0.905 1.000 0.810; the compact footer with ⏎
    Full texts, esc Close, n Next widest, p Prev, v Values/spread. (Since the
    bundled cases were rebuilt: ten options, 13 criteria, "98 of 130 differ",
    the cursor on regulation × spill-over, spread 2; each assessor's role
    after the name and value, "Anna  4 (3.5–4.5)  science-ministry analyst";
    the ranks titled "Ranks vs team · illustrative weights (mean, ...)".)"""
    assert snap_compare(TeamHost(), terminal_size=(80, 24))


def test_team_120x40(snap_compare) -> None:
    """A large terminal (each assessor's role on the line under their name and
    value, dim). Must show what the 80×24 shot shows, with longer
    option names and wider columns (names clipped to seven characters on two
    lines: "Compet…" / "buildi…", "Cost" / "sharing"); below, the three assessors side by side in
    columns headed "anna 4.5 (4–5)", "boris 2 (1–3)" (highlighted) and
    "chen 4 (3–5)", each with the whole rationale wrapped and the cited
    passage in dim italics between curly quotes; the rankings on the right
    with full option names up to 24 characters."""
    assert snap_compare(TeamHost(), terminal_size=(120, 40))


def test_values_120x40(snap_compare) -> None:
    """After `v` and `n`: the heatmap shows every assessor's values instead of
    the spread ("4.5 2 4", "4 2 3"; uniform cells like "4 4 4" in grey),
    with wider columns and a horizontal scrollbar; the cursor and the detail
    on AI for megascience × spillover: "team 3 (mean of 3) · spread 2 · sd
    0.82 · nobody stands out" and the three rationales side by side."""
    assert snap_compare(TeamHost(), press=["v", "n"], terminal_size=(120, 40))


def test_full_texts_modal_80x24(snap_compare) -> None:
    """Enter on the widest cell at 80×24. Must show a bordered modal titled
    "Team: anna, boris, chen" over the dimmed screen: the heading and the
    stats line, then "anna: 4.5 (4–5)" with her full rationale and source in
    dim italics (document § section: "passage"), "boris: 2 (1–3)"
    highlighted with his; a scrollbar (chen and the quoted passages follow)
    and the hint "Esc close · ↑↓ scroll"."""
    assert snap_compare(TeamHost(), press=["enter"], terminal_size=(80, 24))
