"""`assess serve` in a real headless browser: the UI is drawn, keys reach it, nothing is left behind.

Starts `python -m assess serve --max-sessions 1` on a copy of the default case, drives
Debian's chromium with playwright-core (`drive.mjs`) from the printed link (with its
token): wait for the app, click the terminal, screenshot, open a second tab (refused:
the cap), raise one score and save, screenshot again, close the browser. Then checks
the page (the case's title, its own font, the second tab's message, and that no request
went anywhere but the served address), the screenshots (decoded here with zlib: the UI,
not the loading splash), the saved file (one score line changed) and that stopping the
server ends every process it started. Needs /usr/bin/chromium, node and `npm ci` in tests/tui/web
(`.ci/browser-setup.sh`); skips, saying which is missing, without them.

The second test needs no browser (a websocket client stands in for a tab): stopping
the server with a tab still open ends that tab's app and the server within seconds.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import shutil
import signal
import struct
import subprocess
import time
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.tui.web.serving import (
    ROOT,
    apps_of,
    copy_default_case,
    end_leftovers,
    free_port,
    start_server,
    stop,
    wait_for_link,
)

HERE = Path(__file__).resolve().parent
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
NODE = shutil.which("node")
DRIVER = HERE / "drive.mjs"
PLAYWRIGHT = HERE / "node_modules" / "playwright-core" / "package.json"
SETUP = "run .ci/browser-setup.sh"


def _missing() -> str | None:
    if not CHROMIUM.is_file():
        return f"no chromium at {CHROMIUM} ({SETUP}, or apt-get install chromium)"
    if NODE is None:
        return "no node on PATH (install Node.js to run the browser test)"
    if not PLAYWRIGHT.is_file():
        return f"no playwright-core in {PLAYWRIGHT.parent.parent} ({SETUP}, or npm ci in tests/tui/web)"
    return None


needs_browser = pytest.mark.skipif(_missing() is not None, reason=str(_missing()))

# The TUI's own bindings. After the click (which may land on any cell of the score
# matrix): 2 shows and focuses the matrix (MainScreen), home goes to its first row and
# left/right to its first criterion (Grid), + raises the score a step (ScoreMatrix),
# ctrl+s saves (MainScreen).
KEYS = ["2", "Home", *["ArrowLeft"] * 15, "ArrowRight", "+", "Control+s"]
VALUE_LINE = re.compile(r"^\s*value:\s*(-?[0-9.]+)\s*$")


# -- helpers ---------------------------------------------------------------------


def _png_pixels(path: Path) -> tuple[int, int, Counter[bytes]]:
    """(width, height, count of each colour) of an 8-bit RGB/RGBA PNG, with the stdlib only."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    pos, idat = 8, []
    width = height = bpp = 0
    while pos < len(data):
        (size,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + size]
        pos += 12 + size
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, "unexpected PNG format"
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat.append(body)
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    prev = bytearray(stride)
    colours: Counter[bytes] = Counter()
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        if kind == 1:  # Sub
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif kind == 2:  # Up
            line = bytearray((a + b) & 0xFF for a, b in zip(line, prev, strict=True))
        elif kind == 3:  # Average
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif kind == 4:  # Paeth
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = prev[i], (prev[i - bpp] if i >= bpp else 0)
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        colours.update(bytes(line[i : i + 3]) for i in range(0, stride, bpp))
        prev = line
    return width, height, colours


def _assert_ui_drawn(path: Path) -> None:
    """The screenshot shows the app, not a blank page or textual-serve's loading splash.

    The splash is two flat colours (over 99 % of it) and has no vivid colour; the
    app's tables, bars and highlighted cell are many colours, several of them vivid.
    """
    width, height, colours = _png_pixels(path)
    total = width * height
    top_two = sum(n for _, n in colours.most_common(2)) / total
    vivid = sum(n for c, n in colours.items() if max(c) - min(c) > 80) / total
    assert (width, height) == (1280, 800)
    assert len(colours) > 50, f"{path.name}: only {len(colours)} colours"
    assert top_two < 0.9, f"{path.name}: two colours cover {top_two:.0%} (blank or splash?)"
    assert vivid > 0.01, f"{path.name}: only {vivid:.2%} vivid pixels (blank or splash?)"


