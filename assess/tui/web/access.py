"""What `assess serve` decides before it starts a server: address, command and access.

Pure functions, no I/O and no Textual: the host to bind (loopback unless the
planner asks for `--public`), the URL to print, the shell command that
textual-serve runs for each browser that connects, and `Access`, which says
whether a request may reach the served UI at all.

The security model (as Jupyter's): a random token per run, printed in the URL,
is the key; the browser keeps it in an HttpOnly, SameSite=Strict cookie after
the first visit. A request must also name the served address in its Host
header (no DNS rebinding: a page of evil.example that re-resolves to 127.0.0.1
still says `Host: evil.example`), and a browser request that states an Origin
must come from the served page itself (no other web page drives the UI).
"""

from __future__ import annotations

import hmac
import ipaddress
import re
import secrets
import shlex
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

LOOPBACK = "127.0.0.1"
ALL_INTERFACES = "0.0.0.0"
DEFAULT_PORT = 8000
DEFAULT_MAX_SESSIONS = 3
TOKEN_BYTES = 32
"""Bytes of randomness in a token (43 URL-safe characters), as Jupyter's 24 and more."""


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
        raise HostError(
            f"--host is empty (that would mean every interface); leave it out to serve on {LOOPBACK} only"
        )
    if not public and not is_loopback(host):
        raise HostError(
            f"refusing to serve on {host}: anyone who can reach it could edit "
            f"your cases. Serve on {LOOPBACK} (the default), or add --public "
            "if you really mean it"
        )
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


def page_title(titles: Sequence[str]) -> str:
    """The browser tab's title: the edited case's, on one line, and how many others are open."""
    first = " ".join("".join(c if c.isprintable() else " " for c in titles[0]).split()) if titles else ""
    shown = first or "assess"
    return f"{shown} (+{len(titles) - 1} more)" if len(titles) > 1 else shown


def bounded_int(value: object, default: int, low: int, high: int) -> int:
    """`value` (from a browser: any text) as an integer within [low, high]; `default` if not one."""
    try:
        number = int(str(value))
    except ValueError:
        return default
    return min(max(number, low), high)


def new_token() -> str:
    """A fresh secret for one run of the server."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_url(url: str, token: str) -> str:
    """The link to print: the served page with the token that opens it."""
    return f"{url}/?token={token}"


_NETLOC = re.compile(r"[A-Za-z0-9.\-_:\[\]]+")


def split_netloc(netloc: str | None) -> tuple[str, int] | None:
    """(host, port) of a Host header or an origin's `host[:port]`, or None if malformed.

    The host is lower case, an IPv6 address without brackets; no port means 80.
    """
    if not netloc or not _NETLOC.fullmatch(netloc):
        return None
    try:
        parts = urlsplit("//" + netloc)
        name, port = parts.hostname, parts.port
    except ValueError:  # a port that is not a number, an unclosed bracket
        return None
    return (name, 80 if port is None else port) if name else None


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Access:
    """Who may use a running server: the token, and the addresses a browser may use.

    `names` are the host names or addresses a request's Host may give (lower case,
    IPv6 without brackets); `loopback_only`: any loopback address or `localhost`,
    and nothing else; `any_ip`: also any IP address (bound on every interface:
    an address cannot be re-bound by DNS, only a name can).
    """

    token: str = field(repr=False)  # never in a log line or a traceback
    port: int
    names: frozenset[str] = frozenset()
    loopback_only: bool = False
    any_ip: bool = False

    @property
    def cookie(self) -> str:
        """The cookie holding the token; cookies are per host, not per port, hence the port."""
        return f"assess-token-{self.port}"

    def host_allowed(self, host: str | None) -> bool:
        """Whether a request's Host header names this server."""
        parsed = split_netloc(host)
        if parsed is None or parsed[1] != self.port:
            return False
        name = parsed[0]
        if self.loopback_only:
            return is_loopback(name)
        return name in self.names or (self.any_ip and _is_ip(name))

    def origin_allowed(self, origin: str, host: str | None) -> bool:
        """Whether `origin` is the served page's own: http, and the same address as Host."""
        scheme, _, netloc = origin.partition("://")
        return (
            scheme.lower() == "http"
            and self.host_allowed(host)
            and split_netloc(netloc) == split_netloc(host)
        )

    def token_matches(self, given: str | None) -> bool:
        """Whether `given` is the token, compared in constant time."""
        if not given:
            return False
        return hmac.compare_digest(given.encode("utf-8", "replace"), self.token.encode())


def access_for(host: str, port: int, token: str, local_names: Iterable[str] = ()) -> Access:
    """The access rule for a server bound to `host`.

    On loopback: `localhost` or a loopback address. On every interface: any IP
    address, `localhost` or one of `local_names` (this machine's names). On one
    other address or name: that one only.
    """
    if is_loopback(host):
        return Access(token, port, loopback_only=True)
    if is_all_interfaces(host):
        names = {"localhost", *(n.lower() for n in local_names if n)}
        return Access(token, port, frozenset(names), any_ip=True)
    return Access(token, port, frozenset({host.strip("[]").lower()}))
