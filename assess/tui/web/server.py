"""Serving the UI to a browser: textual-serve's server, guarded, capped and prompt to stop.

Every request passes `SessionServer._guard` first (the rules are `assess.tui.web.access.Access`):
the Host must be the served address, an Origin must be the served page's own (and a
WebSocket must state one), and the request must carry this run's token, from the
printed link (`/?token=...`, exchanged at once for an HttpOnly, SameSite=Strict cookie
and a redirect to `/`) or from that cookie. Anything else gets 403 and starts nothing.
At most `max_sessions` tabs have an app at a time; one more is told so on its page.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import signal
import sys
from collections.abc import Awaitable, Callable

from aiohttp import WSCloseCode, hdrs, web
from textual_serve.server import Server

from assess.tui.web.access import DEFAULT_MAX_SESSIONS, Access, bounded_int
from assess.tui.web.page import CONTENT_SECURITY_POLICY, render_page
from assess.tui.web.session import HANGUP_WAIT, MAX_SIZE, QUIT_WAIT, Session, relay

log = logging.getLogger("assess.tui.web.access")

SHUTDOWN_WAIT = HANGUP_WAIT + QUIT_WAIT + 1.0
"""Seconds a stopping server waits for the apps of open tabs to exit (see Session.stop)."""

REFUSALS = {
    "host": ("a wrong Host", "it was sent to an address this server does not serve"),
    "origin": ("another page's Origin", "it comes from another web page than the one this server serves"),
    "token": (
        "no token or a wrong one",
        "it does not carry this run's token: open the link "
        "assess serve printed when it started (it ends in ?token=...)",
    ),
}
"""Why a request gets 403: (for the server's console, beside the peer's address; for the page)."""

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class _Brief(logging.Formatter):
    """One line per message: no traceback on the planner's console unless ASSESS_DEBUG is set."""

    def formatException(self, ei: object) -> str:  # noqa: N802 (logging's name)
        return super().formatException(ei) if os.environ.get("ASSESS_DEBUG") else ""  # type: ignore[arg-type]


