"""`assess serve`: the planner's terminal UI in a web browser (textual-serve).

Each browser tab that connects gets its own `assess open CASE...` process,
run with this same interpreter. The server binds 127.0.0.1 unless `--public`
is given. textual-serve is imported only when the command runs.
"""

from __future__ import annotations

import argparse
import sys

from assess.serve import DEFAULT_PORT


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"port {port} is not between 1 and 65535")
    return port


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "serve",
        help="serve the terminal UI in a web browser",
        description="Serve the terminal UI of one or more case files (with none, the bundled "
        "default case) in a web browser. Every browser tab gets its own session, editing the "
        "files on this machine. Listens on 127.0.0.1 only unless --public is given.",
    )
    p.add_argument("cases", nargs="*", metavar="CASE")
    p.add_argument("--port", "-p", type=_port, default=DEFAULT_PORT,
                   help=f"port to listen on (default: {DEFAULT_PORT})")
    p.add_argument("--host", metavar="HOST",
                   help="address to listen on (default: 127.0.0.1; with --public: 0.0.0.0); "
                   "anything but a loopback address needs --public")
    p.add_argument("--public", action="store_true",
                   help="allow listening on a non-loopback address: anyone who can reach it "
                   "can read and edit the cases served")
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


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from assess.bundled import default_case_path
    from assess.cli import EXIT_ERROR, EXIT_INPUT, EXIT_OK
    from assess.io.casefile import load_cases
    from assess.serve import HostError, app_command, choose_host, is_all_interfaces, public_url

    try:
        host = choose_host(args.host, args.public)
    except HostError as err:
        print(f"assess serve: {err}", file=sys.stderr)
        return EXIT_INPUT

    # Check every case now: a bad file is reported here, not by a server that then fails.
    paths = args.cases or [str(default_case_path())]
    load_cases(paths)

    if why := _port_taken(host, args.port):
        print(f"assess serve: cannot listen on {host}:{args.port}: {why}; "
              "choose another port with --port", file=sys.stderr)
        return EXIT_ERROR

    try:
        server_class = _server_class()
    except ImportError:
        print("assess serve: needs textual-serve (pip install textual-serve)", file=sys.stderr)
        return EXIT_ERROR

    import socket

    url = public_url(host, args.port, socket.getfqdn() if is_all_interfaces(host) else None)
    absolute = [str(Path(p).resolve()) for p in paths]
    if getattr(args, "root", None):  # every tab's `assess open` keeps the same project root
        absolute = ["--root", str(Path(args.root).resolve()), *absolute]
    names = ", ".join(Path(p).name for p in paths)
    server = server_class(app_command(absolute), host=host, port=args.port,
                          title=f"assess · {names}", public_url=url)
    if args.public:
        print(f"assess serve: WARNING: listening on {host}:{args.port}; anyone who can reach "
              "this machine can read and edit these cases.", file=sys.stderr)
    print(f"Serving {names} at {url}  (Ctrl+C to stop)", flush=True)
    try:
        server.serve()
    except OSError as err:  # the port was taken between the check and the start
        print(f"assess serve: cannot listen on {host}:{args.port}: {err.strerror or err}",
              file=sys.stderr)
        return EXIT_ERROR
    print("assess serve: stopped.", flush=True)
    return EXIT_OK
