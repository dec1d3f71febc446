"""How families, names and bars look on screen: Rich `Text` builders shared
by the widgets. Numbers, percentages, ranges and the cells of a bar are
`assess.render.fmt`'s, as in every other output; this module only styles
them. Fixed colours (not theme variables) so that a family and a criterion
read the same in every table, legend and snapshot.

Text from a file is text: every user string reaches a widget through `safe`
(control characters removed) and as a `Text` (never parsed as markup).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from rich.text import Text

from assess.render import fmt
from assess.render.explain import BASIS_MARK_LEGEND, BASIS_MARKS
from assess.render.safe import printable

if TYPE_CHECKING:  # the model loads with the case, after the UI's first frame
    from assess.model import Criterion, Score

FAMILY_COLOUR = {"driver": "#5fb878", "constraint": "#e0a030", "risk": "#e06070", "other": "#8fa3bf"}
"""The colour of each family of `assess.model.FAMILIES` (its names are there);
a family without one of its own takes "other"'s (see `family_colour`)."""

FAMILY_SHADES = {
    "driver": ["#1e7b4f", "#9bdc8f", "#2aa198", "#d8f3c8"],
    "constraint": ["#a85a0a", "#f6c46a", "#e0802a", "#fde6b6"],
    "risk": ["#9e2a3c", "#f29aa6", "#d4507a", "#f9d3da"],
    "other": ["#56657a", "#b4c3d6", "#6b7f99", "#dde5ef"],
}
"""Four shades of each family's hue, dark and light in turn, so that neighbours
in a stacked bar stand apart; a fifth criterion of a family takes the first again."""
DARK_SHADES = {shades[k] for shades in FAMILY_SHADES.values() for k in (0, 2)}


def family_colour(family: str) -> str:
    """The colour of a family's names and subtotals ("other"'s for a family without one)."""
    return FAMILY_COLOUR.get(family, FAMILY_COLOUR["other"])


def family_tag(family: str) -> str:
    """A family's short name for a column header (its id for one not in the table)."""
    from assess.model import FAMILIES

    found = FAMILIES.get(family)
    return found.tag if found is not None else family


VALUE_RAMP = ["#e06060", "#e09060", "#d8c060", "#a8d060", "#70c878"]
"""Foreground of a score by its value (0 worst .. 1 best, after reversing costs)."""

_BREAKS = re.compile(r"[\t\n]")


def safe(text: str, multiline: bool = False) -> str:
    """File text as it may reach the terminal: `printable` (every control
    character and bidi override removed, so no escape sequence gets through);
    newlines and tabs are kept where `multiline`, else each becomes a space."""
    if text.isprintable():
        return text
    if multiline:
        return "\t".join(printable(part) for part in text.split("\t"))
    return printable(_BREAKS.sub(" ", text))


def shown(text: str, style: str = "", multiline: bool = False) -> Text:
    """File text as a `Text`: made `safe` and never read as markup."""
    return Text(safe(text, multiline), style=style)


@lru_cache(maxsize=4096)
def plain(text: str, style: str = "") -> Text:
    """A `shown` Text that is looked up rather than built again (callers must not change it)."""
    return shown(text, style)


def clip(text: str, width: int) -> str:
    """`text` made `safe` and cut to `width` characters with an ellipsis."""
    text = safe(text)
    return text if len(text) <= width else text[: width - 1] + "…"


@lru_cache(maxsize=4096)
def bar(fraction: float, width: int, style: str = "#7aa2f7") -> Text:
    """`fmt.bar` of `fraction` (0..1) in `width` cells, padded, in `style`.
    Cached: callers must not change the Text."""
    return Text(fmt.bar(fraction, width).ljust(width), style=style)


def criterion_colours(criteria: Sequence[Criterion]) -> dict[str, str]:
    """Each criterion's colour: its family's shades in turn, in the order given.
    Given every criterion of a case, a criterion keeps its colour in every
    view and when others are switched off."""
    seen: Counter[str] = Counter()
    out = {}
    for c in criteria:
        shades = FAMILY_SHADES.get(c.family, FAMILY_SHADES["other"])
        out[c.id] = shades[seen[c.family] % len(shades)]
        seen[c.family] += 1
    return out


def on_shade(colour: str) -> str:
    """A readable text style on a background of `colour`."""
    return f"{'#f4f4f4' if colour in DARK_SHADES else '#14181e'} on {colour}"


