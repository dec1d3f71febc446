"""A `Robustness` as text a planner reads: table, Markdown or JSON.

Sections: a headline (how often the first option is first, and the weight
change that would unseat it), the acceptability matrix with the current
totals, the stability table, the smallest change, tornadoes of the top
options and the weighting's diagnostics. `acceptability_table` and
`stability_table` are the report's too; `interval`, `input_value` and
`ordinal` the TUI's; every number is written by `assess.render.fmt`. The JSON is
`assess.render.robustness_json`'s, written by `assess.render.jsonout` (numbers
rounded to 6 decimals). The text fits the width it is given.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from assess.core.robustness.analysis import OptionTornado, Robustness
from assess.render.fmt import fixed, percent, percent_span, points, scale
from assess.render.jsonout import to_json
from assess.render.mdtext import md
from assess.render.robustness_json import robustness_data
from assess.render.safe import wrap
from assess.render.tables import markdown_table, text_table

TOP_TORNADOES = 3
"""Options whose tornado the text shows (best first)."""
TOP_BARS = 8
BAR_WIDTH = 24
WRAP = 100


STABILITY_HEADER = (
    "criterion",
    "weight",
    "first place holds for",
    "below, first is",
    "above, first is",
    "whole ranking holds for",
)
"""The stability table's columns (the report's capitalised)."""


def interval(lo: float, hi: float, whole: str = "any weight") -> str:
    """A range of a weight share, "2.2–28%"; `whole` when it is all of 0..1."""
    return whole if lo <= 0 and hi >= 1 else percent_span(lo, hi)


def weighs(lo: float, hi: float) -> str:
    """ "weighs up to 28%", "weighs between 4% and 31%", ..."""
    if lo <= 0 and hi >= 1:
        return "weighs anything"
    if lo <= 0:
        return f"weighs up to {percent(hi)}"
    if hi >= 1:
        return f"weighs at least {percent(lo)}"
    return f"weighs between {percent(lo)} and {percent(hi)}"


def ordinal(k: int) -> str:
    suffix = "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")
    return f"{k}{suffix}"


def _sampling(r: Robustness) -> str:
    sampling = r.acceptability.sampling if r.acceptability else None
    if r.spread is not None:
        weights = f"each weight drawn within ±{percent(r.spread)} of its current value"
    elif sampling is None or sampling.kind == "simplex":
        weights = "weights drawn at random from every possible weighting"
    else:
        k = len(sampling.statements)
        said = "its weight statement allows" if k == 1 else f"the {k} weight statements allow"
        if sampling.kind == "exact":
            weights = f"weights drawn uniformly, and exactly, from the weightings {said}"
        else:
            worth = f"{sampling.effective_samples or 0:,}"
            weights = (
                f"weights drawn uniformly by hit-and-run from the weightings {said}, "
                f"worth about {worth} independent samples (the effective sample size, "
                "measured from the chains)"
            )
    return f"{weights}, scores anywhere in their low–high ranges"


def headline(r: Robustness) -> str:
    """One or two sentences: how sure the first place is and what would change it."""
    first = r.options[r.first]
    acc = r.acceptability
    if acc is None:
        out = [f"{first} is first."]
    else:
        share = percent(acc.ranks[r.first][0])
        out = [f"{first} is first in {share} of {acc.samples:,} samples ({_sampling(r)})."]
        rival = max(acc.ranks, key=lambda o: acc.ranks[o][0])
        if rival != r.first:
            out.append(f"{r.options[rival]} is first more often ({percent(acc.ranks[rival][0])}).")
    change = r.smallest_change
    if change is None:
        out.append("No single weight change can take its first place.")
        return " ".join(out)
    s = next(s for s in r.stability if s.criterion == change.criterion)
    out.append(
        f"Its first place holds while '{r.criteria[change.criterion]}' "
        f"{weighs(s.first_lo, s.first_hi)} (now {percent(s.weight)}); "
        f"at {percent(change.weight_to)} {r.options[change.new_first]} draws level, "
        "the smallest single-weight change that unseats it."
    )
    return " ".join(out)


def acceptability_table(
    r: Robustness, name: Callable[[str], str] = str, totals: bool = True, none: str = "-"
) -> tuple[list[str], list[list[str]]]:
    """The rank acceptability table of text, Markdown and the report: per
    option (best first) its total (with `totals`), the share of samples in
    which it takes each rank, and its confidence (`none` where there is none)."""
    acc = r.acceptability
    n = len(r.options)
    total = ["total"] if totals else []
    header = ["option", *total, *(ordinal(k) for k in range(1, n + 1)), "confidence"]
    rows: list[list[str]] = []
    for o, label in r.options.items():
        ranks = acc.ranks[o] if acc else [None] * n
        conf = acc.confidence[o] if acc else None
        cells = [name(label), *([fixed(r.totals[o])] if totals else []), *(percent(x) for x in ranks)]
        rows.append([*cells, none if conf is None else percent(conf)])
    return header, rows


def _taker(r: Robustness, option: str | None, name: Callable[[str], str], none: str) -> str:
    return none if option is None else name(r.options[option])


def stability_table(
    r: Robustness, name: Callable[[str], str] = str, none: str = "-"
) -> tuple[list[str], list[list[str]]]:
    """The stability table of text, Markdown and the report: per criterion its
    weight, the ranges that keep the first place and the whole ranking, and
    who is first below and above the first range (`none`: nobody); with
    weight statements, also the part of the path they allow."""
    rows = [
        [
            name(r.criteria[s.criterion]),
            percent(s.weight),
            interval(s.first_lo, s.first_hi),
            _taker(r, s.first_taker_lo, name, none),
            _taker(r, s.first_taker_hi, name, none),
            interval(s.ranking_lo, s.ranking_hi),
            *([_allowed(r.allowed[s.criterion], none)] if r.allowed is not None else []),
        ]
        for s in r.stability
    ]
    extra = ["the statements allow"] if r.allowed is not None else []
    return [*STABILITY_HEADER, *extra], rows


def _allowed(span: tuple[float, float], none: str) -> str:
    lo, hi = span
    return none if lo != lo else interval(lo, hi)  # NaN: no point of the path is allowed


def smallest_change_line(r: Robustness) -> str:
    c = r.smallest_change
    if c is None:
        return "No single weight change can change the first place."
    change = points(c.change if c.direction == "up" else -c.change)
    return (
        f"Smallest change to the first place: '{r.criteria[c.criterion]}' from "
        f"{percent(c.weight_from)} to {percent(c.weight_to)} ({change} "
        f"percentage points; the other weights rescaled in proportion) puts {r.options[c.new_first]} level "
        "with the first, then ahead."
    )


def bar(lo: float, hi: float, base: float, ends: tuple[float, float], width: int = BAR_WIDTH) -> str:
    """A text bar over [ends]: '█' from lo to hi, '│' at base."""
    left, right = ends
    span = max(right - left, 1e-12)

    def col(x: float) -> int:
        return min(width - 1, max(0, round((x - left) / span * (width - 1))))

    a, b = sorted((col(lo), col(hi)))
    cells = [" "] * width
    cells[a : b + 1] = "█" * (b - a + 1)
    cells[col(base)] = "│"
    return "".join(cells)


def input_value(source: str, x: float) -> str:
    """A tornado input's value: a weight's share (12%) or a score (3.5)."""
    return percent(x) if source == "weight" else scale(x)


def tornado_rows(
    r: Robustness,
    t: OptionTornado,
    ends: tuple[float, float],
    code: bool = False,
    name: Callable[[str], str] = str,
) -> list[list[object]]:
    """Rows of the largest swings (`code`: bars in backticks, for Markdown)."""
    tick = "`" if code else ""
    return [
        [
            f"{name(r.criteria[b.criterion])} ({b.source})",
            f"{input_value(b.source, b.input_low)} → {input_value(b.source, b.input_high)}",
            f"{tick}{bar(b.total_low, b.total_high, t.total, ends)}{tick}",
            f"{fixed(b.total_low)} → {fixed(b.total_high)}",
        ]
        for b in t.bars[:TOP_BARS]
        if b.swing > 0
    ]


def tornado_scale(r: Robustness, options: Sequence[str]) -> tuple[float, float]:
    """One scale for the tornadoes shown, so their bars compare."""
    ends = [x for o in options for b in r.tornado[o].bars[:TOP_BARS] for x in (b.total_low, b.total_high)]
    ends += [r.tornado[o].total for o in options]
    return min(ends), max(ends)


def _axis(ends: tuple[float, float], width: int = BAR_WIDTH) -> str:
    """The bar column's header: the scale's ends at its edges."""
    left, right = fixed(ends[0]), fixed(ends[1])
    return left + " " * max(1, width - len(left) - len(right)) + right


def _notes(r: Robustness) -> list[str]:
    w = r.weighting
    ranges = r.weight_ranges
    source = {
        "assessors": "from the lowest to the highest assessor's weight",
        "statements": "the range of shares the weight statements allow",
    }.get(ranges.source, f"±{percent(ranges.spread or 0)} of its value")
    notes = [f"Weights: {w.method} — {w.elicitation}" if w.elicitation else f"Weights: {w.method}"]
    if w.consistency_ratio is not None:
        notes.append(f"AHP consistency ratio CR = {w.consistency_ratio:.3f} (threshold {w.cr_threshold:g}).")
    notes += [f"Warning: {x}" for x in w.warnings]
    if r.statements:
        notes.append(f"Weight statements: {'; '.join(r.statements)}.")
        notes.append(
            "Stability: each weight moved along its path over every weighting; "
            "the last column is the part of the path the statements allow."
        )
    if r.excluded:
        notes.append(f"Excluded by a veto, not analysed: {', '.join(r.excluded.values())}.")
    acc = r.acceptability
    if acc is not None:
        stopped = " (stopped early)" if acc.stopped else ""
        notes.append(
            f"Monte Carlo: {acc.samples:,} samples{stopped}, seed {r.seed}; {_sampling(r)}; "
            f"confidence from {acc.confidence_samples:,} score draws at the central weights."
        )
    notes.append(
        f"Tornado: each score over its low–high range; each weight over {source}, "
        "the others rescaled in proportion."
    )
    return notes


def render_sections(r: Robustness, markdown: bool, width: int | None = None) -> str:
    """The text (fitted to `width`) or Markdown report of `r`."""
    name: Callable[[str], str] = (lambda x: md(x, False)) if markdown else str

    def table(header: list[str], rows: Sequence[Sequence[object]], keep: tuple[int, ...] = ()) -> str:
        return markdown_table(header, rows) if markdown else text_table(header, rows, width, (), keep)

    def para(text: str, mark: str = "") -> list[str]:
        """A paragraph, or with `mark` a Markdown heading of that level."""
        return [mark + md(text)] if markdown else wrap(text, width or WRAP)

    h, hh = ("## ", "### ") if markdown else ("", "")
    who = f", as {r.assessor} sees it" if r.assessor else ""
    out = [
        *para(f"{r.title}: {r.view}{who} — how robust is the ranking? (weighted sum)", h),
        "",
        *para(headline(r)),
        "",
        *para("How often each option takes each place", hh),
        "",
        table(*acceptability_table(r, name)),
        "",
        *para("Weight stability (one weight moved, the others rescaled in proportion)", hh),
        "",
        table(*stability_table(r, name)),
        "",
        *para(smallest_change_line(r)),
    ]
    shown = list(r.options)[:TOP_TORNADOES]
    ends = tornado_scale(r, shown)
    for o in shown:
        t = r.tornado[o]
        rows = tornado_rows(r, t, ends, code=markdown, name=name)
        out += ["", *para(f"Tornado: {r.options[o]} (total {fixed(t.total)}; │ marks it)", hh), ""]
        header = ["input", "range", _axis(ends), "total range"]
        out.append(table(header, rows, keep=(2,)) if rows else "No input has a range.")
    out += ["", *para("Notes", hh), ""]
    out += [f"- {md(n)}" for n in _notes(r)] if markdown else [x for n in _notes(r) for x in para(n)]
    return "\n".join(out)


def render_sensitivity(r: Robustness, fmt: str, file: str, width: int | None = None) -> str:
    if fmt == "json":
        return to_json({"file": file, **robustness_data(r)})
    return render_sections(r, fmt == "markdown", width)
