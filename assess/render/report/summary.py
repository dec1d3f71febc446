"""Sentences and sums both renderers share: the summary at the top, the
score of each option per criterion family, and the "why" of each score."""

from __future__ import annotations

from assess.render.fmt import fixed, percent
from assess.render.report.content import Report
from assess.render.rows import family_subtotals

WHY_INTRO = (
    "What each score is made of: every criterion adds its weight share times the option's value "
    "on it (0 worst, 1 best on its scale). A constraint or risk adds most where an option is "
    "little exposed to it, so its part is the credit for low exposure."
)


def family_totals(r: Report) -> tuple[list[str], dict[str, list[float]]]:
    """Family labels (as credits: "Low exposure to later risks"), and per option
    the sum of its contributions in each family."""
    _, sums = family_subtotals([c.family for c in r.criteria], [x.contributions for x in r.ranking])
    return [f.credit for f in r.families], {x.option: row for x, row in zip(r.ranking, sums, strict=True)}


def _leader(r: Report) -> list[str]:
    ranked = [x for x in r.ranking if not x.excluded]
    if not ranked:
        return ["Every option is excluded by a veto: there is no ranking."]
    first = ranked[0]
    tied = [x.name for x in ranked if x.rank == 1]
    if len(tied) > 1:
        return [f"{', '.join(tied)} tie for first place with a score of {fixed(first.score)}."]
    out = [f"First place: {first.name}, with a score of {fixed(first.score)}."]
    if first.why:
        out.append(f"Its largest parts: {'; '.join(first.why)}.")
    if len(ranked) > 1:
        second = ranked[1]
        out.append(
            f"Runner-up: {second.name} ({fixed(second.score)}), {fixed(first.score - second.score)} behind."
        )
    return out


def _robustness(r: Report) -> list[str]:
    rb = r.robustness
    if rb is None:
        return [r.robustness_note] if r.robustness_note else []
    out = []
    if rb.first is not None and rb.first in rb.options and rb.acceptability:
        share = rb.acceptability[rb.options.index(rb.first)][0]
        out.append(
            f"{rb.first} ranks first in {percent(share)} of {rb.samples:,} random draws of the weights "
            "and scores (see Robustness)."
        )
    if rb.smallest_change:
        out.append(rb.smallest_change)
    return out


def summary_points(r: Report) -> list[str]:
    """The report's headline, one sentence each."""
    out = _leader(r)
    excluded = [x for x in r.ranking if x.excluded]
    if excluded:
        names = ", ".join(x.name for x in excluded)
        out.append(f"Excluded by a veto: {names} (see Excluded options).")
    return out + _robustness(r)
