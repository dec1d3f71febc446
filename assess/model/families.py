"""Criterion families: the one table of what a criterion's `family` may be and
how each is named and ordered wherever criteria are grouped (score matrix,
weights, "why" chart, text ranking, report).

Adding a family is one entry in `FAMILIES`: the model accepts it, the JSON
Schema lists it, and every grouping shows it (colours and fill characters
fall back to a neutral one where a family has none of its own).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated

from pydantic import PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError


@dataclass(frozen=True, slots=True)
class Family:
    """How a criterion family is named and where it goes."""

    label: str
    """Its name where criteria are grouped: "5S constraints"."""
    order: int
    """Families are shown by ascending order (criteria keep file order within)."""
    tag: str
    """A short name for a column header: "5S"."""
    short: str
    """The shortest name, for a narrow subtotal column: "Drv"."""


FAMILIES: Mapping[str, Family] = {
    "driver": Family("Drivers", 0, "Drivers", "Drv"),
    "constraint": Family("5S constraints", 1, "5S", "5S"),
    "risk": Family("Later risks", 2, "Risks", "Risk"),
    "other": Family("Other criteria", 3, "Other", "Other"),
}
"""Family id -> its names and order, in display order. driver: a benefit of
cooperating; constraint: one of the 2019 "Five Dark S"; risk: a later (2025)
risk; other: none of these (e.g. an imported column no family was given for).
Not changed at run time (tests add a family with `monkeypatch.setitem`)."""

DEFAULT_FAMILY = "other"
"""The family of a criterion whose source says none (an imported column)."""


def family_ids() -> list[str]:
    """Every family id, in display order."""
    return sorted(FAMILIES, key=lambda f: FAMILIES[f].order)


def family_rank(family: str) -> int:
    """Where a family goes among the others (an unknown one last)."""
    found = FAMILIES.get(family)
    return found.order if found is not None else len(FAMILIES)


def _known(family: object) -> str:
    if not isinstance(family, str) or family not in FAMILIES:
        expected = [repr(f) for f in family_ids()]
        said = expected[0] if len(expected) == 1 else f"{', '.join(expected[:-1])} or {expected[-1]}"
        # the type and words of pydantic's own Literal error (for any input, as a
        # strict Literal gives), so messages read as before
        raise PydanticCustomError("literal_error", "Input should be {expected}", {"expected": said})
    return family


FamilyId = Annotated[
    str,
    PlainValidator(_known),
    WithJsonSchema({"enum": list(FAMILIES), "title": "Family", "type": "string"}),
]
"""A criterion's family: a key of `FAMILIES`, checked when a file is read."""
