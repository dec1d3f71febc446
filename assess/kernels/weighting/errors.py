"""The weighting error, and the input checks every elicitation kernel shares.

Each message is written for the planner who typed the inputs: it names the
criterion or judgement concerned and says what would be accepted. Normalising
is w_i = x_i / sum_j x_j, summed with `math.fsum` so the weights add to 1 to
within one rounding step.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from fractions import Fraction


class WeightingError(ValueError):
    """Bad weighting input, with a message a planner can act on."""


def as_number(value: object, where: str) -> float:
    """`value` as a finite float; text such as '40', '0.5' or '1/3' is accepted.

    YAML has no fractions, so an AHP ratio written `1/3` arrives as text.
    """
    if isinstance(value, bool) or value is None:
        raise WeightingError(f"{where}: expected a number, got {value!r}")
    if isinstance(value, str):
        try:
            value = Fraction(value.replace(" ", ""))
        except (ValueError, ZeroDivisionError):
            raise WeightingError(f"{where}: {value!r} is not a number (write e.g. 3, 0.5 or 1/3)") from None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise WeightingError(f"{where}: expected a number, got {value!r}") from None
    if not math.isfinite(number):
        raise WeightingError(f"{where}: {value!r} is not a finite number")
    return number


def as_id(value: object, where: str) -> str:
    """A criterion id: non-empty text."""
    if not isinstance(value, str) or not value.strip():
        raise WeightingError(f"{where}: a criterion id must be non-empty text, got {value!r}")
    return value


def non_negative_points(points: object, what: str) -> dict[str, float]:
    """Checked {id: points}: a non-empty mapping of non-negative numbers, not all zero."""
    if not isinstance(points, Mapping) or not points:
        raise WeightingError(
            f"{what}: expected points per criterion, like {{c1: 40, c2: 60}}, got {points!r}"
        )
    clean: dict[str, float] = {}
    for key, value in points.items():
        cid = as_id(key, what)
        number = as_number(value, f"{what}, '{cid}'")
        if number < 0:
            raise WeightingError(f"{what}: '{cid}' has {number:g} points; points cannot be negative")
        clean[cid] = number
    if not any(clean.values()):
        raise WeightingError(f"{what}: every criterion has 0 points; give at least one some points")
    return clean


def normalise(values: Mapping[str, float]) -> dict[str, float]:
    """{id: x_i / sum_j x_j}; the caller guarantees a positive total."""
    total = math.fsum(values.values())
    return {key: value / total for key, value in values.items()}
