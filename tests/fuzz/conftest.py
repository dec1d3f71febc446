"""The fuzz suite's budget: a short fixed run by default (CI), or
`--fuzz-minutes N` per test by hand; `--fuzz-seed S` for another sequence."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

SEED = 20_251_201


@dataclass(frozen=True)
class Budget:
    seed: int
    count: int
    """Mutants in the fixed run."""
    minutes: float

    def indexes(self) -> Iterator[int]:
        """The mutant numbers to run: the fixed count, or as many as fit the minutes."""
        if not self.minutes:
            yield from range(self.count)
            return
        stop = time.monotonic() + 60 * self.minutes
        for i in itertools.count():
            if time.monotonic() > stop:
                return
            yield i


@pytest.fixture
def budget(request: pytest.FixtureRequest) -> Budget:
    marker = request.node.get_closest_marker("fuzz_count")
    count = marker.args[0] if marker else 50
    seed = request.config.getoption("--fuzz-seed")
    return Budget(SEED if seed is None else seed, count, request.config.getoption("--fuzz-minutes"))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "fuzz_count(n): mutants in the fuzz test's fixed (CI) run")
