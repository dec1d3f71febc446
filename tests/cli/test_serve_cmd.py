"""`assess serve`: its arguments, checked without starting a server.

A fake stands in for textual-serve's Server and records what it was given. The
real server, in a real browser, is tested in tests/tui/web/.
"""

from __future__ import annotations

import re
import shlex
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from assess.cli import main, serve_cmd
from assess.tui.web.access import (
    Access,
    HostError,
    access_for,
    app_command,
    choose_host,
    is_loopback,
    public_url,
)
from tests.conftest import CATALOGUE, DEFAULT_CASE, ROOT

LINK = re.compile(r"^Serving .* at (http://\S+)/\?token=([A-Za-z0-9_-]{43})  \(Ctrl\+C to stop\)$", re.M)
MACHINE = "192.0.2.44"
"""The address `_this_machine` finds in these tests (a documentation address, RFC 5737)."""


class FakeServer:
    made: list[FakeServer] = []

    def __init__(
        self,
        command: str,
        *,
        host: str,
        port: int,
        title: str,
        public_url: str,
        access: Access,
        max_sessions: int,
    ) -> None:
        self.command, self.host, self.port = command, host, port
        self.title, self.public_url = title, public_url
        self.access, self.max_sessions = access, max_sessions
        self.served = False
        FakeServer.made.append(self)

    def serve(self) -> None:
        self.served = True


Fake = list[FakeServer]


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Fake:
    """Servers made by `assess serve`, which never listen; the port is always free."""
    FakeServer.made = []
    monkeypatch.setattr(serve_cmd, "_server_class", lambda: FakeServer)
    monkeypatch.setattr(serve_cmd, "_port_taken", lambda host, port: None)
    monkeypatch.setattr(serve_cmd, "_this_machine", lambda: (MACHINE, ["planner", "planner.example.org"]))
    return FakeServer.made


def test_serve_is_a_command() -> None:
    from assess.cli import COMMANDS

    assert "serve" in COMMANDS, 'wire it: add "serve" to COMMANDS in assess/cli/__init__.py'


def serve(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["serve", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_defaults_loopback_port_8000_and_the_same_python(
    capsys: pytest.CaptureFixture[str], fake: Fake
) -> None:
    code, out, err = serve(capsys, str(DEFAULT_CASE))
    assert code == 0, err
    [server] = fake
    assert server.served
    assert (server.host, server.port) == ("127.0.0.1", 8000)
    assert "http://127.0.0.1:8000" in out
    assert "WARNING" not in err
    assert shlex.split(server.command) == [
        "exec",
        sys.executable,
        "-m",
        "assess",
        "open",
        str(DEFAULT_CASE.resolve()),
    ]
    assert server.title == "Areas of EU–Russia AI cooperation"  # the case's own title
    assert server.max_sessions == 3


def test_the_printed_link_holds_a_fresh_token(capsys: pytest.CaptureFixture[str], fake: Fake) -> None:
    serve(capsys, str(DEFAULT_CASE))
    _, out, _ = serve(capsys, str(DEFAULT_CASE))
    first, second = fake
    links = LINK.findall(out)
    assert links == [("http://127.0.0.1:8000", second.access.token)]
    assert first.access.token != second.access.token
    assert second.access.loopback_only and second.access.port == 8000


def test_max_sessions(capsys: pytest.CaptureFixture[str], fake: Fake) -> None:
    assert serve(capsys, str(DEFAULT_CASE), "--max-sessions", "1")[0] == 0
    assert fake[0].max_sessions == 1
    for bad in ["0", "-1", "101", "many"]:
        with pytest.raises(SystemExit) as exit_:
            serve(capsys, str(DEFAULT_CASE), "--max-sessions", bad)
        assert exit_.value.code == 2 and "--max-sessions" in capsys.readouterr().err
    assert len(fake) == 1


def test_no_case_serves_the_default_case(capsys: pytest.CaptureFixture[str], fake: Fake) -> None:
    assert serve(capsys)[0] == 0
    served = Path(shlex.split(fake[0].command)[-1])
    assert served.name == "ai_cooperation.yaml" and served.is_absolute()


def test_several_cases_and_a_port(capsys: pytest.CaptureFixture[str], fake: Fake) -> None:
    other = ROOT / "cases" / "security_first.yaml"
    code, out, _ = serve(capsys, str(DEFAULT_CASE), str(other), "--port", "8123")
    assert code == 0
    assert fake[0].port == 8123 and "http://127.0.0.1:8123" in out
    assert shlex.split(fake[0].command)[-2:] == [str(DEFAULT_CASE.resolve()), str(other.resolve())]


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "example.org"])
def test_other_hosts_need_public(capsys: pytest.CaptureFixture[str], fake: Fake, host: str) -> None:
    code, out, err = serve(capsys, str(DEFAULT_CASE), "--host", host)
    assert code == 2
    assert f"refusing to serve on {host}" in err and "--public" in err and "127.0.0.1" in err
    assert not fake and "http" not in out