def _drive(*args: str, timeout: float) -> subprocess.CompletedProcess[str]:
    """Run drive.mjs in its own process group; on timeout end the group (node and chromium)."""
    node = subprocess.Popen(
        [NODE or "node", str(DRIVER), *args],
        cwd=HERE,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        out, err = node.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(node.pid, signal.SIGKILL)
        out, err = node.communicate()
        pytest.fail(f"drive.mjs took over {timeout} s:\n{err}")
    return subprocess.CompletedProcess(node.args, node.returncode, out, err)


# -- the tests -------------------------------------------------------------------


def _assert_page(steps: list[dict[str, object]], port: int) -> None:
    """The page: the case's title, its own font, the cap's message, nothing but this server."""
    by_step = {str(s["step"]): s for s in steps}
    from assess.files.casefile import load_case

    title = load_case(ROOT / "cases" / "ai_cooperation.yaml").case.title
    assert by_step["settled"]["title"] == title
    assert by_step["settled"]["font"] is True, "the page's own Roboto Mono did not load"
    second = by_step["second"]
    assert second["visible"] and "--max-sessions 1" in str(second["message"]), second
    seen: Any = by_step["seen"]
    requests, websockets = list(seen["requests"]), list(seen["websockets"])
    assert requests and websockets
    elsewhere = [u for u in requests if not u.startswith(f"http://127.0.0.1:{port}/")]
    elsewhere += [u for u in websockets if not u.startswith(f"ws://127.0.0.1:{port}/")]
    assert not elsewhere, f"the page asked for something not on this server: {elsewhere}"
    # A blocked or failed load would show here (textual.js also logs a send on the refused
    # tab's closed socket: harmless).
    blocked = [e for e in seen["errors"] if "Content Security Policy" in e or "Failed to load" in e]
    assert not blocked, f"the page could not load everything it needs: {blocked}"


@needs_browser
def test_serve_in_a_real_browser(tmp_path: Path) -> None:
    started = time.monotonic()
    timings: dict[str, float] = {}
    work = tmp_path / "assess-serve-browser"
    case = copy_default_case(work)
    original = case.read_text(encoding="utf-8")
    (work / "cases" / "original.yaml").write_text(original, encoding="utf-8")
    before, after, log = work / "before.png", work / "after.png", work / "serve.log"
    port = free_port()
    markers = [str(work)]  # every process of the server and its apps names the case copy
    steps: list[dict[str, object]] = []

    server = start_server(case, port, log, "--max-sessions", "1")
    try:
        link, _ = wait_for_link(server, log)
        timings["serving"] = time.monotonic() - started
        assert link.startswith(f"http://127.0.0.1:{port}/?token="), link

        drive = _drive(link, str(before), str(after), f"--watch={case}", "--second", *KEYS, timeout=45)
        timings["browser"] = time.monotonic() - started
        steps = [json.loads(line) for line in drive.stderr.splitlines() if line.startswith("{")]
        markers += [str(s["profile"]) for s in steps if "profile" in s]  # chromium's processes name it
        assert drive.returncode == 0, f"drive.mjs failed:\n{drive.stderr}\n--- server:\n{log.read_text()}"
        _assert_page(steps, port)

        # The page rendered the app.
        for shot in (before, after):
            assert shot.is_file() and shot.stat().st_size > 20_000, f"{shot.name} missing or tiny"
        _assert_ui_drawn(before)
        assert before.read_bytes() != after.read_bytes(), "the keys changed nothing on screen"

        # The keys reached the app: one score line raised a step, and saved.
        saved = case.read_text(encoding="utf-8")
        changed = [
            line
            for line in difflib.unified_diff(original.splitlines(), saved.splitlines(), lineterm="")
            if line[:1] in "+-" and not line.startswith(("+++", "---"))
        ]
        assert len(changed) == 2, "expected one changed line:\n" + "\n".join(changed)
        old, new = (VALUE_LINE.match(line[1:]) for line in changed)
        assert old and new, "the changed line is not a score:\n" + "\n".join(changed)
        assert float(new.group(1)) == pytest.approx(float(old.group(1)) + 0.5)
        from assess.files.casefile import load_case

        was, now = load_case(work / "cases" / "original.yaml").case, load_case(case).case
        raised = [
            (o, c)
            for o, row in now.scores.items()
            for c, score in row.items()
            if score.value != was.scores[o][c].value
        ]
        assert len(raised) == 1 and raised[0][0] == was.options[0].id, f"raised {raised}"
    finally:
        code = stop(server, signal.SIGINT, timeout=15)  # as Ctrl+C in its terminal
        timings["stopped"] = time.monotonic() - started
        if code is None:  # did not stop: end it, then fail below
            stop(server, signal.SIGKILL, timeout=5)
        left = end_leftovers(markers, server.pid)

    assert code == 0, f"assess serve did not stop cleanly on SIGINT (exit {code}):\n{log.read_text()}"
    assert "stopped" in log.read_text()
    assert not left, "left behind:\n" + "\n".join(left)
    timings["total"] = time.monotonic() - started
    print("\ntimings (s from start):", {k: round(v, 1) for k, v in timings.items()})
    print("browser steps (ms from launch):", {str(s["step"]): s["ms"] for s in steps})


def test_stopping_ends_the_sessions_still_open(tmp_path: Path) -> None:
    """SIGINT to the server alone, a tab still open: the server ends that tab's app
    and exits within seconds (textual-serve alone waits up to a minute). Needs no browser:
    a websocket client stands in for the tab."""
    import asyncio

    import aiohttp

    work = tmp_path / "assess-serve-session"
    case = copy_default_case(work)
    port, log = free_port(), work / "serve.log"
    server = start_server(case, port, log)
    stopping: list[float] = []

    async def open_tab_then_stop_server(token: str) -> None:
        origin = f"http://127.0.0.1:{port}"
        async with aiohttp.ClientSession(cookies={f"assess-token-{port}": token}) as http:
            async with http.ws_connect(f"ws://127.0.0.1:{port}/ws?width=120&height=40", origin=origin) as tab:
                first = await asyncio.wait_for(tab.receive(), timeout=30)
                assert first.type == aiohttp.WSMsgType.BINARY, f"no app output: {first}"
                assert len(apps_of(case)) == 1, apps_of(case)
                stopping.append(time.monotonic())
                server.send_signal(signal.SIGINT)
                closed = (
                    aiohttp.WSMsgType.CLOSE,
                    aiohttp.WSMsgType.CLOSED,
                    aiohttp.WSMsgType.CLOSING,
                    aiohttp.WSMsgType.ERROR,
                )
                try:
                    while (await asyncio.wait_for(tab.receive(), timeout=15)).type not in closed:
                        pass
                except TimeoutError:
                    pytest.fail("the stopping server did not hang up the open tab within 15 s")

    try:
        _, token = wait_for_link(server, log)
        asyncio.run(open_tab_then_stop_server(token))
        code = server.wait(timeout=15)
        took = time.monotonic() - stopping[0]
    finally:
        if server.poll() is None:
            stop(server, signal.SIGKILL, timeout=5)
        left = end_leftovers([str(work)], server.pid)
    assert code == 0, log.read_text()
    assert took < 10, f"took {took:.1f} s to stop"
    assert not left, "left behind:\n" + "\n".join(left)
