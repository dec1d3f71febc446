"""Fixed number formats, so that the same input always gives the same bytes.

The formats are `assess.render.fmt`' (the one number format module of every
output), under the names the report's renderers use; `coord` is the report's
own (SVG coordinates).
"""

from __future__ import annotations

from assess.render.fmt import fixed as score
from assess.render.fmt import percent as pct
from assess.render.fmt import scale as num

__all__ = ["coord", "num", "pct", "score", "score_range"]


def coord(x: float) -> str:
    """An SVG coordinate: one decimal, never '-0.0'."""
    text = f"{x:.1f}"
    return "0.0" if text == "-0.0" else text


def score_range(value: float, low: float, high: float) -> str:
    """'4' or '4 (3–5)' when the score has a plausible range."""
    if low == value == high:
        return num(value)
    return f"{num(value)} ({num(low)}–{num(high)})"
