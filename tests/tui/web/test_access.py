"""Who may use a running `assess serve`: the pure rules of `assess.tui.web.access.Access`, and the page.

The same rules against a real server and a real WebSocket client: tests/tui/web/test_serve_access.py.
"""

from __future__ import annotations

import re

from assess.tui.web.access import (
    Access,
    access_for,
    bounded_int,
    new_token,
    page_title,
    split_netloc,
    token_url,
)


def test_new_token_is_long_random_and_url_safe() -> None:
    tokens = {new_token() for _ in range(50)}
    assert len(tokens) == 50
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{43}", t) for t in tokens)
    assert token_url("http://127.0.0.1:8000", "abc") == "http://127.0.0.1:8000/?token=abc"


def test_split_netloc() -> None:
    assert split_netloc("127.0.0.1:8000") == ("127.0.0.1", 8000)
    assert split_netloc("LocalHost:8000") == ("localhost", 8000)
    assert split_netloc("[::1]:8080") == ("::1", 8080)
    assert split_netloc("example.org") == ("example.org", 80)
    for bad in [
        None,
        "",
        ":8000",
        "a b:80",
        "evil@127.0.0.1:8000",
        "127.0.0.1:8000/x",
        "127.0.0.1:port",
        "[::1:80",
        "127.0.0.1:99999",
        "host\r\nX: y",
    ]:
        assert split_netloc(bad) is None, bad


def test_a_loopback_server_answers_to_loopback_names_only() -> None:
    access = access_for("127.0.0.1", 8000, "k")
    for host in ["127.0.0.1:8000", "localhost:8000", "LOCALHOST:8000", "[::1]:8000", "127.0.0.2:8000"]:
        assert access.host_allowed(host), host
    for other in [
        None,
        "127.0.0.1",
        "127.0.0.1:8001",
        "evil.example:8000",
        "localhost.evil.example:8000",
        "10.0.0.1:8000",
        "0.0.0.0:8000",
    ]:
        assert not access.host_allowed(other), other


def test_a_server_on_one_address_answers_to_it_only() -> None:
    access = access_for("planner.example.org", 8000, "k")
    assert access.host_allowed("PLANNER.example.org:8000")
    assert not access.host_allowed("127.0.0.1:8000") and not access.host_allowed("10.0.0.1:8000")
    assert access_for("[fe80::1]", 80, "k").host_allowed("[fe80::1]")


def test_origin_must_be_the_served_page() -> None:
    access = access_for("127.0.0.1", 8000, "k")
    assert access.origin_allowed("http://127.0.0.1:8000", "127.0.0.1:8000")
    assert access.origin_allowed("http://localhost:8000", "localhost:8000")
    for origin in [
        "http://evil.example",
        "http://evil.example:8000",
        "null",
        "https://127.0.0.1:8000",
        "http://127.0.0.1:8001",
        "http://localhost:8000",
        "http://127.0.0.1:8000/",
        "file://",
        "http://127.0.0.1:8000.evil.example",
    ]:
        assert not access.origin_allowed(origin, "127.0.0.1:8000"), origin
    # The Origin may not rescue a Host that is not served.
    assert not access.origin_allowed("http://evil.example:8000", "evil.example:8000")


def test_the_token_is_compared_whole() -> None:
    token = new_token()
    access = Access(token, 8000)
    assert access.token_matches(token)
    for given in [
        None,
        "",
        token[:-1],
        token + "x",
        token.upper() if token != token.upper() else "x",
        "été",
        "\udcff",
    ]:
        assert not access.token_matches(given), given
    assert token not in repr(access)
    assert access.cookie == "assess-token-8000"  # cookies are shared between ports: name it per port


def test_page_title() -> None:
    assert page_title(["Where to spend"]) == "Where to spend"
    assert page_title(["A", "B", "C"]) == "A (+2 more)"
    assert page_title(["  Two\nlines\x1b[31m  "]) == "Two lines [31m"
    assert page_title([""]) == "assess" and page_title([]) == "assess"


def test_bounded_int() -> None:
    assert bounded_int("40", 80, 1, 1000) == 40
    assert bounded_int("99999999", 80, 1, 1000) == 1000 and bounded_int("-3", 80, 1, 1000) == 1
    assert bounded_int("wide", 80, 1, 1000) == 80 and bounded_int(None, 80, 1, 1000) == 80
    assert bounded_int("1e9", 80, 1, 1000) == 80


def test_the_page_escapes_the_title_and_loads_nothing_from_elsewhere() -> None:
    from assess.tui.web.page import render_page

    page = render_page('</title><script>alert("x")</script>&', "ws://127.0.0.1:8000/ws", 16, "n0nce")
    assert "<script>alert" not in page and "&lt;/title&gt;&lt;script&gt;" in page
    assert "googleapis" not in page and re.findall(r"[a-z]+://", page) == ["ws://"]
    assert page.count('nonce="n0nce"') == 1 and "onClick" not in page and "onclick" not in page
