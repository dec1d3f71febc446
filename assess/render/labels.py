"""Weighting methods by the names planners read: the one table of every
output (the report, the TUI's elicitation note, undo messages and dialogs)."""

from __future__ import annotations

from assess.render.explain import lower_first

METHOD_LABELS: dict[str, str] = {
    "default": "Default weights of the criteria",
    "direct": "Direct points",
    "swing": "Swing weighting",
    "roc": "Rank order centroid (ROC)",
    "smarter": "SMARTER (rank order centroid of ranked swings)",
    "rank_sum": "Rank sum",
    "rank_reciprocal": "Rank reciprocal",
    "ahp": "AHP pairwise comparison",
}
"""Method id -> its name at the start of a sentence; "default" for a view
without weights (each criterion's default weight)."""


def method_label(method: str | None, inside: bool = False) -> str:
    """The name of `method` (None: the default weights); `inside` a sentence,
    its first letter small unless it is an acronym ("rank sum", "AHP ...")."""
    label = METHOD_LABELS.get(method or "default", method or "")
    return lower_first(label) if inside else label
