"""Fixed number formats, so that the same input always gives the same bytes."""

from __future__ import annotations


def score(x: float) -> str:
    """A weighted-sum total or contribution: three decimals."""
    return f"{x:.3f}"


def pct(x: float, digits: int = 1) -> str:
    """A share in 0..1 as a percentage."""
    text = f"{x * 100:.{digits}f}"
    return (f"{0:.{digits}f}" if float(text) == 0 else text) + "%"


def num(x: float) -> str:
    """A score or scale value as the planner wrote it (4, 4.5)."""
    return f"{x:g}"


def coord(x: float) -> str:
    """An SVG coordinate: one decimal, never '-0.0'."""
    text = f"{x:.1f}"
    return "0.0" if text == "-0.0" else text


def score_range(value: float, low: float, high: float) -> str:
    """'4' or '4 (3–5)' when the score has a plausible range."""
    if low == value == high:
        return num(value)
    return f"{num(value)} ({num(low)}–{num(high)})"
