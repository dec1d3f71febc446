"""Undo and redo for `AssessApp`: step through the history, then say what
changed (a toast: "Undone · Pharma × Security issues: 1.5 → 1 (2025)") and
show the view where it happened, with the cursor on the cell or weight."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assess.core.edit import Change, changes
from assess.core.view import available_criteria
from assess.model import Case, Catalogue
from assess.render import fmt
from assess.render.labels import method_label
from assess.tui.history import History
from assess.tui.present import safe

if TYPE_CHECKING:
    from assess.tui.app import AssessApp

SHOWN = 3
"""Changes named in one toast; more are counted."""


def _value(x: float | str | None) -> str:
    if x is None:
        return "–"
    return fmt.scale(x) if isinstance(x, float | int) else safe(str(x))


def change_text(change: Change, case: Case, catalogue: Catalogue | None) -> str:
    """One change in words, with the names of its option and criterion."""
    criteria = available_criteria(case, catalogue)
    options = {o.id: o.name for o in case.options}
    crit = safe(criteria[change.criterion].name) if change.criterion in criteria else change.criterion
    opt = safe(options.get(change.option or "", change.option or ""))
    where = f" ({safe(case.scenarios[change.scenario].name)})" if change.scenario in case.scenarios else ""
    if change.kind == "score":
        return f"{opt} × {crit}: {_value(change.before)} → {_value(change.after)}{where}"
    if change.kind == "rationale":
        return f"rationale of {opt} × {crit}{where}"
    if change.kind == "weight":
        return f"weight of {crit}: {_value(change.before)} → {_value(change.after)} points{where}"
    if change.kind == "weights":
        methods = [
            method_label(None if m is None else str(m), inside=True) for m in (change.before, change.after)
        ]
        return f"weights: {methods[0]} → {methods[1]}{where}"
    if change.kind == "criterion":
        return f"{crit} switched {change.after}"
    return "the case as read from its file"


def summary(found: list[Change], case: Case, catalogue: Catalogue | None) -> str:
    texts = [change_text(c, case, catalogue) for c in found[:SHOWN]]
    more = len(found) - SHOWN
    return "; ".join(texts) + (f"; and {more} more" if more > 0 else "")


def view_of(found: list[Change], now: str | None, case: Case) -> str | None:
    """The view in which the first change was made: its scenario, or the
    baseline for a baseline cell; a change to the whole case keeps `now`."""
    for c in found:
        if c.kind in ("score", "rationale", "weight", "weights"):
            return c.scenario if c.scenario in case.scenarios else None
    return now if now is None or now in case.scenarios else None


def step(app: AssessApp, history: History, verb: str) -> None:
    """Make `history` the App's, show where it changed and say what changed."""
    from assess.tui.screens.main import MainScreen

    before = app.case
    app.step_history(history)
    found = changes(before, app.case)
    app.action_scenario(view_of(found, app.scenario, app.case) or app.case.baseline)
    if found:
        app.notify(summary(found, app.case, app.catalogue), title=verb, markup=False)
        if isinstance(app.screen, MainScreen):
            app.screen.reveal(found[0])
