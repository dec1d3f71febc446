"""How numbers, families and bars look on screen: Rich `Text` builders shared
by the widgets. Fixed colours (not theme variables) so that a family reads
the same in every table, legend and snapshot."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rich.text import Text

from assess.model import Criterion, Score

FAMILY_COLOUR = {"driver": "#5fb878", "constraint": "#e0a030", "risk": "#e06070", "other": "#8fa3bf"}
FAMILY_TAG = {"driver": "Drivers", "constraint": "5S", "risk": "Risks", "other": "Other"}
"""Short family names for column headers (the long ones are in FAMILY_LABELS)."""

SEGMENT_COLOURS = {
    "driver": ["#2e8b57", "#5fb878", "#3cb3a0", "#8fd694", "#2a9d8f", "#a8e6a3", "#4f9d69"],
    "constraint": ["#e0a030", "#c77d1a", "#f2c14e", "#b5651d", "#f4a259"],
    "risk": ["#e06070", "#b83b5e", "#f08a8a", "#9e2a2b", "#d45087", "#c9577a"],
    "other": ["#8fa3bf", "#6b7f99", "#b4c3d6", "#56657a"],
}
"""Stacked-bar colours: shades of each family's hue, cycled within a family."""

VALUE_RAMP = ["#e06060", "#e09060", "#d8c060", "#a8d060", "#70c878"]
"""Foreground of a score by its value (0 worst .. 1 best, after reversing costs)."""

EIGHTHS = " ▏▎▍▌▋▊▉"


@lru_cache(maxsize=4096)
def plain(text: str, style: str = "") -> Text:
    """A Text that is looked up rather than built again (callers must not change it)."""
    return Text(text, style=style)


def num(x: float, places: int = 2) -> str:
    """A score or weight as people write it: 4, 3.5, 0.25."""
    return f"{round(x, places):g}"


def clip(text: str, width: int) -> str:
    """`text` cut to `width` characters with an ellipsis."""
    return text if len(text) <= width else text[: width - 1] + "…"


@lru_cache(maxsize=4096)
def bar(fraction: float, width: int, style: str = "#7aa2f7") -> Text:
    """A horizontal bar of `fraction` (0..1) of `width` cells, in eighths.
    Cached: callers must not change the Text."""
    eighths = round(max(0.0, min(1.0, fraction)) * width * 8)
    full, rest = divmod(eighths, 8)
    body = "█" * full + (EIGHTHS[rest] if rest else "")
    return Text(body.ljust(width), style=style)


def segment_colours(criteria: Sequence[Criterion]) -> list[str]:
    """One colour per criterion, from its family's shades."""
    seen = dict.fromkeys(SEGMENT_COLOURS, 0)
    out = []
    for c in criteria:
        shades = SEGMENT_COLOURS[c.family]
        out.append(shades[seen[c.family] % len(shades)])
        seen[c.family] += 1
    return out


def stacked_bar(parts: Sequence[float], colours: Sequence[str], width: int) -> Text:
    """Parts (summing to at most 1) side by side, each a run of its colour."""
    text = Text()
    total, drawn = 0.0, 0
    for part, colour in zip(parts, colours, strict=True):
        total += max(0.0, part)
        end = round(total * width)
        if end > drawn:
            text.append("█" * (end - drawn), style=colour)
            drawn = end
    text.append(" " * (width - drawn))
    return text


def short_label(criterion: Criterion, width: int = 10) -> tuple[str, str]:
    """A criterion's id on two header lines, e.g. ('cost', 'sharing')."""
    head, _, tail = criterion.id.partition("_")
    return clip(head, width), clip(tail.replace("_", " "), width)


def column_label(criterion: Criterion, first_of_family: bool, off: bool = False) -> Text:
    """Three header lines: the family's tag above its first column, then the id."""
    colour = FAMILY_COLOUR[criterion.family]
    head, tail = short_label(criterion)
    tag = FAMILY_TAG[criterion.family] if first_of_family else ""
    label = Text(tag, style=f"bold {colour} underline")
    label.append(f"\n{head}\n{tail}", style="dim" if off else colour)
    return label


def family_name(criterion: Criterion, off: bool = False) -> Text:
    """A criterion's name in its family's colour."""
    return Text(criterion.name, style="dim strike" if off else FAMILY_COLOUR[criterion.family])


def score_cell(cell: Score, value: float, vetoed: bool, overlay: bool) -> Text:
    """A matrix cell: the score, with ±uncertainty in dim if its range is wide.

    `value` (0..1, best 1) colours the score; a vetoing score is marked ✕;
    a scenario's own cell is underlined."""
    low, high = cell.range
    colour = VALUE_RAMP[min(len(VALUE_RAMP) - 1, int(value * len(VALUE_RAMP)))]
    style = f"bold {colour}" + (" underline" if overlay else "")
    text = Text(num(cell.value), style=style)
    if high > low:
        text.append(f"±{num(max(high - cell.value, cell.value - low))}", style="dim")
    if vetoed:
        text.append("✕", style="bold red")
    return text


@lru_cache(maxsize=1024)
def move_text(delta: int | None) -> Text:
    """▲2 for two places up, ▼1 for one down, blank otherwise.
    Cached: callers must not change the Text."""
    if not delta:
        return Text("")
    if delta > 0:
        return Text(f"▲{delta}", style="bold #70c878")
    return Text(f"▼{-delta}", style="bold #e06060")
