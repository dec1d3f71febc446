"""Rows every output shows alike, whatever writes them (text, Markdown, HTML,
the TUI): the family subtotals of each option's contributions.

A family subtotal is the sum of an option's contributions w_j · v_ij over the
criteria j of the family; the subtotals of an option add up to its
weighted-sum total.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from assess.model.families import family_ids


def families_present(families: Sequence[str]) -> list[str]:
    """The families among `families` (one per criterion), in the order of
    the family table (`assess.model.families`); a family it does not know comes
    last, as first seen."""
    order = family_ids()
    known = [f for f in order if f in families]
    return known + [f for f in dict.fromkeys(families) if f not in order]


def family_subtotals(
    families: Sequence[str], contributions: Iterable[Sequence[float]]
) -> tuple[list[str], list[list[float]]]:
    """The families present (`families_present`) and, for each row of
    `contributions` (an option; column j is criterion j, of family
    `families[j]`), its sum in each of them."""
    present = families_present(families)
    column = {f: k for k, f in enumerate(present)}
    sums = []
    for row in contributions:
        out = [0.0] * len(present)
        for family, x in zip(families, row, strict=True):
            out[column[family]] += float(x)
        sums.append(out)
    return present, sums
