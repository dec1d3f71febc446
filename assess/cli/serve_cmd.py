"""`assess serve`: the planner's terminal UI in a web browser (textual-serve).

Each browser tab that connects gets its own `assess open CASE...` process,
run with this same interpreter, at most `--max-sessions` at a time. The server
binds 127.0.0.1 unless `--public` is given, and answers only requests that
carry the token of this run (in the printed link, then in a cookie); see
`assess.serve` and `assess.tui.web`. textual-serve is imported only when the
command runs.
"""

from __future__ import annotations

import argparse
import sys

from assess.serve import DEFAULT_MAX_SESSIONS, DEFAULT_PORT, is_all_interfaces, url_host

MAX_SESSIONS = 100


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"port {port} is not between 1 and 65535")
    return port


def _sessions(text: str) -> int:
    try:
        count = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 1 <= count <= MAX_SESSIONS:
        raise argparse.ArgumentTypeError(
            f"{count} is not between 1 and {MAX_SESSIONS} (each session is an app process of its own)"
        )
    return count


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "serve",
        help="serve the terminal UI in a web browser",
        description="Serve the terminal UI of one or more case files (with none, the bundled "
        "default case) in a web browser. Every browser tab gets its own session, editing the "
        "files on this machine. Listens on 127.0.0.1 only unless --public is given. The printed "
        "link holds a token made for this run: without it, the server refuses every request.",
    )
    p.add_argument("cases", nargs="*", metavar="CASE")
    p.add_argument(
        "--port", "-p", type=_port, default=DEFAULT_PORT, help=f"port to listen on (default: {DEFAULT_PORT})"
    )
    p.add_argument(
        "--host",
        metavar="HOST",
        help="address to listen on (default: 127.0.0.1; with --public: 0.0.0.0); "
        "anything but a loopback address needs --public",
    )
    p.add_argument(
        "--public",
        action="store_true",
        help="allow listening on a non-loopback address: anyone who can reach it "
        "and has the printed link (its token) can read and edit the cases served",
    )
    p.add_argument(
        "--max-sessions",
        type=_sessions,
        default=DEFAULT_MAX_SESSIONS,
        metavar="N",
        help="browser tabs served at once, each with its own app process "
        f"(default: {DEFAULT_MAX_SESSIONS}); one more is told to close another",
    )
    p.set_defaults(run=run)


def _port_taken(host: str, port: int) -> str | None:
    """Why (host, port) cannot be listened on, or None. Like aiohttp, reuses TIME_WAIT ports."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as err:
        return f"cannot resolve {host}: {err.strerror}"
    for family, kind, proto, _, address in infos:
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(address)
            except OSError as err:
                return err.strerror or str(err)
    return None


def _server_class() -> type:
    """The web server class (imported here: it needs textual-serve)."""
    from assess.tui.web import session_server_class

    return session_server_class()


def _this_machine() -> tuple[str | None, list[str]]:
    """This machine's address on its default route (None without one) and its names.

    For `--public` on every interface: the address to print (getfqdn() is often
    just "localhost") and the names a browser may use for it.
    """
    import socket

    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: connecting UDP picks a route, sends nothing
            address = str(probe.getsockname()[0])
    except OSError:
        address = None
    return address, [socket.gethostname(), socket.getfqdn()]


def _warn_public(host: str, port: int) -> None:
    where = " (every interface of this machine)" if is_all_interfaces(host) else ""
    print(
        f"assess serve: WARNING: listening on {url_host(host)}:{port}{where}. Anyone who can "
        "reach it and has the link below can read and edit these cases: the token in the link "
        "is what protects them. Give the link only to those who may edit; the connection is "
        "not encrypted, so anyone on the network path can read it, token included.",
        file=sys.stderr,
    )


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from assess.bundled import default_case_path
    from assess.cli import EXIT_ERROR, EXIT_INPUT, EXIT_OK
    from assess.io.casefile import load_cases
    from assess.serve import (
        HostError,
        access_for,
        app_command,
        choose_host,
        new_token,
        page_title,
        public_url,
        token_url,
    )

    try:
        host = choose_host(args.host, args.public)
    except HostError as err:
        print(f"assess serve: {err}", file=sys.stderr)
        return EXIT_INPUT

    # Check every case now: a bad file is reported here, not by a server that then fails.
    paths = args.cases or [str(default_case_path())]
    loaded = load_cases(paths)

    if why := _port_taken(host, args.port):
        print(
            f"assess serve: cannot listen on {host}:{args.port}: {why}; choose another port with --port",
            file=sys.stderr,
        )
        return EXIT_ERROR

    try:
        server_class = _server_class()
    except ImportError:
        print("assess serve: needs textual-serve (pip install textual-serve)", file=sys.stderr)
        return EXIT_ERROR

    address, names = _this_machine() if is_all_interfaces(host) else (None, [])
    url = public_url(host, args.port, address or next(iter(names), None))
    token = new_token()
    absolute = [str(Path(p).resolve()) for p in paths]
    if getattr(args, "root", None):  # every tab's `assess open` keeps the same project root
        absolute = ["--root", str(Path(args.root).resolve()), *absolute]
    server = server_class(
        app_command(absolute),
        host=host,
        port=args.port,
        title=page_title([c.case.title for c in loaded]),
        public_url=url,
        access=access_for(host, args.port, token, names),
        max_sessions=args.max_sessions,
    )
    if args.public:
        _warn_public(host, args.port)
    files = ", ".join(Path(p).name for p in paths)
    print(f"Serving {files} at {token_url(url, token)}  (Ctrl+C to stop)", flush=True)
    try:
        server.serve()
    except OSError as err:  # the port was taken between the check and the start
        print(f"assess serve: cannot listen on {host}:{args.port}: {err.strerror or err}", file=sys.stderr)
        return EXIT_ERROR
    print("assess serve: stopped.", flush=True)
    return EXIT_OK
