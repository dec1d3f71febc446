"""Direct point allocation and swing weighting.

Direct points: the planner spreads points (e.g. 100) over the criteria;
w_i = p_i / sum_j p_j for any non-negative points p, not all zero.

Swing weighting (von Winterfeldt & Edwards 1986, *Decision Analysis and
Behavioral Research*, ch. 8; the SMARTS procedure of Edwards & Barron 1994,
"SMARTS and SMARTER", OBHDP 60:306-325): picture every criterion at its worst
level; the swing from worst to best that matters most gets 100 points, each
other swing 0..100 relative to it. Weights are the normalised swing points,
w_i = s_i / sum_j s_j. A largest swing other than 100 is accepted (only the
ratios matter) but reported, unless `require_top_100` asks for an error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from assess.kernels.weighting.errors import WeightingError, non_negative_points, normalise

SWING_TOP = 100.0
"""Points given to the most important swing."""


@dataclass(frozen=True, slots=True)
class SwingResult:
    """Swing weights and what the swing points said."""

    weights: dict[str, float]
    top: tuple[str, ...]
    """The criteria whose swing got the most points."""
    top_points: float
    """Points of the largest swing (100 when elicited as intended)."""
    warnings: tuple[str, ...] = ()


def direct_weights(points: Mapping[str, object]) -> dict[str, float]:
    """Weights proportional to the points given: {id: p_i / sum_j p_j}."""
    return normalise(non_negative_points(points, "Direct points"))


def swing_weights(swings: Mapping[str, object], *, require_top_100: bool = False) -> SwingResult:
    """Weights from swing points: the top swing 100, the others 0..100 relative to it.

    Raises `WeightingError` for points above 100, negative or all zero, and,
    when `require_top_100`, for a largest swing other than 100.
    """
    what = "Swing weighting"
    clean = non_negative_points(swings, what)
    above = [cid for cid, value in clean.items() if value > SWING_TOP]
    if above:
        names = ", ".join(f"'{cid}' ({clean[cid]:g})" for cid in above)
        raise WeightingError(
            f"{what}: {names} above 100; the most important swing gets 100 points "
            "and every other swing 0..100 relative to it"
        )
    top_points = max(clean.values())
    top = tuple(cid for cid, value in clean.items() if value == top_points)
    warnings: tuple[str, ...] = ()
    if top_points != SWING_TOP:
        message = (
            f"{what}: the largest swing ({', '.join(top)}) has {top_points:g} points, "
            "not 100; weights follow the ratios of the points given, but check that "
            "the most important swing was given 100"
        )
        if require_top_100:
            raise WeightingError(message)
        warnings = (message,)
    return SwingResult(normalise(clean), top, top_points, warnings)
