"""The fuzz suite's budget: a short fixed run by default (CI), or
`--fuzz-minutes N` per test by hand; `--fuzz-seed S` for another sequence."""

from __future__ import annotations

import pytest
from fuzz_budget import SEED, Budget


@pytest.fixture
def budget(request: pytest.FixtureRequest) -> Budget:
    marker = request.node.get_closest_marker("fuzz_count")
    count = marker.args[0] if marker else 50
    seed = request.config.getoption("--fuzz-seed")
    return Budget(SEED if seed is None else seed, count, request.config.getoption("--fuzz-minutes"))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "fuzz_count(n): mutants in the fuzz test's fixed (CI) run")
