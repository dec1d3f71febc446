"""How every output writes numbers: one precision per kind of number.

- a score on a criterion's scale (as written, or a team's mean), a veto
  threshold, a distance between scores: `scale`, at most `SCALE_DECIMALS`
  decimals, trailing zeros dropped (4, 4.5, 4.17);
- a weighted-sum total, contribution or effect, another method's index,
  Kendall's tau: `fixed` / `signed`, `DECIMALS` decimals (0.604, +0.060);
- a weight share or a share of samples: `percent`, at most
  `PERCENT_DECIMALS` decimal, trailing zero dropped, no space (12.3%, 20%,
  <0.1%), and a range of shares `percent_span` (2.2–28%); a change of a
  share in percentage points `points` (+4.5);
- a score with its plausible range `score_range` (4 (3–5)), a range of
  scores `span` (1–5);
- a share drawn as a bar of eighths of a cell: `bar`; parts of a whole
  side by side: `runs` (the cells of each);
- JSON and CSV: `machine`, every non-integer number rounded to
  `MACHINE_DECIMALS` decimals.

Text rounds so that two numbers a planner compares are written alike and no
float noise shows (`0.09000000000000001`, `4.16667`); JSON and CSV round to
`MACHINE_DECIMALS`, enough for any figure the tool computes, and write a
number that is not finite as null (JSON) or an empty cell (CSV).

Pure and import-free, so every layer that writes text may use it: text,
Markdown, HTML and the TUI write every number through it.
"""

from __future__ import annotations

import math

SCALE_DECIMALS = 2
"""Text: a score on a criterion's scale, trailing zeros dropped (4, 4.5, 4.17)."""
DECIMALS = 3
"""Text: totals, contributions, effects, method scores, Kendall's tau (0.604)."""
PERCENT_DECIMALS = 1
"""Text: a share as a percentage, trailing zero dropped (12.3%, 20%)."""
MACHINE_DECIMALS = 6
"""JSON and CSV: every non-integer number (0.09, 4.166667)."""


class Figure(str):
    """A number already written as text: tables align it to the right."""

    __slots__ = ()


def machine(x: float | None) -> float | None:
    """`x` rounded to `MACHINE_DECIMALS`; None when it is missing or not finite
    (NaN, infinity), and never -0.0."""
    if x is None or not math.isfinite(x):
        return None
    r = round(float(x), MACHINE_DECIMALS)
    return 0.0 if r == 0 else r


def machine_text(x: float | None) -> str:
    """`machine(x)` as CSV writes it: shortest form, '' when not finite."""
    r = machine(x)
    return "" if r is None else repr(r)


def _unsigned_zero(text: str) -> str:
    """'-0.000' -> '0.000': a value that rounds to zero has no sign."""
    return text[1:] if text.startswith("-") and not text.strip("-0.") else text


def fixed(x: float) -> Figure:
    """A total, contribution, effect or index: `DECIMALS` decimals (0.604)."""
    if not math.isfinite(x):
        return Figure("-")
    return Figure(_unsigned_zero(f"{x:.{DECIMALS}f}"))


def signed(x: float) -> Figure:
    """A change: `DECIMALS` decimals with its sign (+0.060, -0.033, 0.000)."""
    text = fixed(x)
    return text if text == "-" or text.startswith("-") or not text.strip("0.") else Figure("+" + text)


def scale(x: float) -> Figure:
    """A score on its criterion's scale as a planner writes it: 4, 4.5, 4.17."""
    if not math.isfinite(x):
        return Figure("-")
    text = f"{x:.{SCALE_DECIMALS}f}".rstrip("0").rstrip(".")
    return Figure(_unsigned_zero(text) if text != "-0" else "0")


def scale_beside(x: float, other: float) -> Figure:
    """`scale(x)`, with more decimals (up to `MACHINE_DECIMALS`) where it would
    read the same as `other` but is not: "4.004 is above the threshold 4"."""
    text = scale(x)
    for digits in range(SCALE_DECIMALS + 1, MACHINE_DECIMALS + 1):
        if x == other or text != scale(other):
            break
        text = Figure(f"{x:.{digits}f}".rstrip("0").rstrip("."))
    return text


def _percent_number(x: float) -> str:
    """100·x to `PERCENT_DECIMALS`, trailing zero dropped; a share strictly
    between 0 and 1 never reads 0 or 100 ("<0.1", ">99.9")."""
    least = 10.0**-PERCENT_DECIMALS
    p = round(x * 100, PERCENT_DECIMALS)
    if 0 < x < 1 and p <= 0:
        return f"<{least:g}"
    if 0 < x < 1 and p >= 100:
        return f">{100 - least:g}"
    text = f"{p:.{PERCENT_DECIMALS}f}".rstrip("0").rstrip(".")
    return _unsigned_zero(text) if text != "-0" else "0"


def percent(x: float | None) -> Figure:
    """A share in 0..1 (a weight, a share of samples) as a percentage:
    12.3%, 20%, 4.5%, <0.1%, >99.9%; '-' when missing or not finite."""
    if x is None or not math.isfinite(x):
        return Figure("-")
    return Figure(_percent_number(x) + "%")


def percent_span(low: float, high: float) -> str:
    """A range of shares, the sign once: 2.2–28%, 0–100% (text, not a
    `Figure`: tables align a range as text)."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return "-"
    return f"{_percent_number(low)}–{_percent_number(high)}%"


def points(x: float) -> Figure:
    """A change of a share in percentage points, with its sign: +4.5, -12."""
    text = f"{abs(x) * 100:.{PERCENT_DECIMALS}f}".rstrip("0").rstrip(".")
    return Figure(text if text == "0" else ("+" if x > 0 else "-") + text)


def span(low: float, high: float) -> str:
    """A range of scores, each as `scale` writes it: 1–5, 2.5–4."""
    return f"{scale(low)}–{scale(high)}"


def score_range(value: float, low: float, high: float) -> str:
    """A score with its plausible range, "4 (3–5)"; "4" when it has none."""
    return f"{scale(value)} ({span(low, high)})" if high > low else str(scale(value))


EIGHTHS = " ▏▎▍▌▋▊▉"
"""A cell filled by 0..7 eighths, from the left."""


def bar(fraction: float, width: int) -> str:
    """A bar of `fraction` (0..1, clipped) of `width` cells, to the nearest
    eighth of a cell: "███▌" (not padded)."""
    eighths = round(max(0.0, min(1.0, fraction)) * width * 8)
    full, rest = divmod(eighths, 8)
    return "█" * full + (EIGHTHS[rest] if rest else "")


def runs(parts: list[float], width: int) -> list[int]:
    """The cells of each part (negative parts count as 0) when parts summing
    to at most 1 stand side by side in `width` cells: rounded where each
    part ends, so the bar's length is the sum's, not the sum of roundings."""
    out, total, drawn = [], 0.0, 0
    for part in parts:
        total += max(0.0, part)
        end = max(drawn, round(total * width))
        out.append(end - drawn)
        drawn = end
    return out
