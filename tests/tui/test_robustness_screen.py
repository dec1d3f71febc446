"""The robustness screen driven as a planner uses it: the Monte Carlo runs in a
worker while the screen answers keys, the heatmap shows the result, up/down
choose the tornado's option, Escape closes and cancels the worker."""

from __future__ import annotations

import asyncio
import time

from textual.app import App
from textual.worker import WorkerState

from assess.core.robustness.analysis import Acceptability, acceptability
from assess.core.view import View, resolve
from assess.files.casefile import LoadedCase
from assess.render.fmt import percent
from assess.tui.screens.robustness import RobustnessScreen
from assess.tui.widgets.robustness_heatmap import AcceptabilityHeatmap
from assess.tui.widgets.robustness_stability import StabilityBars
from assess.tui.widgets.robustness_tornado import TornadoChart

SAMPLES, SEED = 500, 3


class RobustnessHost(App[None]):
    """A bare app that pushes the robustness screen of one view."""

    def __init__(self, view: View, samples: int = SAMPLES) -> None:
        super().__init__()
        self.view, self.samples = view, samples

    def on_mount(self) -> None:
        self.push_screen(RobustnessScreen(self.view, samples=self.samples, seed=SEED))


def baseline(loaded: LoadedCase, scenario: str | None = None) -> View:
    return resolve(loaded.case, loaded.catalogue_model, scenario)


async def wait_for_result(pilot, app: App) -> RobustnessScreen:
    for _ in range(200):
        await pilot.pause(0.02)
        if isinstance(app.screen, RobustnessScreen) and app.screen.finished:
            return app.screen
    raise AssertionError("the Monte Carlo never finished")


def plain(widget) -> str:
    return widget.render().plain


async def test_heatmap_shows_the_result_and_down_changes_the_tornado(default_loaded) -> None:
    view = baseline(default_loaded)
    app = RobustnessHost(view)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await wait_for_result(pilot, app)
        expected = acceptability(view, samples=SAMPLES, seed=SEED)
        first = screen.result.first
        row = plain(screen.query_one(AcceptabilityHeatmap)).splitlines()[1]
        assert "AI for megascience" in row and percent(expected.ranks[first][0]) in row
        assert f"of {SAMPLES} samples" in str(screen.query_one("#robustness-headline").render())
        tornado = screen.query_one(TornadoChart)
        assert plain(tornado).startswith("AI for megascience")
        await pilot.press("down")
        second = list(screen.result.options)[1]
        assert screen.selected == second and tornado.selected == second
        assert plain(tornado).startswith(screen.result.options[second])
        await pilot.press("up", "up")
        assert tornado.selected == first
        await pilot.click(AcceptabilityHeatmap, offset=(4, 4))  # border, header, 1st, 2nd, 3rd
        assert tornado.selected == list(screen.result.options)[2]
        assert not screen.query_one("#robustness-progress").display


async def test_keys_work_while_sampling_and_escape_cancels(default_loaded, monkeypatch) -> None:
    """20 million samples take minutes: the keys must answer meanwhile, and
    Escape must stop the sampling thread itself, not only forget it."""
    import assess.tui.screens.robustness as module

    returned: list[Acceptability] = []

    def spy(*args, **kwargs) -> Acceptability:
        returned.append(acceptability(*args, **kwargs))
        return returned[-1]

    monkeypatch.setattr(module, "acceptability", spy)
    app = RobustnessHost(baseline(default_loaded), samples=20_000_000)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.1)
        screen = app.screen
        assert isinstance(screen, RobustnessScreen) and not screen.finished
        # pilot.press waits for the process to idle, which a busy worker never
        # does: post the key as the terminal would, and time the answer.
        second, start = list(screen.result.options)[1], time.perf_counter()
        app.simulate_key("down")
        while screen.selected != second and time.perf_counter() - start < 1.0:
            await asyncio.sleep(0.005)
        assert screen.selected == second and not screen.finished
        worker = next(iter(screen.workers))
        await pilot.press("escape")
        assert not isinstance(app.screen, RobustnessScreen)
        assert worker.state == WorkerState.CANCELLED
        for _ in range(250):
            await pilot.pause(0.02)
            if returned:
                break
        assert returned and returned[0].stopped and returned[0].samples < 20_000_000


async def test_fits_80x24_with_a_vetoed_option(default_loaded) -> None:
    app = RobustnessHost(baseline(default_loaded, "2025"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for_result(pilot, app)
        assert "smart_cities" not in screen.result.options
        for widget in (
            screen.query_one(AcceptabilityHeatmap),
            screen.query_one(TornadoChart),
            screen.query_one("#robustness-stability-scroll"),
        ):
            assert widget.region.width > 20 and widget.region.height >= 5
            assert widget.region.right <= 80 and widget.region.bottom <= 23
        stability = plain(screen.query_one(StabilityBars))
        assert "Compute gap" in stability and "┃" in stability
