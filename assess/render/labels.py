"""Weighting methods by the names planners read: the one table of every
output (the report, the TUI's elicitation note, undo messages and dialogs)."""

from __future__ import annotations

from assess.model.weights import WEIGHT_METHODS
from assess.render.explain import lower_first

METHOD_LABELS: dict[str, str] = {
    "default": "Default weights of the criteria",
    **{method: info.label for method, info in WEIGHT_METHODS.items()},
}
"""Method id -> its name at the start of a sentence (the model's one method
table, `WEIGHT_METHODS`); "default" for a view without weights (each
criterion's default weight)."""


def method_label(method: str | None, inside: bool = False) -> str:
    """The name of `method` (None: the default weights); `inside` a sentence,
    its first letter small unless it is an acronym ("rank sum", "AHP ...")."""
    label = METHOD_LABELS.get(method or "default", method or "")
    return lower_first(label) if inside else label
