"""Opening cases in the UI: what happens before the first frame and what after.

Before: the cases are loaded and validated (through the cache of validated
cases where the tree has it), so bad input raises `InputError` before the UI
starts and `assess` prints it as `FILE:LINE:COL: ...` without drawing
anything. After: the first view's scores (NumPy comes in here), the main
screen and its widgets. The first frame is the opening screen, which names
the case and its file and says it is opening: it shows no number, and the
main screen replaces it as soon as the case is scored.

Loading and scoring pause Python's garbage collector, and what each built is
then frozen (`gc.freeze`): the case lives for the whole session, and on a
large case the collector would otherwise scan it again and again while the
screen is built (the main cost of opening 200 options x 100 criteria, issue 11).
"""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assess.files.casefile import LoadedCase
    from assess.tui.state import AppState


@dataclass(frozen=True)
class Opening:
    """Cases loaded and valid, to be scored and shown after the first frame."""

    cases: tuple[LoadedCase, ...]
    scenario: str | None = None

    def open(self) -> AppState:
        """Score the first view and build the app's first state; then freeze what was built."""
        with collector_paused():
            current = open_cases(self.cases, self.scenario)
        gc.freeze()
        return current


def open_cases(cases: Sequence[LoadedCase], scenario: str | None = None) -> AppState:
    """The app's first state: the first case edited, in view `scenario`, scored."""
    from assess.tui.history import History
    from assess.tui.state import AppState, view_state

    first = cases[0]
    view = view_state(first.case, first.catalogue_model, scenario)
    return AppState(tuple(cases), History(first.case), view)


def load_all(paths: list[str]) -> list[LoadedCase]:
    """Load every case; raise one InputError with the problems of all of them."""
    from assess.files.cache import load_cases_cached as load_cases

    with collector_paused():
        cases = load_cases(paths)
    gc.freeze()  # kept for the session: never scanned again
    return cases


def opening(paths: list[str]) -> Opening:
    """What `assess` opens: the cases loaded (bad input raises InputError), their
    warnings printed on stderr (each once, before the UI starts)."""
    cases = load_all(paths)
    for warning in dict.fromkeys(w for lc in cases for w in lc.warnings):
        print(warning, file=sys.stderr)
    return Opening(tuple(cases))


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The garbage collector off while a case is built (it allocates much and frees little)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
