"""Why an aggregation method does not apply to a view, in a planner's words
and as data.

The kernels refuse input by indices (`assess.kernels.methods.MethodError`); here the
refusal gets the option's and criterion's names, the criterion's scale and
direction, why the method cannot hold such a score, and what to use
instead. The weighted product (WPM) multiplies scores raised to their
weights, P(a) = prod_j x_aj ^ (+-w_j): a score of 0 makes the product 0 on a
criterion where higher is better, and divides by 0 where higher is worse
(the exponent is negative); a negative score raised to a fractional weight
has no real value. The method is not bent to run (no shifted scales): it is
refused, saying so.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from assess.core.view import View
from assess.kernels.methods import MethodError

ANY_SCALE = ("wsm", "topsis", "promethee", "vikor")
"""Methods that take scores on any interval scale (0 and negatives included)."""

LABELS = {"wsm": "the weighted sum", "topsis": "TOPSIS", "promethee": "PROMETHEE", "vikor": "VIKOR"}


@dataclass(frozen=True)
class RefusedCell:
    option: str
    criterion: str
    score: float


@dataclass(frozen=True)
class Refusal:
    """A method that does not apply to a view, and why."""

    method: str
    message: str
    """One paragraph in a planner's words."""
    reason: str
    """"non_positive" (a score of 0 or below for WPM), or "other"."""
    cells: tuple[RefusedCell, ...] = ()
    """The cells that make the method inapplicable, first the one the message names."""
    instead: tuple[str, ...] = ()
    """Methods that apply."""

    def data(self) -> dict[str, object]:
        """As JSON data: method, reason, message, cells [{option, criterion, score}], instead."""
        return {
            "method": self.method,
            "reason": self.reason,
            "message": self.message,
            "cells": [{"option": c.option, "criterion": c.criterion, "score": c.score} for c in self.cells],
            "instead": list(self.instead),
        }


class MethodRefused(MethodError):
    """A `MethodError` with its `Refusal`, raised by `assess.core.scoring.score_method`."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.message, method=refusal.method, reason=refusal.reason)
        self.refusal = refusal


def refusal(view: View, method: str, err: MethodError, rows: NDArray[np.intp]) -> Refusal:
    """The planner's refusal of `method` for `view`; `rows` maps the kernel's
    option indices to the view's (the options no veto excludes)."""
    if err.reason == "non_positive" and err.option is not None and err.criterion is not None:
        cells = _non_positive_cells(view, rows, (int(rows[err.option]), err.criterion))
        return Refusal(method, _non_positive_message(view, cells), "non_positive", cells, ANY_SCALE)
    return Refusal(method, _named(str(err), view, rows), "other")


def _non_positive_cells(
    view: View, rows: NDArray[np.intp], first: tuple[int, int]
) -> tuple[RefusedCell, ...]:
    """Every score of 0 or below on a weighted criterion of the kept options, `first` first."""
    used = view.weights > 0
    found = [(int(rows[i]), int(j)) for i, j in np.argwhere(view.scores[rows] <= 0) if used[j]]
    ordered = [first, *(k for k in found if k != first)]
    return tuple(
        RefusedCell(view.options[i].id, view.criteria[j].id, float(view.scores[i, j])) for i, j in ordered
    )


def _non_positive_message(view: View, cells: tuple[RefusedCell, ...]) -> str:
    cell = cells[0]
    option = next(o for o in view.options if o.id == cell.option)
    criterion = next(c for c in view.criteria if c.id == cell.criterion)
    cost = criterion.direction == "cost"
    scale = (
        f"scale {criterion.scale.min:g}..{criterion.scale.max:g}, higher is {'worse' if cost else 'better'}"
    )
    if cell.score < 0:
        effect = "a negative score raised to a fractional weight has no value"
    elif cost:
        effect = "where higher is worse the product divides by the score, and nothing can be divided by 0"
    else:
        effect = "a 0 makes the whole product 0, whatever the option's other scores"
    more = len(cells) - 1
    others = f" This view has {more} more such score{'s' if more != 1 else ''}." if more else ""
    instead = ", ".join(f"{LABELS[m]} (--method {m})" for m in ANY_SCALE)
    return (
        f"WPM does not apply to this view: {option.name} scores {cell.score:g} on {criterion.name} "
        f"({scale}). The weighted product multiplies the scores, each raised to its criterion's "
        f"weight, so every score must be above 0: {effect}. The scale of {criterion.name} starts at "
        f"{criterion.scale.min:g}, so a product of its scores does not hold.{others} Use a method "
        f"that compares scores on any scale instead: {instead}."
    )


def _named(text: str, view: View, rows: NDArray[np.intp]) -> str:
    """A kernel's message with option and criterion indices replaced by ids."""
    import re

    text = re.sub(r"option index (\d+)", lambda m: f"option '{view.options[rows[int(m.group(1))]].id}'", text)
    return re.sub(
        r"criterion index (\d+)", lambda m: f"criterion '{view.criteria[int(m.group(1))].id}'", text
    )
