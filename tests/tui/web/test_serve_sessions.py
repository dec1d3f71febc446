"""How a served session's app is ended: a hang-up first, so it can keep unsaved edits.

textual-serve ends a tab's app with a "quit" message: the app exits at once, and
unsaved edits are lost. `assess serve` sends SIGHUP first (as a closed terminal
does) and gives the app HANGUP_WAIT seconds to write its recovery file and exit;
then "quit"; then SIGKILL. Apps run in a process group of their own, so a Ctrl+C
in the server's terminal reaches the server only, which hangs up each app itself.

A small fake app stands in for `assess open` (it records the signals it gets);
the real SessionServer runs in a subprocess; an aiohttp client is the tab.
"""

from __future__ import annotations

import asyncio
import os
import shlex
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import aiohttp
import pytest

from assess.tui.web.session import HANGUP_WAIT, QUIT_WAIT
from tests.tui.web.serving import ROOT, end_leftovers, free_port, processes_of, stop

FAKE_APP = textwrap.dedent("""
    import os, signal, sys, time
    record, mode = sys.argv[1], sys.argv[2]

    def note(line):
        with open(record, "a") as out:
            out.write(line + "\\n")

    def on(name, code):
        def handler(*_):
            note(name)
            os._exit(code)
        return handler

    signal.signal(signal.SIGINT, on("SIGINT", 1))
    signal.signal(signal.SIGHUP, on("SIGHUP", 0) if mode == "hangs-up" else signal.SIG_IGN)
    note(f"started in group {os.getpgrp()}")
    ready = b"fake app ready"
    sys.stdout.buffer.write(b"__GANGLION__\\n" + b"D" + len(ready).to_bytes(4, "big") + ready)
    sys.stdout.buffer.flush()
    while sys.stdin.buffer.read1(4096):  # textual-serve's quit message means nothing here
        pass
    time.sleep(120)
""")

SERVER = textwrap.dedent("""
    import sys
    from assess.tui.web.access import access_for
    from assess.tui.web.server import SessionServer

    command, port = sys.argv[1], int(sys.argv[2])
    SessionServer(command, host="127.0.0.1", port=port, title="fake", public_url=f"http://127.0.0.1:{port}",
                  access=access_for("127.0.0.1", port, "the-token"), max_sessions=1).serve()
    print("stopped", flush=True)
""")


def _start(tmp_path: Path, mode: str) -> tuple[subprocess.Popen[bytes], int, Path, Path]:
    app, record, log = tmp_path / "fake_app.py", tmp_path / "signals.txt", tmp_path / "server.log"
    app.write_text(FAKE_APP)
    command = "exec " + shlex.join([sys.executable, str(app), str(record), mode])
    port = free_port()
    with log.open("wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-c", SERVER, command, str(port)],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server, port, record, log
        except OSError:
            if server.poll() is not None:
                pytest.fail(log.read_text())
            time.sleep(0.1)
    pytest.fail(f"the server did not listen:\n{log.read_text()}")


async def _open_tab(
    http: aiohttp.ClientSession, port: int, wait_for_slot: float = 0
) -> aiohttp.ClientWebSocketResponse:
    """A tab with the fake app; refused while the one slot is taken, retried for `wait_for_slot` s.

    The server frees a slot once it has seen the app exit, a moment after /proc shows it gone.
    """
    deadline = time.monotonic() + wait_for_slot
    while True:
        tab = await http.ws_connect(
            f"ws://127.0.0.1:{port}/ws",
            origin=f"http://127.0.0.1:{port}",
            headers={"Cookie": f"assess-token-{port}=the-token"},
        )
        first = await asyncio.wait_for(tab.receive(), timeout=15)
        if first.type == aiohttp.WSMsgType.BINARY:
            assert first.data == b"fake app ready", first
            return tab
        assert tab.close_code == aiohttp.WSCloseCode.TRY_AGAIN_LATER, first
        assert time.monotonic() < deadline, "the slot was not freed"
        await asyncio.sleep(0.1)


def _apps(tmp_path: Path) -> list[str]:
    """The fake apps running (the server's own command line names the fake app too)."""
    app = f"{sys.executable} {tmp_path / 'fake_app.py'} "
    return [p for p in processes_of([app], -1) if p.split(": ", 1)[1].startswith(app)]


