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

    def indexes(self, part: int = 0, parts: int = 1) -> Iterator[int]:
        """The mutant numbers to run: the fixed count, or as many as fit the minutes.

        With `parts`, the fixed run is dealt out (mutant i to part i % parts) so
        that a parallel run spreads one test's mutants over its workers; by the
        minutes, part 0 runs them all and the other parts none.
        """
        if not self.minutes:
            yield from range(part, self.count, parts)
            return
        if part:
            return
        stop = time.monotonic() + 60 * self.minutes
        for i in itertools.count():
            if time.monotonic() > stop:
                return
            yield i
