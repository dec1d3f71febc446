"""Undo and redo: a history of immutable `Case` objects."""

from __future__ import annotations

from dataclasses import dataclass

from assess.model import Case


@dataclass(frozen=True)
class History:
    """The case now, the cases before it (oldest first) and the undone ones."""

    present: Case
    past: tuple[Case, ...] = ()
    future: tuple[Case, ...] = ()
    """Undone cases, the next one to redo last."""

    LIMIT = 500
    """How many edits can be undone."""

    def push(self, case: Case) -> History:
        """After an edit: `case` is the present, the redo list is dropped."""
        if case is self.present:
            return self
        return History(case, (*self.past, self.present)[-self.LIMIT :], ())

    def undo(self) -> History:
        if not self.past:
            return self
        return History(self.past[-1], self.past[:-1], (*self.future, self.present))

    def redo(self) -> History:
        if not self.future:
            return self
        return History(self.future[-1], (*self.past, self.present), self.future[:-1])

    @property
    def can_undo(self) -> bool:
        return bool(self.past)

    @property
    def can_redo(self) -> bool:
        return bool(self.future)
