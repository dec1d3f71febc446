"""Every command's `--format json`, on every bundled case, view and method,
reads with a strict parser: never NaN or Infinity (issue 8), numbers at the
contract's precision (6 decimals, no float noise), no raw control character."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from assess.cli import main
from assess.files.casefile import load_case
from tests.conftest import DEFAULT_CASE, ROOT, SECURITY_CASE

CASES = sorted((ROOT / "cases").rglob("*.yaml"))
METHODS = ["wsm", "wpm", "topsis", "promethee", "vikor", "all"]
DECIMALS = 6


def _views(path: Path) -> list[str | None]:
    return [None, *load_case(path).case.scenarios]


def _assessors(path: Path) -> list[str | None]:
    return [None, *load_case(path).case.assessors]


def _refuse(name: str) -> None:
    raise ValueError(f"not JSON: {name}")


def strict(text: str) -> object:
    """`text` parsed as RFC 8259 JSON: NaN, Infinity and -Infinity refused."""
    return json.loads(text, parse_constant=_refuse)


def numbers(data: object) -> list[float]:
    if isinstance(data, dict):
        return [x for v in data.values() for x in numbers(v)]
    if isinstance(data, list):
        return [x for v in data for x in numbers(v)]
    return [data] if isinstance(data, float) else []


def check(text: str) -> None:
    assert not any(0x7F <= ord(ch) <= 0x9F or (ord(ch) < 0x20 and ch != "\n") for ch in text)
    data = strict(text)
    for x in numbers(data):
        assert math.isfinite(x) and round(x, DECIMALS) == x, x


def json_of(capsys: pytest.CaptureFixture[str], *argv: str, may_refuse: bool = False) -> str | None:
    code = main([*argv, "--format", "json"])
    out, err = capsys.readouterr()
    if may_refuse and code == 2:  # e.g. WPM refuses a zero score: said, not printed as JSON
        assert out == "" and err
        return None
    assert code == 0, err
    return out


SCORE_RUNS = [
    (path, view, assessor, method)
    for path in CASES
    for view in _views(path)
    for assessor in _assessors(path)
    for method in METHODS
]


@pytest.mark.parametrize(
    ("path", "view", "assessor", "method"),
    SCORE_RUNS,
    ids=[f"{p.stem}-{v}-{a}-{m}" for p, v, a, m in SCORE_RUNS],
)
def test_score(capsys, path: Path, view: str | None, assessor: str | None, method: str) -> None:
    argv = ["score", str(path), "--method", method]
    argv += ["--scenario", view] if view else []
    argv += ["--assessor", assessor] if assessor else []
    out = json_of(capsys, *argv, may_refuse=method == "wpm")
    if out is not None:
        check(out)


def test_a_vetoed_option_has_a_null_score(capsys) -> None:
    """Under a method whose scores compare options, a vetoed option has no
    score: null, where `NaN` was written before."""
    out = json_of(capsys, "score", str(DEFAULT_CASE), "-s", "2025", "--method", "topsis")
    assert out is not None
    vetoed = [e for e in strict(out)["ranking"] if e["excluded"]]  # type: ignore[index]
    assert vetoed and all(e["score"] is None for e in vetoed)


@pytest.mark.parametrize(
    ("path", "view"), [(p, v) for p in CASES for v in _views(p)], ids=lambda x: getattr(x, "stem", str(x))
)
def test_sensitivity(capsys, path: Path, view: str | None) -> None:
    argv = ["sensitivity", str(path), "--samples", "200"] + (["--scenario", view] if view else [])
    out = json_of(capsys, *argv)
    assert out is not None
    check(out)


COMPARISONS = [
    [str(DEFAULT_CASE), "--scenarios", "2019", "2025"],
    [str(SECURITY_CASE), "--scenarios", "2019", "2025"],
    [str(DEFAULT_CASE), str(SECURITY_CASE)],
    [str(DEFAULT_CASE), str(SECURITY_CASE), "--scenario", "2025"],
    [str(p) for p in CASES if p.parent.name == "team_example"],
]


@pytest.mark.parametrize("argv", COMPARISONS, ids=range(len(COMPARISONS)))
def test_compare(capsys, argv: list[str]) -> None:
    out = json_of(capsys, "compare", *argv)
    assert out is not None
    check(out)


@pytest.mark.parametrize("path", [p for p in CASES if load_case(p).case.assessors], ids=lambda p: p.stem)
def test_team(capsys, path: Path) -> None:
    for top in ("10", "0"):
        out = json_of(capsys, "team", str(path), "--top", top)
        assert out is not None
        check(out)


@pytest.mark.parametrize("extra", [[], ["--catalogue"]])
def test_schema(capsys, extra: list[str]) -> None:
    assert main(["schema", *extra]) == 0
    check(capsys.readouterr().out)


def test_the_writer_itself() -> None:
    from assess.render.jsonout import to_json

    text = to_json(
        {"nan": float("nan"), "inf": -float("inf"), "noise": 0.1 + 0.2, "neg0": -1e-12, "c1": "\x9b2J"}
    )
    assert strict(text) == {"nan": None, "inf": None, "noise": 0.3, "neg0": 0.0, "c1": "\x9b2J"}
    assert "\\u009b" in text and "\x9b" not in text
    assert to_json("\u202eevil") == '"\\u202eevil"'  # a bidi override, escaped too
