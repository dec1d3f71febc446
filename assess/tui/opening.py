"""Opening cases in the UI: what happens before the first frame and what after.

Before: each case is found in the cache of validated cases, or else loaded
and validated in full, so bad input raises `InputError` before the UI starts
and `assess` prints it as `FILE:LINE:COL: ...` without drawing anything. A
case the cache holds was valid when stored and its entry is checked (key,
MAC, every file it depends on: `assess.files.cache.find_case`) before the UI
starts, but its models are made after the first frame: when every case is
such a hit, the first frame waits for neither pydantic nor YAML (issue 11).
After: the models of those hits, the first view's scores (NumPy comes in
here), the main screen and its widgets. The first frame is the opening
screen, which names the case and its file and says it is opening: it shows
no number, and the main screen replaces it as soon as the case is scored.

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
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assess.files.cache import Hit
    from assess.files.casefile import LoadedCase
    from assess.tui.state import AppState


@dataclass(frozen=True)
class Opening:
    """Cases valid, to be made (`pending`), scored and shown after the first frame."""

    cases: tuple[LoadedCase, ...] = ()
    """Cases loaded in full."""
    scenario: str | None = None
    pending: tuple[Hit, ...] = ()
    """Or: cases found valid in the cache, their models made in `open`."""

    @property
    def path(self) -> Path:
        """The first case's file, as given."""
        return self.cases[0].path if self.cases else self.pending[0].path

    @property
    def title(self) -> str:
        """The first case's title."""
        return self.cases[0].case.title if self.cases else self.pending[0].title

    def open(self) -> AppState:
        """Make the cases, score the first view and build the app's first
        state; then freeze what was built."""
        with collector_paused():
            cases = self.cases or tuple(hit.loaded() for hit in self.pending)
            current = open_cases(cases, self.scenario)
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
    """What `assess` opens: the cases found in the cache or loaded (bad input
    raises InputError), their warnings printed on stderr (each once, before
    the UI starts)."""
    from assess.files.cache import find_case

    hits = [find_case(p) for p in paths]
    found = tuple(h for h in hits if h is not None)
    if found and len(found) == len(hits):
        _say(w for h in found for w in h.warnings)
        return Opening(pending=found)
    cases = load_all(paths)
    _say(w for lc in cases for w in lc.warnings)
    return Opening(tuple(cases))


def _say(warnings: Iterator[object]) -> None:
    for warning in dict.fromkeys(warnings):
        print(warning, file=sys.stderr)


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
