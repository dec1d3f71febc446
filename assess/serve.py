"""What `assess serve` decides before it starts a server: the address and the command.

Pure functions, no I/O and no Textual: the host to bind (loopback unless the
planner asks for `--public`), the URL to print, and the shell command that
textual-serve runs for each browser that connects.
"""

from __future__ import annotations

import ipaddress
import shlex
import sys
from collections.abc import Sequence

LOOPBACK = "127.0.0.1"
ALL_INTERFACES = "0.0.0.0"
DEFAULT_PORT = 8000


class HostError(ValueError):
    """A host the command refuses to bind (the message says why and what to do)."""


def is_loopback(host: str) -> bool:
    """Whether `host` only accepts connections from this machine."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a host name: we cannot tell without resolving it
        return False


def choose_host(host: str | None, public: bool) -> str:
    """The address to bind: 127.0.0.1 by default, 0.0.0.0 with `public` and no host.

    Anything but a loopback address needs `public`; raises HostError otherwise.
    """
    if host is None:
        return ALL_INTERFACES if public else LOOPBACK
    host = host.strip()
    if host.startswith("[") and host.endswith("]"):  # an IPv6 address as written in URLs
        host = host[1:-1]
    if not host:
        raise HostError("--host is empty (that would mean every interface); leave it out "
                        f"to serve on {LOOPBACK} only")
    if not public and not is_loopback(host):
        raise HostError(f"refusing to serve on {host}: anyone who can reach it could edit "
                        f"your cases. Serve on {LOOPBACK} (the default), or add --public "
                        "if you really mean it")
    return host


def is_all_interfaces(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return False


def url_host(host: str) -> str:
    """`host` as written in a URL (an IPv6 address in brackets)."""
    try:
        return f"[{host.strip('[]')}]" if ipaddress.ip_address(host.strip("[]")).version == 6 else host
    except ValueError:
        return host


def public_url(host: str, port: int, hostname: str | None = None) -> str:
    """The URL a browser opens, and textual-serve builds its websocket address from.

    Bound on every interface, the address itself is useless to a browser: use
    `hostname` (this machine's name) instead.
    """
    shown = hostname if is_all_interfaces(host) and hostname else host
    return f"http://{url_host(shown)}:{port}"


def app_command(cases: Sequence[str], python: str | None = None) -> str:
    """The shell command textual-serve runs per browser: this interpreter's `assess open`.

    `exec` makes the app the server's own child (no shell left in between), so
    stopping it reaches the app itself.
    """
    argv = [python or sys.executable, "-m", "assess", "open", *cases]
    return "exec " + shlex.join(argv)
