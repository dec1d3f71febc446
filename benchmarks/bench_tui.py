"""The planner's UI: start-up time and the time from a score edit to the
re-ranked screen. Prints figures; asserts nothing.

1. Start-up: whole-process time from `python -c` to the first full paint of
   the default case, headless at 120x40, against a bare Textual app with the
   same kinds of widgets (Header, two DataTables, Static, Footer) started the
   same way in the same run. Both exit from `on_mount` via
   `call_after_refresh(self.exit)`. Target: ratio <= 1.3.
2. Edit to screen: press `+` on a cell (pilot) and stop the clock in a
   `call_after_refresh` scheduled when the App's state changes, i.e. once the
   screen showing the new ranking has been painted. For the default case and a
   generated 200 options x 40 criteria case; wall and CPU time (CPU time is the
   steadier figure on a busy machine). Target: < 50 ms. For scale, the pilot's
   round trip (press, then pause until painted), which adds the pilot's idle
   waits, also for a bare DataTable app whose key changes one cell.
3. Statement to possibly best: on the weights screen (`w`, default case),
   type a weight statement and press enter; the clock stops once the screen
   showing the new possibly-best set has been painted, before the SMAA worker
   (started after that paint) takes its share of the CPU. Each statement is
   then undone. Target: < 100 ms.

Run: python benchmarks/bench_tui.py [repeats]
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT / "cases" / "ai_cooperation.yaml"
sys.path.insert(0, str(ROOT))

ASSESS_FIRST_PAINT = f"""
from assess.tui.app import AssessApp, load_all

class FirstPaint(AssessApp):
    def on_mount(self):
        self.call_after_refresh(self.exit)

FirstPaint(load_all([{str(CASE)!r}])).run(headless=True, size=(120, 40))
"""

BARE_FIRST_PAINT = """
from textual.app import App
from textual.widgets import DataTable, Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        ranking = DataTable()
        ranking.add_columns("#", "Option", "Total", "Bar")
        ranking.add_rows([(str(i), f"Option {i}", "0.500", "#" * i) for i in range(7)])
        yield ranking
        matrix = DataTable()
        matrix.add_columns("Option", *[f"criterion {j}" for j in range(12)])
        matrix.add_rows([[f"Option {i}", *[str((i + j) % 5) for j in range(12)]] for i in range(7)])
        yield matrix
        yield Static("The evidence of the cell under the cursor. " * 8)
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(self.exit)

