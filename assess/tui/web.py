"""Serving the UI to a browser: textual-serve's server, made to stop promptly."""

from __future__ import annotations

SHUTDOWN_WAIT = 5.0
"""Seconds a stopping server waits for the apps of open browser tabs to exit."""


def session_server_class() -> type:
    """textual-serve's Server, ending the browser sessions at once when it stops.

    Left alone, a stopping server waits (up to a minute) for every open tab to
    hang up; this one tells each session's app to quit, as closing the tab does.
    """
    import asyncio

    from textual_serve.server import Server

    class SessionServer(Server):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            self.sessions: set[asyncio.Task[object]] = set()

        async def handle_websocket(self, request):  # type: ignore[no-untyped-def]
            task = asyncio.current_task()
            assert task is not None
            self.sessions.add(task)
            try:
                return await super().handle_websocket(request)
            finally:
                self.sessions.discard(task)

        async def on_startup(self, app: object) -> None:
            """Quiet: `run` has printed the URL (textual-serve prints a banner here)."""

        async def on_shutdown(self, app: object) -> None:
            # A cancelled session closes its websocket and stops its app (textual-serve's
            # own handling of a cancelled handler); give the apps a moment to exit.
            sessions = list(self.sessions)
            for task in sessions:
                task.cancel()
            if sessions:
                await asyncio.wait(sessions, timeout=SHUTDOWN_WAIT)

    return SessionServer
