"""SVG snapshots of the robustness screen at 80×24 and 120×40, taken after the
Monte Carlo finishes (2,000 samples, seed 1: the same numbers every run).

Each docstring says what the screenshot must show; `pytest --snapshot-update`
rewrites the baselines after a deliberate change, to be reviewed as pictures.
"""

from __future__ import annotations

from textual.app import App

from assess.core.view import resolve
from assess.files.casefile import load_case
from assess.tui.screens.robustness import RobustnessScreen
from tests.conftest import DEFAULT_CASE

SAMPLES, SEED = 2_000, 1


class RobustnessHost(App[None]):
    """A bare app showing the robustness screen of the default case's view."""

    def __init__(self, scenario: str | None = None) -> None:
        super().__init__()
        loaded = load_case(DEFAULT_CASE)
        self.view = resolve(loaded.case, loaded.catalogue_model, scenario)

    def on_mount(self) -> None:
        self.push_screen(RobustnessScreen(self.view, samples=SAMPLES, seed=SEED))


def after_sampling(*keys: str):
    """A `run_before` that waits for the worker's result, then presses `keys`."""

    async def run(pilot) -> None:
        for _ in range(500):
            await pilot.pause(0.02)
            screen = pilot.app.screen
            if isinstance(screen, RobustnessScreen) and screen.finished:
                break
        await pilot.press(*keys)

    return run


def test_robustness_80x24(snap_compare) -> None:
    """The 2019 baseline in a small terminal. Must show: the title "Robustness ·
    Areas of EU–Russia AI cooperation: 2019"; the summary "AI for megascience
    is first in 73.8% of 2,000 samples (confidence 94.2%). Smallest change:
    Market potential and growth ≥ 28% (now 6%) puts Pharma and healthcare
    R&D level." (no progress bar: the sampling is done); the heatmap titled
    "How often each option takes each place" with seven rows × 1st..7th and
    conf., cells shaded blue by their share, the brightest at megascience's
    1st and smart cities' 7th, megascience's row marked ▶, and under it the
    line "conf.: first in this share of score draws, at the weights that make
    it first"; bottom left the
    tornado of AI for megascience (total 0.724), red/green bars centred on a
    yellow │, competence building's score first; bottom right the weight
    stability bars with yellow ┃ marks, "0–49.4%" / "any" beside them and
    "Market poten…" in bold yellow; the compact footer with esc Close, ↑ Prev
    option, ↓ Next option."""
    assert snap_compare(RobustnessHost(), terminal_size=(80, 24), run_before=after_sampling())


def test_robustness_120x40(snap_compare) -> None:
    """The 2019 baseline in a large terminal. Must show what the 80×24 shot
    shows, plus: the summary on two lines; wider heatmap cells; the tornado
    with the input ranges ("3→5", "3%→9%" for a weight) and each total range
    ("0.700–0.748"); all twelve stability bars with full criterion names, and
    below them the legend (first place holds, whole ranking, ┃ now)."""
    assert snap_compare(RobustnessHost(), terminal_size=(120, 40), run_before=after_sampling())


def test_robustness_2025_second_option_120x40(snap_compare) -> None:
    """The 2025 re-assessment after pressing down once. Must show: six options
    in the heatmap (smart cities, vetoed, is not there), the ▶ mark on
    "Pharma and healthcare R&D" and its tornado (total 0.548) bottom left;
    eighteen stability bars, "Hardware sanctions" in bold yellow (the
    smallest change: ≥ 14.7% puts Dialogue on AI regulation level)."""
    assert snap_compare(RobustnessHost("2025"), terminal_size=(120, 40), run_before=after_sampling("down"))