@pytest.mark.parametrize("public", [[], ["--public"]])
def test_an_empty_host_is_refused(capsys: pytest.CaptureFixture[str], fake: Fake, public: list[str]) -> None:
    code, _, err = serve(capsys, str(DEFAULT_CASE), "--host", "", *public)
    assert code == 2 and "--host is empty" in err and not fake


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "127.0.0.2", "::1"])
def test_loopback_hosts_are_fine(capsys: pytest.CaptureFixture[str], fake: Fake, host: str) -> None:
    code, out, _ = serve(capsys, str(DEFAULT_CASE), "--host", host, "--port", "8001")
    assert code == 0 and fake[0].host == host
    assert ("http://[::1]:8001" if host == "::1" else f"http://{host}:8001") in out


def test_public_binds_every_interface_and_warns(capsys: pytest.CaptureFixture[str], fake: Fake) -> None:
    code, out, err = serve(capsys, str(DEFAULT_CASE), "--public")
    assert code == 0
    assert fake[0].host == "0.0.0.0"
    assert "WARNING: listening on 0.0.0.0:8000 (every interface" in err
    assert "the token in the link is what protects them" in err and "not encrypted" in err
    # The link names the address this machine is reached at: not 0.0.0.0, not localhost.
    assert fake[0].public_url == f"http://{MACHINE}:8000"
    assert LINK.findall(out) == [(f"http://{MACHINE}:8000", fake[0].access.token)]
    # Any address of this machine, or its names, but not someone else's name.
    access = fake[0].access
    assert access.host_allowed(f"{MACHINE}:8000") and access.host_allowed("10.9.8.7:8000")
    assert access.host_allowed("planner.example.org:8000") and access.host_allowed("localhost:8000")
    assert not access.host_allowed("evil.example:8000")


