"""How many mutants a fuzz test runs: a fixed count (CI), or as many as fit
`--fuzz-minutes`."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from dataclasses import dataclass

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
