"""The robustness screen: would the answer hold, and what would change it?

Top: a one-line summary (how often the first option is first, and the
smallest single-weight change that unseats it), then the rank-acceptability
heatmap (SMAA-2). Bottom left: the tornado of the selected option (↑/↓ or a
click on the heatmap choose it); bottom right: every criterion's weight
stability bar. The deterministic parts (stability, tornado) show at once;
the Monte Carlo runs in a thread worker that posts its progress and result,
and is cancelled when the screen closes (Escape).
"""

from __future__ import annotations

from dataclasses import replace

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, ProgressBar, Static
from textual.worker import Worker, WorkerState, get_current_worker

from assess.core.robustness.analysis import (
    DEFAULT_SAMPLES,
    DEFAULT_SEED,
    Acceptability,
    Robustness,
    acceptability,
    analyse,
)
from assess.core.view import View
from assess.render.fmt import percent
from assess.tui.present import shown
from assess.tui.widgets.robustness_heatmap import AcceptabilityHeatmap
from assess.tui.widgets.robustness_stability import StabilityBars
from assess.tui.widgets.robustness_tornado import TornadoChart

WIDE = 100
"""Terminal columns from which the tornado gets the larger share of the width."""


def summary(r: Robustness, samples: int) -> str:
    """The screen's headline: short enough for two lines at 80 columns."""
    first = r.options[r.first]
    acc = r.acceptability
    if acc is None:
        head = f"{first} leads; sampling {samples:,} weightings and scores…"
    else:
        conf = acc.confidence[r.first]
        head = f"{first} is first in {percent(acc.ranks[r.first][0])} of {acc.samples:,} samples"
        head += f" (confidence {percent(conf)})." if conf is not None else "."
    c = r.smallest_change
    if c is None:
        return head + " No single weight change can unseat it."
    arrow = "≥" if c.direction == "up" else "≤"
    return (
        f"{head} Smallest change: {r.criteria[c.criterion]} {arrow} {percent(c.weight_to)} "
        f"(now {percent(c.weight_from)}) puts {r.options[c.new_first]} level."
    )


class RobustnessScreen(Screen[None]):
    """Rank acceptability, weight stability and tornado of one view."""

    CSS_PATH = "robustness.tcss"
    BINDINGS = [
        Binding("escape", "close", "Close", id="robustness.close", tooltip="Close the robustness screen"),
        Binding(
            "q", "close", "Close", show=False, id="robustness.close_q", tooltip="Close the robustness screen"
        ),
        Binding(
            "up",
            "select(-1)",
            "Prev option",
            id="robustness.previous_option",
            tooltip="Show the tornado of the option above",
        ),
        Binding(
            "down",
            "select(1)",
            "Next option",
            id="robustness.next_option",
            tooltip="Show the tornado of the option below",
        ),
    ]

    result: reactive[Robustness | None] = reactive(None)
    selected: reactive[str | None] = reactive(None)

    class Progress(Message):
        """Monte Carlo samples done so far, of `total`."""

        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done, self.total = done, total

    class Finished(Message):
        """The Monte Carlo's result."""

        def __init__(self, found: Acceptability) -> None:
            super().__init__()
            self.found = found

    def __init__(
        self,
        view: View,
        *,
        samples: int = DEFAULT_SAMPLES,
        seed: int = DEFAULT_SEED,
        spread: float | None = None,
    ) -> None:
        super().__init__()
        self.view, self.samples, self.seed, self.spread = view, samples, seed, spread
        quick = analyse(view, samples=0, seed=seed, spread=spread)
        self.set_reactive(RobustnessScreen.result, quick)
        self.set_reactive(RobustnessScreen.selected, quick.first)

    def compose(self) -> ComposeResult:
        r = self.result
        assert r is not None
        who = f" · {r.assessor}" if r.assessor else ""
        yield Static(shown(f"Robustness · {r.title}: {r.view}{who}"), id="robustness-title")
        yield Static(shown(summary(r, self.samples)), id="robustness-headline")
        yield ProgressBar(total=100, show_eta=False, id="robustness-progress")
        heatmap = AcceptabilityHeatmap(id="robustness-heatmap")
        heatmap.border_title = "How often each option takes each place"
        yield heatmap.data_bind(RobustnessScreen.result, RobustnessScreen.selected)
        with Horizontal(id="robustness-bottom"):
            tornado = TornadoChart(id="robustness-tornado")
            tornado.border_title = "Tornado · ↑↓ option"
            yield tornado.data_bind(RobustnessScreen.result, RobustnessScreen.selected)
            with VerticalScroll(id="robustness-stability-scroll", can_focus=False) as scroll:
                scroll.border_title = "Weight stability"
                yield StabilityBars(id="robustness-stability").data_bind(RobustnessScreen.result)
        wide = self.app.size.width >= 100  # narrower, a compact footer leaves room for every key
        yield Footer(compact=not wide, show_command_palette=wide)

    def on_mount(self) -> None:
        self.run_monte_carlo()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width >= WIDE, "-wide")

    @work(thread=True, exclusive=True, group="robustness", exit_on_error=False)
    def run_monte_carlo(self) -> None:
        worker = get_current_worker()
        shown = [-1]

        def progress(done: int, total: int) -> None:  # at most one message per percent
            whole = 100 * done // max(total, 1)
            if whole != shown[0]:
                shown[0] = whole
                self.post_message(self.Progress(done, total))

        found = acceptability(
            self.view,
            samples=self.samples,
            seed=self.seed,
            spread=self.spread,
            progress=progress,
            should_stop=lambda: worker.is_cancelled,
        )
        if not worker.is_cancelled:
            self.post_message(self.Finished(found))

    @on(Progress)
    def _progress(self, message: Progress) -> None:
        self.query_one(ProgressBar).update(total=message.total, progress=message.done)

    @on(Finished)
    def _finished(self, message: Finished) -> None:
        assert self.result is not None
        self.query_one(ProgressBar).display = False
        self.result = replace(self.result, acceptability=message.found, samples=self.samples)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.query_one(ProgressBar).display = False
            self.query_one("#robustness-headline", Static).update(
                shown(f"The Monte Carlo failed: {event.worker.error}")
            )

    def watch_result(self, result: Robustness | None) -> None:
        if result is not None and self.is_mounted:
            self.query_one("#robustness-headline", Static).update(shown(summary(result, self.samples)))

    @property
    def finished(self) -> bool:
        """Whether the Monte Carlo's result is shown."""
        return self.result is not None and self.result.acceptability is not None

    def action_select(self, step: int) -> None:
        if self.result is None:
            return
        ids = list(self.result.options)
        at = ids.index(self.selected) if self.selected in ids else 0
        self.selected = ids[max(0, min(len(ids) - 1, at + step))]

    @on(AcceptabilityHeatmap.Selected)
    def _clicked(self, message: AcceptabilityHeatmap.Selected) -> None:
        self.selected = message.option

    def action_close(self) -> None:
        self.workers.cancel_group(self, "robustness")
        self.dismiss()
