"""Who may use a running `assess serve`: a real server in a subprocess, a real aiohttp client.

Issue 9: any web page could drive the served UI (a WebSocket claiming another
Origin read the screen and saved the case), and every connection started an app
process without limit. Here: requests without this run's token, with a wrong one,
from another Origin or to another Host (DNS rebinding) get 403 and start no app;
the printed link sets the cookie the page then uses; the session cap holds, tells
the refused tab why, and a closed session frees its slot. Needs no browser.
"""

from __future__ import annotations

import asyncio
import re
import signal
import time
from collections.abc import Coroutine, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import aiohttp
import pytest

from tests.tui.web.serving import (
    apps_of,
    copy_default_case,
    end_leftovers,
    free_port,
    start_server,
    stop,
    wait_for_link,
)

T = TypeVar("T")
CLOSED = (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING)


@dataclass
class Served:
    case: Path
    port: int
    token: str
    log: Path

    @property
    def http(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def cookie(self) -> dict[str, str]:
        return {"Cookie": f"assess-token-{self.port}={self.token}"}

    def tab(self, **headers: str) -> dict[str, str]:
        """The headers of the page's own WebSocket: its Origin and its cookie."""
        return {"Origin": self.http, **self.cookie, **headers}


@pytest.fixture
def served(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Served]:
    """`assess serve` on a copy of the default case (its options: the indirect parameter, if any)."""
    work = tmp_path / "assess-serve-access"
    case = copy_default_case(work)
    port, log = free_port(), work / "serve.log"
    server = start_server(case, port, log, *getattr(request, "param", ()))
    try:
        _, token = wait_for_link(server, log)
        yield Served(case, port, token, log)
    finally:
        if stop(server, signal.SIGINT, timeout=15) is None:
            stop(server, signal.SIGKILL, timeout=5)
        left = end_leftovers([str(work)], server.pid)
    assert not left, "left behind:\n" + "\n".join(left)


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coroutine)