class SessionServer(Server):
    """textual-serve's Server behind the token, Host and Origin checks, with a session cap."""

    def __init__(
        self,
        command: str,
        *,
        host: str,
        port: int,
        title: str,
        public_url: str,
        access: Access,
        max_sessions: int = DEFAULT_MAX_SESSIONS,
    ) -> None:
        super().__init__(command, host=host, port=port, title=title, public_url=public_url)
        self.access = access
        self.max_sessions = max_sessions
        self.sessions: set[asyncio.Task[object]] = set()
        """Every session's task: a stopping server waits for them."""
        self.relaying: set[asyncio.Task[object]] = set()
        """Those still relaying a tab (not yet ending their app): a stopping server cancels them."""
        self.open_sessions = 0
        """Sessions whose app has not yet exited: the cap counts these."""

    # -- running ---------------------------------------------------------------------

    def initialize_logging(self) -> None:
        """Plain lines on stderr, never a traceback (textual-serve's shows locals: the token)."""
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(_Brief("assess serve: %(message)s"))
        for name in ("assess.tui.web.access", "textual-serve", "aiohttp"):
            logger = logging.getLogger(name)
            logger.handlers[:] = [handler]
            logger.setLevel(logging.DEBUG if self.debug else logging.INFO)
            logger.propagate = False

    def serve(self, debug: bool = False) -> None:
        """Serve until SIGINT, SIGTERM or SIGHUP (the terminal closed); no access log.

        textual-serve's own, plus SIGHUP, and without aiohttp's access log (it would
        print every link with its token, and text chosen by whoever connects).
        """
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            loop.add_signal_handler(sig, self.request_exit)
        web.run_app(
            self._make_app(),
            host=self.host,
            port=self.port,
            handle_signals=False,
            loop=loop,
            print=None,
            access_log=None,
        )

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._guard)
        return app

    async def on_startup(self, app: object) -> None:
        """Quiet: `run` has printed the URL (textual-serve prints a banner here)."""

    async def on_shutdown(self, app: object) -> None:
        # A cancelled session ends its app (Session.stop) and closes its tab; one already
        # ending its app is left to finish (cancelled, it would leave the app running).
        for task in self.relaying:
            task.cancel()
        if self.sessions:
            await asyncio.wait(list(self.sessions), timeout=SHUTDOWN_WAIT)

    # -- every request ---------------------------------------------------------------

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if refusal := self._refusal(request):
            console, page = REFUSALS[refusal]
            log.warning("refused a request from %s: %s", request.remote, console)
            response: web.StreamResponse = web.Response(
                status=403, text=f"assess serve refuses this request: {page}.\n"
            )
        elif "token" in request.query and request.path == "/":
            response = self._welcome(request)
        else:
            response = await handler(request)
        if not response.prepared:  # a WebSocket has sent its headers already
            response.headers.update(SECURITY_HEADERS)
        return response

    def _refusal(self, request: web.Request) -> str | None:
        """Which rule `request` breaks ("host", "origin", "token"), or None."""
        host = request.headers.get(hdrs.HOST)
        if not self.access.host_allowed(host):
            return "host"
        origin = request.headers.get(hdrs.ORIGIN)
        if origin is None:  # a browser always states it for a WebSocket
            if request.headers.get(hdrs.UPGRADE, "").lower() == "websocket":
                return "origin"
        elif not self.access.origin_allowed(origin, host):
            return "origin"
        if request.path == "/" and "token" in request.query:
            given = request.query.get("token")
        else:
            given = request.cookies.get(self.access.cookie)
        return None if self.access.token_matches(given) else "token"

    def _welcome(self, request: web.Request) -> web.StreamResponse:
        """The printed link: keep the token in a cookie, and show the page without it in the URL."""
        rest = {key: value for key, value in request.query.items() if key != "token"}
        response = web.Response(status=303, headers={hdrs.LOCATION: str(request.rel_url.with_query(rest))})
        response.set_cookie(self.access.cookie, self.access.token, path="/", httponly=True, samesite="Strict")
        return response

    # -- the page and the sessions ---------------------------------------------------

    async def handle_index(self, request: web.Request) -> web.Response:
        """The page, with its WebSocket on the address the browser used (the guard checked it)."""
        nonce = secrets.token_urlsafe(16)
        size = bounded_int(request.query.get("fontsize"), 16, 6, 64)
        page = render_page(self.title, f"ws://{request.headers[hdrs.HOST]}/ws", size, nonce)
        response = web.Response(text=page, content_type="text/html")
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY.format(nonce=nonce)
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One tab: an app of its own while a slot is free; else the page says why not."""
        websocket = web.WebSocketResponse(heartbeat=15)
        await websocket.prepare(request)
        if self.open_sessions >= self.max_sessions:
            log.warning(
                "refused a session from %s: %d open, --max-sessions %d",
                request.remote,
                self.open_sessions,
                self.max_sessions,
            )
            await websocket.close(code=WSCloseCode.TRY_AGAIN_LATER, message=self._full().encode())
            return websocket
        self.open_sessions += 1
        task = asyncio.current_task()
        assert task is not None
        self.sessions.add(task)
        self.relaying.add(task)
        try:
            await self._run_session(request, websocket, task)
        finally:
            self.sessions.discard(task)
            self.relaying.discard(task)
            self.open_sessions -= 1
        return websocket

    def _full(self) -> str:
        """The page's message when every slot is taken (a close reason: at most 123 bytes)."""
        n = self.max_sessions
        if n == 1:
            which, other = "The one session this server allows (--max-sessions 1) is", "the other"
        else:
            which, other = f"All {n} sessions this server allows (--max-sessions {n}) are", "another"
        return f"{which} in use. Close {other} tab, then Restart."

    async def _run_session(
        self, request: web.Request, websocket: web.WebSocketResponse, task: asyncio.Task[object]
    ) -> None:
        width = bounded_int(request.query.get("width"), 80, 1, MAX_SIZE)
        height = bounded_int(request.query.get("height"), 24, 1, MAX_SIZE)

        async def close() -> None:  # the app has exited of itself
            await websocket.close()

        session = Session(
            self.command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=close,
            download_manager=self.download_manager,
            debug=self.debug,
        )
        try:
            await session.start(width, height)
            await relay(websocket, session)
        except asyncio.CancelledError:
            pass  # the server is stopping: end the app, then the tab (below)
        except Exception as error:  # this session only: the app failed to start, the tab vanished
            log.warning("a session ended on an error: %s: %s", type(error).__name__, error)
        finally:
            self.relaying.discard(task)  # from here on, a stopping server waits instead of cancelling
            await session.stop()
            await websocket.close()


def session_server_class() -> type[SessionServer]:
    """The server class `assess serve` runs."""
    return SessionServer