async def _until_no_app(tmp_path: Path, within: float) -> float:
    started = time.monotonic()
    while _apps(tmp_path) and time.monotonic() - started < within:
        await asyncio.sleep(0.05)
    assert not _apps(tmp_path), f"the app is still running after {within} s"
    return time.monotonic() - started


def _finish(server: subprocess.Popen[bytes], tmp_path: Path) -> None:
    if stop(server, signal.SIGINT, timeout=15) is None:
        stop(server, signal.SIGKILL, timeout=5)
    left = end_leftovers([str(tmp_path / "fake_app.py")], server.pid)
    assert not left, "left behind:\n" + "\n".join(left)


def test_closing_the_tab_hangs_up_the_app_and_frees_the_slot(tmp_path: Path) -> None:
    server, port, record, log = _start(tmp_path, "hangs-up")

    async def tabs() -> None:
        async with aiohttp.ClientSession() as http:
            tab = await _open_tab(http, port)
            await tab.close()  # the planner closes the tab
            took = await _until_no_app(tmp_path, within=HANGUP_WAIT)
            assert took < HANGUP_WAIT
            again = await _open_tab(http, port, wait_for_slot=5)  # the one slot is free again
            await again.close()
            await _until_no_app(tmp_path, within=HANGUP_WAIT)

    try:
        asyncio.run(tabs())
    finally:
        _finish(server, tmp_path)
    lines = record.read_text().splitlines()
    assert [line for line in lines if line.startswith("SIG")] == ["SIGHUP", "SIGHUP"], lines


def test_an_app_that_ignores_the_hang_up_is_ended_all_the_same(tmp_path: Path) -> None:
    server, port, record, _ = _start(tmp_path, "ignores-hang-up")

    async def tab() -> float:
        async with aiohttp.ClientSession() as http:
            tab = await _open_tab(http, port)
            await tab.close()
            took = await _until_no_app(tmp_path, within=HANGUP_WAIT + QUIT_WAIT + 3)
            await (await _open_tab(http, port, wait_for_slot=5)).close()  # and the slot is free again
            return took

    try:
        took = asyncio.run(tab())
    finally:
        _finish(server, tmp_path)
    assert took >= HANGUP_WAIT, "it did not wait for the app to handle the hang-up"
    assert not [line for line in record.read_text().splitlines() if line.startswith("SIG")]


def test_ctrl_c_in_the_servers_terminal_hangs_up_each_app_itself(tmp_path: Path) -> None:
    server, port, record, log = _start(tmp_path, "hangs-up")

    async def tab_then_ctrl_c() -> None:
        async with aiohttp.ClientSession() as http:
            tab = await _open_tab(http, port)
            os.killpg(server.pid, signal.SIGINT)  # a terminal sends it to its whole foreground group
            while (await asyncio.wait_for(tab.receive(), timeout=15)).type == aiohttp.WSMsgType.BINARY:
                pass

    try:
        asyncio.run(tab_then_ctrl_c())
        code = server.wait(timeout=15)
    finally:
        _finish(server, tmp_path)
    lines = record.read_text().splitlines()
    group = int(lines[0].removeprefix("started in group "))
    assert group not in (server.pid, os.getpgid(0)), "the app is in the server's process group"
    assert lines[1:] == ["SIGHUP"], lines
    assert code == 0 and "stopped" in log.read_text()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl(PR_SET_PDEATHSIG) is Linux's")
def test_a_killed_server_still_hangs_up_its_apps(tmp_path: Path) -> None:
    server, port, record, _ = _start(tmp_path, "hangs-up")

    async def tab_then_kill() -> None:
        async with aiohttp.ClientSession() as http:
            await _open_tab(http, port)
            os.kill(server.pid, signal.SIGKILL)  # no chance to end its sessions
            await _until_no_app(tmp_path, within=HANGUP_WAIT)

    try:
        asyncio.run(tab_then_kill())
    finally:
        _finish(server, tmp_path)
    assert record.read_text().splitlines()[1:] == ["SIGHUP"]
