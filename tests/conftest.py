"""Shared fixtures: paths of the bundled files and a small in-memory case."""

from __future__ import annotations

from pathlib import Path

import pytest

from assess.model import Case

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CASE = ROOT / "cases" / "ai_cooperation.yaml"
SECURITY_CASE = ROOT / "cases" / "security_first.yaml"
CATALOGUE = ROOT / "criteria.yaml"


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


def small_case_data() -> dict:
    """Three options, two benefit and one cost criterion, one veto."""
    return {
        "title": "Small",
        "criteria": {
            "use": ["gain", "reach", "risk"],
            "local": [
                {"id": "gain", "name": "Gain", "family": "driver", "direction": "benefit"},
                {
                    "id": "reach",
                    "name": "Reach",
                    "family": "driver",
                    "direction": "benefit",
                    "scale": {"min": 0, "max": 10},
                },
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
            "b": {"gain": {"value": 3}, "reach": {"value": 10}, "risk": {"value": 2}},
            "c": {"gain": {"value": 5}, "reach": {"value": 10}, "risk": {"value": 5}},
        },
    }


@pytest.fixture
def small_case() -> Case:
    return Case.model_validate(small_case_data())