Bare().run(headless=True, size=(120, 40))
"""


def process_time_of(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def startup(repeats: int) -> tuple[float, float]:
    process_time_of(BARE_FIRST_PAINT)  # warm the file cache
    bare, assess = [], []
    for _ in range(repeats):
        bare.append(process_time_of(BARE_FIRST_PAINT))
        assess.append(process_time_of(ASSESS_FIRST_PAINT))
    return statistics.median(bare), statistics.median(assess)


Timing = tuple[float, float, float]
"""(wall ms to the painted screen, CPU ms, pilot round trip ms)."""


async def timed_presses(app, keys: list[str]) -> list[Timing]:  # noqa: ANN001 - any App
    """Press each key; time until the screen is painted after the change."""
    painted: list[tuple[float, float]] = []
    out: list[Timing] = []

    def mark() -> None:
        painted.append((time.perf_counter(), time.process_time()))

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.on_change = lambda: app.call_after_refresh(mark)
        for key in keys:
            painted.clear()
            wall, cpu = time.perf_counter(), time.process_time()
            await pilot.press(key)
            while not painted:
                await pilot.pause()
            trip = (time.perf_counter() - wall) * 1000
            out.append(((painted[0][0] - wall) * 1000, (painted[0][1] - cpu) * 1000, trip))
    return out


async def edit_times(loaded, repeats: int) -> list[Timing]:  # noqa: ANN001 - a LoadedCase
    from assess.tui.app import AssessApp

    class Timed(AssessApp):
        on_change: Callable[[], object] = staticmethod(lambda: None)

        def on_mount(self) -> None:
            self.watch(self, "state", lambda _: self.on_change(), init=False)

    keys = ["plus" if k % 2 == 0 else "minus" for k in range(repeats)]
    app = Timed([loaded])
    return await timed_presses(app, keys)


async def bare_update_times(repeats: int) -> list[Timing]:
    from rich.text import Text
    from textual.app import App
    from textual.binding import Binding
    from textual.widgets import DataTable, Footer, Header

    class Bare(App):
        BINDINGS = [Binding("plus", "bump")]
        on_change: Callable[[], object] = staticmethod(lambda: None)

        def compose(self):  # noqa: ANN202
            yield Header()
            table = DataTable()
            table.add_columns(*[f"c{j}" for j in range(12)])
            for i in range(10):
                table.add_row(*[Text(str(i * j)) for j in range(12)], key=str(i))
            yield table
            yield Footer()

        def action_bump(self) -> None:
            table = self.query_one(DataTable)
            table.update_cell("3", list(table.columns)[2], Text(str(time.perf_counter())[-3:]))
            self.on_change()

    return await timed_presses(Bare(), ["plus"] * repeats)


STATEMENTS = (
    "security > sanctions > competence",
    "sanctions 1.5..3 x competence",
    "security 10%..30%",
    "competence >= 1 x cost_sharing",
)


async def statement_times(loaded, repeats: int) -> list[Timing]:  # noqa: ANN001 - a LoadedCase
    """Section 3 of the module docstring: one timing per statement typed."""
    from assess.tui.app import AssessApp
    from assess.tui.screens.elicit import ElicitScreen

    painted: list[tuple[float, float]] = []
    out: list[Timing] = []
    app = AssessApp([loaded])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w", "enter")  # who: the default
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ElicitScreen)
        live = screen._live  # noqa: SLF001 - the clock stops after it, once painted

        def timed_live() -> None:
            # queued first, so it runs after the paint and before the SMAA worker starts
            app.call_after_refresh(lambda: painted.append((time.perf_counter(), time.process_time())))
            live()

        screen._live = timed_live  # type: ignore[method-assign]  # noqa: SLF001
        for k in range(repeats):
            await pilot.press("a")
            app.focused.value = STATEMENTS[k % len(STATEMENTS)]  # type: ignore[union-attr]
            painted.clear()
            wall, cpu = time.perf_counter(), time.process_time()
            await pilot.press("enter")
            while not painted:
                await asyncio.sleep(0.001)
            out.append((1000 * (painted[0][0] - wall), 1000 * (painted[0][1] - cpu), 0.0))
            await pilot.press("ctrl+z")
            await app.workers.wait_for_complete()
            await pilot.pause()
    return out


def median(times: list[Timing], k: int) -> float:
    return statistics.median(t[k] for t in times)


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    from assess.files.casefile import load_case
    from tests.tui.bigcase import big_loaded_case

    bare, assess = startup(repeats)
    print(f"Start-up to first paint, headless 120x40 (median of {repeats} processes)")
    print(f"  {'bare Textual app (Header, 2 DataTables, Static, Footer)':58} {bare:7.3f} s")
    print(f"  {'assess, default case':58} {assess:7.3f} s")
    print(f"  {'ratio (target <= 1.3)':58} {assess / bare:7.2f}")
    start = time.perf_counter()
    loaded = load_case(CASE)
    print(
        f"  {'of which loading and checking the case (in process)':58} {time.perf_counter() - start:7.3f} s\n"
    )

    edits = 4 * repeats
    rows = [
        ("default case (7 options x 12 criteria)", asyncio.run(edit_times(loaded, edits))),
        ("generated 200 options x 40 criteria", asyncio.run(edit_times(big_loaded_case(200, 40), edits))),
    ]
    bare_trip = median(asyncio.run(bare_update_times(edits)), 2)
    print(f"Score edit to re-ranked screen (median of {edits} edits; target < 50 ms)")
    print(f"  {'':44} {'wall ms':>8} {'CPU ms':>8} {'pilot ms':>9}")
    for label, times in rows:
        print(f"  {label:44} {median(times, 0):8.1f} {median(times, 1):8.1f} {median(times, 2):9.1f}")
    print(f"  {'bare DataTable app, one update_cell':44} {'':8} {'':8} {bare_trip:9.1f}")
    said = asyncio.run(statement_times(loaded, edits))
    print(f"\nWeight statement to possibly best on screen (median of {edits}; target < 100 ms)")
    print(f"  {'default case (10 options x 13 criteria)':44} {median(said, 0):8.1f} {median(said, 1):8.1f}")


if __name__ == "__main__":
    main()