def stacked_bar(
    parts: Sequence[float], colours: Sequence[str], width: int, labels: Sequence[str] | None = None
) -> Text:
    """Parts (summing to at most 1) side by side, each a run of its colour;
    with `labels`, a run of three cells or more shows its label, cut to fit."""
    text = Text()
    cells = fmt.runs(list(parts), width)
    for k, (run, colour) in enumerate(zip(cells, colours, strict=True)):
        if run:
            label = safe(labels[k])[:run].rstrip() if labels and run >= 3 else ""
            text.append(label.ljust(run), style=on_shade(colour))
    text.append(" " * (width - sum(cells)))
    return text


def shorten(name: str, width: int) -> str:
    """A name cut to `width` at a word where it can be ("Competence…"), else anywhere."""
    name = safe(name)
    if len(name) <= width:
        return name
    words, kept = name.split(), ""
    for word in words:
        if len(kept) + len(word) + (1 if kept else 0) > width - 1:
            break
        kept = f"{kept} {word}" if kept else word
    return f"{kept}…" if kept else clip(name, width)


def short_names(criteria: Iterable[Criterion], width: int) -> dict[str, str]:
    """Each criterion's name `shorten`ed; names that would read the same are
    cut by characters instead ("Market pote…", "Market supe…")."""
    criteria = list(criteria)
    short = {c.id: shorten(c.name, width) for c in criteria}
    counts = Counter(short.values())
    return {c.id: clip(c.name, width) if counts[short[c.id]] > 1 else short[c.id] for c in criteria}


def name_lines(name: str, width: int) -> tuple[str, str]:
    """A name on two lines of `width` for a column header: words fill the
    first line (a word longer than the line breaks after a hyphen, or is
    cut), the rest goes on the second, cut with an ellipsis."""
    words = safe(name).replace("-", "- ").split()
    first = ""
    while words and len(first) + len(words[0]) + (0 if not first or first.endswith("-") else 1) <= width:
        word = words.pop(0)
        first += word if not first or first.endswith("-") else f" {word}"
    if not first and words:
        return clip(words[0], width), clip(" ".join(words[1:]).replace("- ", "-"), width)
    return first, clip(" ".join(words).replace("- ", "-"), width)


def column_label(criterion: Criterion, first_of_family: bool, off: bool = False, width: int = 11) -> Text:
    """Three header lines: the family's tag above its first column, then the name on two."""
    colour = family_colour(criterion.family)
    head, tail = name_lines(criterion.name, width)
    tag = family_tag(criterion.family) if first_of_family else ""
    label = Text(tag, style=f"bold {colour} underline")
    label.append(f"\n{head}\n{tail}", style="dim" if off else colour)
    return label


def family_name(criterion: Criterion, off: bool = False, width: int = 0) -> Text:
    """A criterion's name in its family's colour, `shorten`ed to `width` if given."""
    name = shorten(criterion.name, width) if width else criterion.name
    return shown(name, "dim strike" if off else family_colour(criterion.family))


BASIS_LEGEND = f"{BASIS_MARK_LEGEND} · ✕ vetoed"
"""The score matrix's legend of its marks (its border's subtitle)."""


def score_cell(cell: Score, value: float, vetoed: bool, overlay: bool, basis: str | None = None) -> Text:
    """A matrix cell: the score, and its range in dim when it has one ("4 (3–5)").

    `value` (0..1, best 1) colours the score; a vetoing score is marked ✕;
    a scenario's own cell is underlined; `basis` adds its mark (`BASIS_MARKS`).
    Looked up rather than built again (a large matrix repeats few cells):
    callers must not change the Text."""
    low, high = cell.range
    shade = min(len(VALUE_RAMP) - 1, int(value * len(VALUE_RAMP)))
    return _score_cell(cell.value, low, high, shade, vetoed, overlay, basis)


@lru_cache(maxsize=4096)
def _score_cell(
    score: float, low: float, high: float, shade: int, vetoed: bool, overlay: bool, basis: str | None
) -> Text:
    style = f"bold {VALUE_RAMP[shade]}" + (" underline" if overlay else "")
    text = Text()  # spans, not a base style: the cell's padding stays plain
    text.append(fmt.scale(score), style=style)
    if basis in BASIS_MARKS:
        text.append(BASIS_MARKS[basis], style="dim")
    if high > low:
        text.append(f" ({fmt.span(low, high)})", style="dim")
    if vetoed:
        text.append("✕", style="bold red")
    return text


def change_text(move: int | None, gain: float | None) -> Text:
    """`▲2 +0.031`: places moved up (▼ down) and the change of the total, since saved."""
    text = move_text(move).copy()
    if gain:
        text.pad_right(2 - text.cell_len)
        text.append(f" {fmt.signed(gain)}", style="#70c878" if gain > 0 else "#e06060")
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
