"""How every output writes numbers: one precision per kind of number.

- a score on a criterion's scale (as written, or a team's mean), a veto
  threshold, a distance between scores: `scale`, at most `SCALE_DECIMALS`
  decimals, trailing zeros dropped (4, 4.5, 4.17);
- a weighted-sum total, contribution or effect, another method's index,
  Kendall's tau: `fixed` / `signed`, `DECIMALS` decimals (0.604, +0.060);
- a weight share or a share of samples: `percent` in reports (12.3%),
  `pct` / `weight_pct` in the terminal (12 %, <1 %);
- JSON and CSV: `machine`, every non-integer number rounded to
  `MACHINE_DECIMALS` decimals.

Text rounds so that two numbers a planner compares are written alike and no
float noise shows (`0.09000000000000001`, `4.16667`); JSON and CSV round to
`MACHINE_DECIMALS`, enough for any figure the tool computes, and write a
number that is not finite as null (JSON) or an empty cell (CSV).

Pure and import-free, so every layer that writes text may use it.
"""

from __future__ import annotations

import math

SCALE_DECIMALS = 2
"""Text: a score on a criterion's scale, trailing zeros dropped (4, 4.5, 4.17)."""
DECIMALS = 3
"""Text: totals, contributions, effects, method scores, Kendall's tau (0.604)."""
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


def percent(x: float, digits: int = 1) -> Figure:
    """A share in 0..1 as a percentage with `digits` decimals (12.3%), as the
    report writes it."""
    text = f"{x * 100:.{digits}f}"
    return Figure((f"{0:.{digits}f}" if float(text) == 0 else text) + "%")


def pct(x: float | None) -> str:
    """A share of samples as the terminal writes it: "92 %", "<1 %", ">99 %"."""
    if x is None:
        return "-"
    if 0 < x < 0.005:
        return "<1 %"
    if 0.995 <= x < 1:
        return ">99 %"
    return f"{x * 100:.0f} %"


def weight_pct(x: float) -> str:
    """A weight share as the terminal writes it: whole percent, one decimal
    below 10 % when it matters (12 %, 4.5 %)."""
    p = round(x * 100, 1)
    return f"{p:.0f} %" if p >= 10 or p == int(p) else f"{p:.1f} %"
