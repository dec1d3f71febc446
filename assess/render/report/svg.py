"""Charts as inline SVG: no script, no fonts or images to fetch, a <title>
and <desc> for screen readers, numbers written with fixed precision.

Every chart function returns one `<svg>` element as text; ids are prefixed
with `key` so that several charts can share a page.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from assess.render.fmt import fixed, percent, percent_span

FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif\""
INK, MUTED, GRID, BAR, LIGHT, EXCLUDED = "#1f2933", "#52606d", "#d9dee3", "#2f6f9f", "#9cc7ea", "#b8c0c8"
WIDTH, ROW_H, TOP, RIGHT = 880.0, 26.0, 8.0, 110.0
CHAR_W = 7.4
"""About the width of a character at 13px, to size the label column."""


def c(x: float) -> str:
    """An SVG coordinate: one decimal, never '-0.0'."""
    text = f"{x:.1f}"
    return "0.0" if text == "-0.0" else text


FAMILY_RAMPS: dict[str, tuple[str, str]] = {
    "driver": ("#0b3c6e", "#9cc7ea"),
    "constraint": ("#8c2d04", "#fdbe85"),
    "risk": ("#3f007d", "#c9b8e6"),
}
"""Darkest and lightest shade of each family's colours: blues for drivers,
oranges for the five S, purples for the later risks."""


def _mix(a: str, b: str, t: float) -> str:
    pa = [int(a[i : i + 2], 16) for i in (1, 3, 5)]
    pb = [int(b[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(pa, pb, strict=True))


def family_colours(families: Sequence[str]) -> list[str]:
    """One colour per criterion (given by family, in order): shades of the family's hue."""
    counts = {f: families.count(f) for f in families}
    seen: dict[str, int] = {}
    out = []
    for f in families:
        k = seen.get(f, 0)
        seen[f] = k + 1
        dark, light = FAMILY_RAMPS.get(f, ("#333333", "#cccccc"))
        out.append(_mix(dark, light, k / (counts[f] - 1) if counts[f] > 1 else 0.0))
    return out


def swatch(colour: str) -> str:
    """A small square of `colour` for legends (it prints, unlike CSS backgrounds)."""
    return (
        '<svg class="swatch" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">'
        f'<rect width="12" height="12" fill="{colour}"/></svg>'
    )


@dataclass(frozen=True)
class _Frame:
    """Label column on the left, bars from x0 over `bar_w` for 0..`top_value`."""

    label_w: float
    bar_w: float
    top_value: float = 1.0

    @classmethod
    def for_labels(cls, labels: Sequence[str], right: float = RIGHT, top_value: float = 1.0) -> _Frame:
        label_w = min(360.0, 16.0 + CHAR_W * max((len(x) for x in labels), default=0))
        return cls(label_w, WIDTH - label_w - right, top_value)

    def x(self, value: float) -> float:
        return self.label_w + self.bar_w * max(value, 0.0) / self.top_value

    def w(self, value: float) -> float:
        return self.bar_w * max(value, 0.0) / self.top_value


def nice_top(largest: float) -> float:
    """The axis end: the first quarter (0.25, 0.5, 0.75, 1) at or above `largest`."""
    return min(1.0, max(0.25, math.ceil(largest * 4 - 1e-9) / 4))


def _open(key: str, height: float, title: str, desc: str) -> str:
    return (
        f'<svg class="chart" viewBox="0 0 {c(WIDTH)} {c(height)}" width="{c(WIDTH)}" '
        f'height="{c(height)}" role="img" aria-labelledby="{key}-t {key}-d" {FONT} font-size="13">'
        f'<title id="{key}-t">{escape(title)}</title><desc id="{key}-d">{escape(desc)}</desc>'
    )


def _text(x: float, y: float, text: str, anchor: str = "start", fill: str = INK, extra: str = "") -> str:
    return f'<text x="{c(x)}" y="{c(y)}" text-anchor="{anchor}" fill="{fill}"{extra}>{escape(text)}</text>'


def _axis(f: _Frame, top: float, bottom: float, label: Callable[[float], str] = "{:.2f}".format) -> list[str]:
    """Vertical grid lines every quarter of the axis, labelled under it."""
    out = []
    ticks = round(f.top_value / 0.25) if f.top_value in (0.25, 0.5, 0.75, 1.0) else 4
    for k in range(ticks + 1):
        value = f.top_value * k / ticks
        x = f.x(value)
        out.append(f'<line x1="{c(x)}" y1="{c(top)}" x2="{c(x)}" y2="{c(bottom)}" stroke="{GRID}"/>')
        out.append(_text(x, bottom + 14, label(value), "middle", MUTED, ' font-size="11"'))
    return out


def ranking_chart(key: str, rows: Sequence[tuple[str, float, bool]]) -> str:
    """Horizontal bars of the weighted totals: (label, total, excluded) per row."""
    f = _Frame.for_labels([r[0] for r in rows], top_value=nice_top(max((r[1] for r in rows), default=0)))
    height = TOP + ROW_H * len(rows) + 24
    desc = "Horizontal bars, longest first; excluded options in grey at the bottom."
    parts = [_open(key, height, "Weighted score of each option", desc)]
    parts += _axis(f, TOP, TOP + ROW_H * len(rows))
    for i, (label, total, excluded) in enumerate(rows):
        y = TOP + ROW_H * i
        value = f"{fixed(total)} (excluded)" if excluded else fixed(total)
        parts.append(_text(f.label_w - 8, y + 17, label, "end", MUTED if excluded else INK))
        parts.append(
            f'<rect x="{c(f.label_w)}" y="{c(y + 5)}" width="{c(f.w(total))}" height="16" '
            f'fill="{EXCLUDED if excluded else BAR}"><title>{escape(f"{label}: {value}")}</title></rect>'
        )
        parts.append(_text(f.x(total) + 6, y + 17, value, fill=MUTED))
    return "".join(parts) + "</svg>"


