"""The planner's UI: time to first paint, and from a score edit to the
re-ranked screen. Prints figures beside their references; asserts nothing.

1. First paint, whole process, `assess` against a bare Textual app (Header,
   DataTable, Footer) started the same way in the same run, on the default
   case, a generated 200 options x 40 criteria case and a generated team case
   of 50 options x 40 criteria x 10 assessors:
   - headless at 120x40: each app prints the wall clock from `on_mount` +
     `call_after_refresh` (the first frame), and `assess` again when its main
     screen has been painted after the case was scored (`case shown`);
   - in tmux at 120x40: `capture-pane` polled every 10 ms until a known string
     is on the screen: a row of the bare app's table; "Opening " (the first
     frame) and "Ranking · " (the case shown) for `assess`.
   Time starts when the process is started. `assess` runs as `assess open
   FILE` does (`assess.tui.app.run_app`: the case loaded and validated before
   the UI starts, through the cache of validated cases, warm, when the tree has
   it). The first frame is the opening screen, which names the case and says it
   is opening (no number); `case shown` is the ranking. Targets (issue 11): first
   frame on the default case <= 1.3x the bare app; at 200 x 40 <= 1.5x the
   default case (both measures).
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

Run: python benchmarks/bench_tui.py [repeats]   (figures on a loaded machine
are not figures: run it on an idle one)
"""

from __future__ import annotations

import asyncio
import importlib.util
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT / "cases" / "ai_cooperation.yaml"
sys.path.insert(0, str(ROOT))

ASSESS_HEADLESS = """
import sys, time
from assess.tui.app import AssessApp
from assess.tui.opening import opening

class Timed(AssessApp):
    def on_mount(self):
        self.call_after_refresh(lambda: print("frame", time.time(), flush=True))

    def _opened(self, current):
        super()._opened(current)
        self.screen.call_after_refresh(self._shown)  # after the main screen's first paint

    def _shown(self):
        print("shown", time.time(), flush=True)
        self.exit()

Timed(opening(sys.argv[1:])).run(headless=True, size=(120, 40))
"""

BARE = """
import sys, time
from textual.app import App
from textual.widgets import DataTable, Footer, Header

class Bare(App):
    def compose(self):
        yield Header()
        table = DataTable()
        table.add_columns("#", "Option", "Total")
        table.add_rows([(str(i), f"Bare option {i}", "0.500") for i in range(10)])
        yield table
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(self.painted)

    def painted(self):
        print("frame", time.time(), flush=True)
        if "--headless" in sys.argv:
            self.exit()

Bare().run(headless="--headless" in sys.argv, size=(120, 40) if "--headless" in sys.argv else None)
"""
BARE_SHOWN = "Bare option 9"


