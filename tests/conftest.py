"""Shared fixtures: paths of the bundled files and a small in-memory case."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

from assess.cli import main
from assess.model import Case

settings.register_profile("ci", derandomize=True, deadline=None, database=None, print_blob=True)
"""The suite's fixed profile: the same examples on every run, no timing flakes."""
settings.register_profile("explore", deadline=None, max_examples=1_000)
"""By hand (HYPOTHESIS_PROFILE=explore): fresh random examples, ten times as many."""
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CASE = ROOT / "cases" / "ai_cooperation.yaml"
SECURITY_CASE = ROOT / "cases" / "security_first.yaml"
CATALOGUE = ROOT / "criteria.yaml"


def pytest_configure(config: pytest.Config) -> None:
    """The cache of validated cases goes to a folder of this session, never the
    user's ~/.cache (subprocesses inherit the variable); the session's own
    folder, so no earlier run's entries are read."""
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="assess-test-cache-")
    os.environ.pop("ASSESS_NO_CACHE", None)


def _strays() -> set[Path]:
    """Files beside the bundled cases that only a UI stopped on an error writes."""
    return set((ROOT / "cases").rglob("*.recovered.yaml"))


@pytest.fixture(autouse=True, scope="session")
def _no_recovery_file_in_the_checkout() -> object:
    """A test whose app crashes on a bundled case (loaded read-only) would leave
    its recovery file in the checkout: that is a failure, never left behind."""
    before = _strays()
    yield
    new = _strays() - before
    for path in new:
        path.unlink(missing_ok=True)
    assert not new, f"a UI stopped on an error and wrote {sorted(map(str, new))}"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("fuzz", "the fuzz suite (tests/fuzz)")
    group.addoption(
        "--fuzz-minutes",
        type=float,
        default=0.0,
        metavar="N",
        help="run each fuzz test for N minutes instead of its short fixed run",
    )
    group.addoption(
        "--fuzz-seed",
        type=int,
        default=None,
        metavar="S",
        help="the fuzz suite's seed (default: its fixed one)",
    )


def small_case_data(reach_max: int = 10) -> dict:
    """Three options, two benefit criteria and one cost criterion with a veto.

    Reach is scored on 0..`reach_max` (10, or 5: the default scale, as the UI
    tests use it) and B and C reach its top."""
    reach: dict = {"id": "reach", "name": "Reach", "family": "driver", "direction": "benefit"}
    if reach_max != 5:
        reach["scale"] = {"min": 0, "max": reach_max}
    return {
        "title": "Small",
        "criteria": {
            "use": ["gain", "reach", "risk"],
            "local": [
                {"id": "gain", "name": "Gain", "family": "driver", "direction": "benefit"},
                reach,
                {
                    "id": "risk",
                    "name": "Risk",
                    "family": "constraint",
                    "direction": "cost",
                    "veto": {"threshold": 4, "reason": "too risky"},
                },
            ],
        },
        "options": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
        "weights": {"method": "direct", "points": {"gain": 50, "reach": 30, "risk": 20}},
        "scores": {
            "a": {"gain": {"value": 5}, "reach": {"value": 2}, "risk": {"value": 1}},
            "b": {"gain": {"value": 3}, "reach": {"value": reach_max}, "risk": {"value": 2}},
            "c": {"gain": {"value": 5}, "reach": {"value": reach_max}, "risk": {"value": 5}},
        },
    }


@pytest.fixture
def small_case() -> Case:
    return Case.model_validate(small_case_data())


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    """`assess ARGV...` through the real entry point: (exit code, stdout, stderr).

    The one CLI runner of the suite (in-process, so fast; tests of the installed
    command and of the process itself use a subprocess)."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err