def test_public_without_a_route_names_the_machine(
    capsys: pytest.CaptureFixture[str], fake: Fake, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(serve_cmd, "_this_machine", lambda: (None, ["planner"]))
    code, out, _ = serve(capsys, str(DEFAULT_CASE), "--public")
    assert code == 0 and fake[0].public_url == "http://planner:8000"


def test_public_with_a_host(capsys: pytest.CaptureFixture[str], fake: Fake) -> None:
    code, out, err = serve(capsys, str(DEFAULT_CASE), "--public", "--host", "10.1.2.3")
    assert code == 0 and fake[0].host == "10.1.2.3" and fake[0].public_url == "http://10.1.2.3:8000"
    assert "WARNING: listening on 10.1.2.3:8000. " in err and "token" in err
    assert LINK.findall(out)[0][0] == "http://10.1.2.3:8000"
    assert fake[0].access.host_allowed("10.1.2.3:8000")
    assert not fake[0].access.host_allowed(f"{MACHINE}:8000")


@pytest.mark.parametrize("port", ["0", "65536", "-1", "http"])
def test_bad_port(capsys: pytest.CaptureFixture[str], fake: Fake, port: str) -> None:
    with pytest.raises(SystemExit) as exit_:
        serve(capsys, str(DEFAULT_CASE), "--port", port)
    assert exit_.value.code == 2
    assert "--port" in capsys.readouterr().err and not fake


def test_bad_case_file_gives_file_line_col_and_no_server(
    capsys: pytest.CaptureFixture[str], fake: Fake, tmp_path: Path
) -> None:
    shutil.copy(CATALOGUE, tmp_path / "criteria.yaml")
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    (tmp_path / "cases").mkdir()
    bad = tmp_path / "cases" / "bad.yaml"
    text = DEFAULT_CASE.read_text(encoding="utf-8")
    assert "      value: 4\n" in text
    bad.write_text(text.replace("      value: 4\n", "      value: lots\n", 1), encoding="utf-8")
    code, out, err = serve(capsys, str(DEFAULT_CASE), str(bad))
    assert code == 2
    assert re.search(rf"^{re.escape(str(bad))}:\d+:\d+: ", err, re.M), err
    assert not fake and "http" not in out


def test_missing_case_file(capsys: pytest.CaptureFixture[str], fake: Fake, tmp_path: Path) -> None:
    code, _, err = serve(capsys, str(tmp_path / "nope.yaml"))
    assert code == 2 and "nope.yaml" in err and not fake


def test_a_taken_port_is_refused_before_serving(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    FakeServer.made = []
    monkeypatch.setattr(serve_cmd, "_server_class", lambda: FakeServer)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, _, err = serve(capsys, str(DEFAULT_CASE), "--port", str(port))
    assert code == 1 and f"127.0.0.1:{port}" in err and "--port" in err
    assert not FakeServer.made


# -- the pure helpers --------------------------------------------------------------


def test_choose_host() -> None:
    assert choose_host(None, False) == "127.0.0.1"
    assert choose_host(None, True) == "0.0.0.0"
    assert choose_host("::1", False) == "::1"
    assert choose_host("[::1]", False) == "::1"
    assert choose_host("0.0.0.0", True) == "0.0.0.0"
    with pytest.raises(HostError):
        choose_host("0.0.0.0", False)
    with pytest.raises(HostError):
        choose_host(" ", True)


def test_is_loopback() -> None:
    assert all(map(is_loopback, ["localhost", "LOCALHOST", "127.0.0.1", "127.9.9.9", "::1", "[::1]"]))
    assert not any(map(is_loopback, ["0.0.0.0", "::", "10.0.0.1", "localhost.example.org", "fe80::1"]))


def test_public_url() -> None:
    assert public_url("127.0.0.1", 8000) == "http://127.0.0.1:8000"
    assert public_url("::1", 8080) == "http://[::1]:8080"
    assert public_url("0.0.0.0", 8000, "planner.example.org") == "http://planner.example.org:8000"
    assert public_url("0.0.0.0", 8000) == "http://0.0.0.0:8000"


def test_app_command_quotes_paths_and_interpreter(tmp_path: Path) -> None:
    cases = ["/tmp/my cases/it's here.yaml", "/tmp/$(touch oops).yaml", "/tmp/a;b.yaml"]
    command = app_command(cases, python="/opt/py thon/bin/python3")
    assert shlex.split(command) == ["exec", "/opt/py thon/bin/python3", "-m", "assess", "open", *cases]
    # The shell textual-serve uses runs it as one command, expanding nothing.
    show_args = tmp_path / "show args"
    show_args.write_text('#!/bin/sh\nfor a; do printf "%s\\n" "$a"; done\n')
    show_args.chmod(0o755)
    run = subprocess.run(
        ["/bin/sh", "-c", app_command(cases, python=str(show_args))],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=10,
        check=True,
    )
    assert run.stdout.splitlines() == ["-m", "assess", "open", *cases]
    assert not (tmp_path / "oops").exists()


def test_the_session_server_is_textual_serves() -> None:
    from textual_serve.server import Server

    cls: Any = serve_cmd._server_class()
    assert issubclass(cls, Server)
    server = cls(
        "true",
        host="127.0.0.1",
        port=8000,
        title="t",
        public_url="http://127.0.0.1:8000",
        access=access_for("127.0.0.1", 8000, "k"),
        max_sessions=2,
    )
    assert server.sessions == set() and server.open_sessions == 0 and server.max_sessions == 2


def test_this_machine_finds_an_address_or_none() -> None:
    import ipaddress

    address, names = serve_cmd._this_machine()
    assert address is None or ipaddress.ip_address(address)
    assert socket.gethostname() in names
