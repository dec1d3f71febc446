"""One browser tab's session: its app process, how it ends, and the tab's messages.

textual-serve's AppService runs the app; this subclass starts it in a process
group of its own (a Ctrl+C in the server's terminal reaches the server, which
then ends each session itself) and ends it the way a terminal hang-up would:
SIGHUP first, so an app with unsaved changes can write its recovery file, then
textual-serve's "quit", then SIGKILL, each after a bounded wait. On Linux an app
also gets SIGHUP if the server dies without ending it (killed, crashed).
"""

from __future__ import annotations

import asyncio
import ctypes
import json
import os
import signal
import sys
from collections.abc import Callable
from typing import Any

from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService

from assess.tui.web.access import bounded_int

HANGUP_WAIT = 3.0
"""Seconds an app has after SIGHUP to write what it must and exit."""
QUIT_WAIT = 1.5
"""Seconds an app that ignored SIGHUP has after textual-serve's quit message."""
MAX_SIZE = 1000
"""Largest terminal width or height a tab may ask for (in cells)."""
PR_SET_PDEATHSIG = 1
"""prctl(2): the signal a process gets when its parent dies."""


def _hang_up_with_the_server() -> Callable[[], None] | None:
    """For the app's process, between fork and exec: SIGHUP when the server dies (Linux only).

    In its own process group, an app would otherwise outlive a killed server. The
    function only calls prctl, already looked up here: nothing in the child takes a lock.
    """
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    server = os.getpid()

    def set_parent_death_signal() -> None:
        prctl(PR_SET_PDEATHSIG, int(signal.SIGHUP))
        if os.getppid() != server:  # the server died before the line above
            os._exit(1)

    return set_parent_death_signal


class Session(AppService):
    """An app process for one tab, in its own process group, ended by a hang-up."""

    async def _open_app_process(self, width: int = 80, height: int = 24) -> asyncio.subprocess.Process:
        # textual-serve's own, plus process_group=0 (only this server signals its apps)
        # and a hang-up should the server die.
        self._process = process = await asyncio.create_subprocess_shell(
            self.command,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._build_environment(width=width, height=height),
            process_group=0,
            preexec_fn=_hang_up_with_the_server(),
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    async def stop(self) -> None:
        """End the app: SIGHUP, then quit, then SIGKILL; return once it has exited."""
        process = self._process
        if process is not None and process.returncode is None:
            _signal(process, signal.SIGHUP)
            if not await _exited(process, HANGUP_WAIT):
                await self.send_meta({"type": "quit"})
                if not await _exited(process, QUIT_WAIT):
                    _signal(process, signal.SIGKILL)
                    await process.wait()
        await super().stop()  # ends textual-serve's reader task (the app's output is closed)


def _signal(process: asyncio.subprocess.Process, sig: int) -> None:
    try:
        process.send_signal(sig)
    except ProcessLookupError:  # it has just exited
        pass


async def _exited(process: asyncio.subprocess.Process, timeout: float) -> bool:
    try:
        await asyncio.wait_for(process.wait(), timeout)
    except TimeoutError:
        return False
    return True


def _envelope(text: str) -> tuple[str, Any] | None:
    """`[type, data]` of a message from textual-serve's page, or None if it is not one."""
    try:
        envelope = json.loads(text)
    except (ValueError, RecursionError):  # not JSON, or nested too deep to parse
        return None
    if not isinstance(envelope, list) or not envelope or not isinstance(envelope[0], str):
        return None
    return envelope[0], (envelope[1] if len(envelope) > 1 else None)


async def relay(websocket: web.WebSocketResponse, session: Session) -> None:
    """Pass the tab's keys, size and focus to the app until the tab hangs up.

    textual-serve's own loop, except that a malformed message is ignored (there it
    raises and ends the session with a traceback on the server's console).
    """
    async for message in websocket:
        if message.type != WSMsgType.TEXT or (envelope := _envelope(message.data)) is None:
            continue
        kind, data = envelope
        if kind == "stdin" and isinstance(data, str):
            await session.send_bytes(data.encode("utf-8", "replace"))
        elif kind == "resize" and isinstance(data, dict):
            width = bounded_int(data.get("width"), 80, 1, MAX_SIZE)
            height = bounded_int(data.get("height"), 24, 1, MAX_SIZE)
            await session.set_terminal_size(width, height)
        elif kind == "ping" and isinstance(data, str):
            await websocket.send_json(["pong", data[:32]])
        elif kind == "blur":
            await session.blur()
        elif kind == "focus":
            await session.focus()