async def _status(url: str, **headers: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as http:
        async with http.get(url, headers=headers, allow_redirects=False) as response:
            return response.status, await response.text()


async def _handshake(served: Served, headers: dict[str, str], query: str = "") -> int:
    """The HTTP status a WebSocket handshake got (101: accepted, then closed here)."""
    async with aiohttp.ClientSession() as http:
        try:
            async with http.ws_connect(
                f"ws://127.0.0.1:{served.port}/ws?width=80&height=24{query}", headers=headers
            ):
                return 101
        except aiohttp.WSServerHandshakeError as refused:
            return refused.status


async def _first_message(tab: aiohttp.ClientWebSocketResponse) -> aiohttp.WSMessage:
    return await asyncio.wait_for(tab.receive(), timeout=30)


def _no_app_starts(case: Path, seconds: float = 1.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert not apps_of(case), f"an app started: {apps_of(case)}"
        time.sleep(0.1)


# -- HTTP ------------------------------------------------------------------------


def test_every_http_request_needs_the_token(served: Served) -> None:
    for path in ["/", "/static/js/textual.js", "/static/", "/download/x", "/nowhere"]:
        code, body = run(_status(served.http + path))
        assert code == 403, path
        assert "token" in body and served.token not in body
    wrong = "x" * len(served.token)
    for query in [f"?token={wrong}", "?token=", "?token=%C3%A9t%C3%A9", f"?token={served.token[:-1]}"]:
        assert run(_status(served.http + "/" + query))[0] == 403, query
    # The token is taken from the printed link only, never from another path's query.
    assert run(_status(f"{served.http}/static/js/textual.js?token={served.token}"))[0] == 403
    assert "refused a request from 127.0.0.1: no token or a wrong one" in served.log.read_text()
    assert served.token not in served.log.read_text().split("\n", 1)[1], "the token was logged"


def test_the_printed_link_sets_the_cookie_and_drops_the_token_from_the_url(served: Served) -> None:
    async def visit() -> tuple[aiohttp.ClientResponse, str]:
        async with aiohttp.ClientSession() as http:
            async with http.get(
                f"{served.http}/?token={served.token}&fontsize=20", allow_redirects=False
            ) as response:
                return response, await response.text()

    response, _ = run(visit())
    assert response.status == 303 and response.headers["Location"] == "/?fontsize=20"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith(f"assess-token-{served.port}={served.token};")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    code, page = run(_status(served.http + "/?fontsize=20", **served.cookie))
    assert code == 200
    assert run(_status(served.http + "/static/js/textual.js", **served.cookie))[0] == 200


def test_the_page_is_titled_and_references_nothing_elsewhere(served: Served) -> None:
    from assess.files.casefile import load_case

    async def page() -> tuple[int, str, str]:
        async with aiohttp.ClientSession() as http:
            async with http.get(served.http + "/", headers=served.cookie) as response:
                return response.status, response.headers["Content-Security-Policy"], await response.text()

    code, policy, html = run(page())
    assert code == 200
    title = load_case(served.case).case.title
    assert f"<title>{title}</title>" in html
    # Every URL in the page is on this server: paths, or the WebSocket's own address.
    assert re.findall(r"[a-z]+://[^\s\"'<>]+", html) == [f"ws://127.0.0.1:{served.port}/ws"]
    for link in re.findall(r"""(?:src|href)\s*=\s*["']([^"']*)["']|url\(["']?([^"')]*)""", html):
        target = next(part for part in link if part)
        assert target.startswith("/") and not target.startswith("//") or target == "data:,", target
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy
    scripts = policy.split("script-src")[1].split(";")[0]
    assert "'self' 'nonce-" in scripts and "unsafe-inline" not in scripts


@pytest.mark.parametrize(
    "headers",
    [
        {"Host": "evil.example:{port}"},  # DNS rebinding: evil.example re-resolved to 127.0.0.1
        {"Host": "127.0.0.1:1"},
        {"Origin": "http://evil.example"},
        {"Origin": "null"},
        {"Origin": "https://127.0.0.1:{port}"},
    ],
    ids=["rebinding-host", "other-port", "evil-origin", "null-origin", "https-origin"],
)
def test_http_from_elsewhere_is_refused_even_with_the_token(served: Served, headers: dict[str, str]) -> None:
    headers = {k: v.format(port=served.port) for k, v in headers.items()}
    assert run(_status(served.http + "/", **served.cookie, **headers))[0] == 403
    assert run(_status(f"{served.http}/?token={served.token}", **headers))[0] == 403


# -- WebSocket -------------------------------------------------------------------


def test_websockets_without_the_right_token_origin_or_host_start_no_app(served: Served) -> None:
    port, token = served.port, served.token
    refused = {
        "no token": {"Origin": served.http},
        "wrong token": {"Origin": served.http, "Cookie": f"assess-token-{port}={token[::-1]}"},
        "another port's cookie": {"Origin": served.http, "Cookie": f"assess-token-{port + 1}={token}"},
        "evil origin": served.tab(Origin="http://evil.example"),
        "origin on another port": served.tab(Origin="http://127.0.0.1:1"),
        "no origin": served.cookie,
        "rebinding host": served.tab(Host=f"evil.example:{port}", Origin=f"http://evil.example:{port}"),
    }
    for why, headers in refused.items():
        assert run(_handshake(served, headers)) == 403, why
        _no_app_starts(served.case, seconds=0.3)
    assert run(_handshake(served, {"Origin": served.http}, query=f"&token={token}")) == 403
    _no_app_starts(served.case)


def test_the_right_token_drives_the_app(served: Served) -> None:
    async def tab() -> None:
        async with aiohttp.ClientSession() as http:
            async with http.ws_connect(
                f"ws://127.0.0.1:{served.port}/ws?width=100&height=30", headers=served.tab()
            ) as ws:
                first = await _first_message(ws)
                assert first.type == aiohttp.WSMsgType.BINARY, first
                assert len(apps_of(served.case)) == 1
                # Malformed messages are ignored, not a traceback that ends the session.
                for junk in [
                    "not json",
                    "[]",
                    "{}",
                    '["resize", "big"]',
                    '["stdin", 5]',
                    '["ping", {}]',
                    "[" * 100_000,
                ]:
                    await ws.send_str(junk)
                await ws.send_str('["ping", "42"]')
                while (reply := await _first_message(ws)).type == aiohttp.WSMsgType.BINARY:
                    pass
                assert reply.json() == ["pong", "42"]

    run(tab())
    assert "Traceback" not in served.log.read_text()


@pytest.mark.parametrize("served", [("--max-sessions", "1")], indirect=True, ids=["max-1"])
def test_the_session_cap_holds_and_a_closed_session_frees_its_slot(served: Served) -> None:
    url = f"ws://127.0.0.1:{served.port}/ws?width=80&height=24"

    async def sessions() -> None:
        async with aiohttp.ClientSession() as http:
            async with http.ws_connect(url, headers=served.tab()) as first:
                assert (await _first_message(first)).type == aiohttp.WSMsgType.BINARY
                async with http.ws_connect(url, headers=served.tab()) as second:
                    refused = await _first_message(second)
                    assert refused.type in CLOSED, refused
                    assert second.close_code == aiohttp.WSCloseCode.TRY_AGAIN_LATER
                    reason = str(refused.extra)
                    assert "--max-sessions 1" in reason and "Close the other tab" in reason
                assert len(apps_of(served.case)) == 1, "the refused tab started an app"
            # The first tab has hung up: its app ends, then its slot is free again (the
            # server frees it once it has seen the app exit, a moment after /proc does).
            deadline = time.monotonic() + 10
            while apps_of(served.case) and time.monotonic() < deadline:
                await asyncio.sleep(0.1)
            assert not apps_of(served.case), "the closed session's app is still running"
            while True:
                async with http.ws_connect(url, headers=served.tab()) as third:
                    if (reply := await _first_message(third)).type == aiohttp.WSMsgType.BINARY:
                        assert len(apps_of(served.case)) == 1
                        return
                assert reply.type in CLOSED and time.monotonic() < deadline, "the slot was not freed"
                await asyncio.sleep(0.1)

    run(sessions())
    assert "refused a session from 127.0.0.1: 1 open, --max-sessions 1" in served.log.read_text()