def headless(code: str, args: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from starting the process to each mark it prints."""
    start = time.time()
    cmd = [sys.executable, "-c", code, *args]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env, check=True, timeout=300)
    marks = dict(line.split() for line in done.stdout.splitlines() if line[:5] in ("frame", "shown"))
    return {k: float(v) - start for k, v in marks.items()}


class Tmux:
    """A private tmux server with one 120x40 pane."""

    def __init__(self) -> None:
        self.socket = f"bench-tui-{uuid.uuid4().hex[:8]}"
        self.run("new-session", "-d", "-s", "app", "-x", "120", "-y", "40", "cat")

    def run(self, *args: str) -> str:
        cmd = ["tmux", "-L", self.socket, "-f", "/dev/null", *args]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=10).stdout

    def time_to(self, command: str, wanted: list[str], timeout: float = 60.0) -> dict[str, float]:
        """Start `command` in the pane; seconds until each of `wanted` is on the screen."""
        found: dict[str, float] = {}
        start = time.time()
        self.run("respawn-pane", "-k", "-t", "app", command)
        while len(found) < len(wanted) and time.time() - start < timeout:
            screen = self.run("capture-pane", "-p", "-t", "app")
            for text in wanted:
                if text in screen and text not in found:
                    found[text] = time.time() - start
            time.sleep(0.01)
        self.run("respawn-pane", "-k", "-t", "app", "cat")
        return found

    def close(self) -> None:
        self.run("kill-server")


def generated_cases(folder: Path) -> dict[str, Path]:
    from tests.tui.bigcase import big_case_data

    out = {}
    for label, data in [
        ("200 x 40", big_case_data(200, 40)),
        ("50 x 40 x 10 assessors", big_case_data(50, 40, assessors=10)),
    ]:
        path = folder / (label.replace(" ", "") + ".yaml")
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        out[label] = path
    return out


def first_paint(cases: dict[str, Path], repeats: int, env: dict[str, str]) -> None:
    bare = [headless(BARE, ["--headless"], env)["frame"] for _ in range(repeats)]
    rows = {
        label: [headless(ASSESS_HEADLESS, [str(p)], env) for _ in range(repeats)]
        for label, p in cases.items()
    }
    print(f"First paint, headless 120x40, whole process (median of {repeats}), seconds")
    _table(statistics.median(bare), {k: _medians(v) for k, v in rows.items()})
    if shutil.which("tmux") is None:
        print("\n(tmux is not installed: no figures in a real terminal)")
        return
    tmux = Tmux()
    try:
        shell = (
            f"env -u COLUMNS -u LINES COLORTERM=truecolor XDG_CACHE_HOME={shlex.quote(env['XDG_CACHE_HOME'])}"
        )
        bare_cmd = f"{shell} {shlex.quote(sys.executable)} -c {shlex.quote(BARE)}"
        bare_t = [tmux.time_to(bare_cmd, [BARE_SHOWN])[BARE_SHOWN] for _ in range(repeats)]
        found = {}
        for label, path in cases.items():
            cmd = f"{shell} {shlex.quote(sys.executable)} -m assess open {shlex.quote(str(path))}"
            runs = [tmux.time_to(cmd, ["Opening ", "Ranking · "]) for _ in range(repeats)]
            found[label] = [
                {"frame": r.get("Opening ", r.get("Ranking · ", 0)), "shown": r["Ranking · "]} for r in runs
            ]
    finally:
        tmux.close()
    print(f"\nFirst paint in tmux 120x40 (capture-pane every 10 ms; median of {repeats}), seconds")
    _table(statistics.median(bare_t), {k: _medians(v) for k, v in found.items()})


def _medians(runs: list[dict[str, float]]) -> tuple[float, float]:
    return statistics.median(r["frame"] for r in runs), statistics.median(r["shown"] for r in runs)


def _table(bare: float, rows: dict[str, tuple[float, float]]) -> None:
    default = rows["default case"]
    print(f"  {'':34} {'first frame':>11} {'ratio':>6} {'target':>12}   {'case shown':>10} {'ratio':>6}")
    print(f"  {'bare Textual app (Header, DataTable, Footer)':34} {bare:11.3f}")
    for label, (frame, shown) in rows.items():
        if label == "default case":
            ratio, target, shown_ratio = frame / bare, "1.3 bare", shown / bare
        else:
            ratio, target, shown_ratio = frame / default[0], "1.5 dflt", shown / default[1]
        name, aim = "assess, " + label, "<= " + target
        print(f"  {name:34} {frame:11.3f} {ratio:6.2f} {aim:>12}   {shown:10.3f} {shown_ratio:6.2f}")
    print("  (ratios: the default case against the bare app, the generated cases against the default case)")


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
    return await timed_presses(Timed([loaded]), keys)


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


def edits(repeats: int) -> None:
    from assess.files.casefile import load_case
    from tests.tui.bigcase import big_loaded_case

    n = 4 * repeats
    rows = [
        ("default case (10 options x 13 criteria)", asyncio.run(edit_times(load_case(CASE), n))),
        ("generated 200 options x 40 criteria", asyncio.run(edit_times(big_loaded_case(200, 40), n))),
    ]
    bare_trip = median(asyncio.run(bare_update_times(n)), 2)
    print(f"\nScore edit to re-ranked screen (median of {n} edits; target < 50 ms)")
    print(f"  {'':44} {'wall ms':>8} {'CPU ms':>8} {'pilot ms':>9}")
    for label, times in rows:
        print(f"  {label:44} {median(times, 0):8.1f} {median(times, 1):8.1f} {median(times, 2):9.1f}")
    print(f"  {'bare DataTable app, one update_cell':44} {'':8} {'':8} {bare_trip:9.1f}")
    said = asyncio.run(statement_times(load_case(CASE), n))
    print(f"\nWeight statement to possibly best on screen (median of {n}; target < 100 ms)")
    print(f"  {'default case (10 options x 13 criteria)':44} {median(said, 0):8.1f} {median(said, 1):8.1f}")


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    compiled = Path(importlib.util.cache_from_source(str(ROOT / "assess" / "tui" / "app.py"))).exists()
    cached = (ROOT / "assess" / "files" / "cache.py").exists()
    print(f"bytecode compiled: {'yes' if compiled else 'no (python -m compileall -q assess)'}; ", end="")
    print(
        f"cache of validated cases: {'warm (a private XDG_CACHE_HOME)' if cached else 'not in this tree'}\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "XDG_CACHE_HOME": str(Path(tmp) / "cache")}
        env.pop("ASSESS_NO_CACHE", None)
        cases = {"default case": CASE, **generated_cases(Path(tmp))}
        for path in cases.values():  # warms the cache and the file system's
            headless(ASSESS_HEADLESS, [str(path)], env)
        first_paint(cases, repeats, env)
    edits(repeats)


if __name__ == "__main__":
    main()