def contributions_chart(
    key: str,
    rows: Sequence[tuple[str, Sequence[float], bool]],
    criteria: Sequence[str],
    colours: Sequence[str],
) -> str:
    """One stacked bar per option: (label, contribution per criterion, excluded)."""
    largest = max((sum(r[1]) for r in rows), default=0.0)
    f = _Frame.for_labels([r[0] for r in rows], top_value=nice_top(largest))
    height = TOP + ROW_H * len(rows) + 24
    desc = "Stacked horizontal bars, one segment per criterion in the legend's order."
    parts = [_open(key, height, "What each criterion contributes to each option's score", desc)]
    parts += _axis(f, TOP, TOP + ROW_H * len(rows))
    for i, (label, values, excluded) in enumerate(rows):
        y = TOP + ROW_H * i
        parts.append(_text(f.label_w - 8, y + 17, label, "end", MUTED if excluded else INK))
        x = f.label_w
        for name, colour, value in zip(criteria, colours, values, strict=True):
            if value <= 0:
                continue
            tip = escape(f"{label}, {name}: {fixed(value)}")
            parts.append(
                f'<rect x="{c(x)}" y="{c(y + 4)}" width="{c(f.w(value))}" height="18" fill="{colour}" '
                f'stroke="#ffffff" stroke-width="0.8"><title>{tip}</title></rect>'
            )
            x += f.w(value)
        end = fixed(sum(values)) + (" (excluded)" if excluded else "")
        parts.append(_text(x + 6, y + 17, end, fill=MUTED))
    return "".join(parts) + "</svg>"


def stability_chart(key: str, rows: Sequence[tuple[str, float, float, float, float, float]]) -> str:
    """Per criterion (label, weight, first_lo, first_hi, rank_lo, rank_hi), all 0..1:
    the first place's interval (light), the ranking's inside it (dark), the weight (a tick)."""
    f = _Frame.for_labels([r[0] for r in rows], right=30.0)
    height = TOP + ROW_H * len(rows) + 24
    desc = (
        "For each criterion, the range of its weight share that keeps the first place (light band) "
        "and the whole ranking (dark inner band); the tick marks the current weight."
    )
    parts = [_open(key, height, "Weight stability intervals", desc)]
    parts += _axis(f, TOP, TOP + ROW_H * len(rows), percent)
    for i, (label, w, f_lo, f_hi, r_lo, r_hi) in enumerate(rows):
        y = TOP + ROW_H * i
        tip = escape(
            f"{label}: weight {percent(w)}; first place holds for {percent_span(f_lo, f_hi)}, "
            f"the ranking for {percent_span(r_lo, r_hi)}"
        )
        parts.append(_text(f.label_w - 8, y + 17, label, "end"))
        parts.append(
            f"<g><title>{tip}</title>"
            f'<rect x="{c(f.x(f_lo))}" y="{c(y + 6)}" width="{c(f.w(f_hi - f_lo))}" height="14" '
            f'fill="{LIGHT}"/><rect x="{c(f.x(r_lo))}" y="{c(y + 9)}" width="{c(f.w(r_hi - r_lo))}" '
            f'height="8" fill="{BAR}"/>'
            f'<line x1="{c(f.x(w))}" y1="{c(y + 3)}" x2="{c(f.x(w))}" y2="{c(y + 23)}" '
            f'stroke="{INK}" stroke-width="2"/></g>'
        )
    return "".join(parts) + "</svg>"


def _heat(share: float) -> tuple[str, str]:
    """Cell fill and text colour for a share in 0..1."""
    fill = _mix("#f4f8fb", "#0b3c6e", min(max(share, 0.0), 1.0) ** 0.7)
    return fill, ("#ffffff" if share > 0.45 else INK)


def acceptability_heatmap(key: str, options: Sequence[str], matrix: Sequence[Sequence[float]]) -> str:
    """Options (rows) by rank (columns); each cell the share of samples with that rank."""
    n = len(matrix[0]) if matrix else 0
    f = _Frame.for_labels(options, right=0.0)
    cell_w = min(72.0, f.bar_w / max(n, 1))
    cell_h, top = 26.0, 26.0
    desc = (
        "Rows are options, columns ranks 1 to n; each cell is the share of the Monte Carlo samples "
        "in which the option took that rank (darker: more often)."
    )
    parts = [_open(key, top + cell_h * len(options) + 6, "Rank acceptability", desc)]
    for r in range(n):
        x = f.label_w + cell_w * (r + 0.5)
        parts.append(_text(x, top - 9, f"rank {r + 1}", "middle", MUTED, ' font-size="11"'))
    for i, (label, row) in enumerate(zip(options, matrix, strict=True)):
        y = top + cell_h * i
        parts.append(_text(f.label_w - 8, y + 17, label, "end"))
        for r, share in enumerate(row):
            fill, ink = _heat(share)
            x = f.label_w + cell_w * r
            parts.append(
                f"<g><title>{escape(f'{label}: rank {r + 1} in {percent(share)} of samples')}</title>"
                f'<rect x="{c(x)}" y="{c(y)}" width="{c(cell_w - 2)}" height="{c(cell_h - 2)}" '
                f'fill="{fill}"/>'
                + _text(x + (cell_w - 2) / 2, y + 17, percent(share), "middle", ink)
                + "</g>"
            )
    return "".join(parts) + "</svg>"
