"""Weight-stability bars: per criterion a bar from 0 to 100 % of the weight,
the interval that keeps the first place shaded, the interval that keeps the
whole ranking shaded brighter inside it, and the current weight marked ┃.
The criterion of the smallest change that unseats the first is in bold."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from assess.core.robustness.analysis import CriterionStability, Robustness
from assess.render.text.sensitivity import interval
from assess.tui.present import clip

TRACK = Style(bgcolor="#2a303c")
FIRST = Style(bgcolor="#2f6f4a")
RANKING = Style(bgcolor="#5fb878")
MARK = Style(color="#ffd75f", bold=True)
TEXT_W = 11
"""Width of the interval text after each bar, a space included (" 12.5–48.7%")."""


def short_interval(lo: float, hi: float) -> str:
    """ "0–49%", "2.2–28.4%", "any" (the whole 0..100%)."""
    return interval(lo, hi, "any")


def stability_bar(s: CriterionStability, width: int) -> Text:
    """One criterion's bar of `width` cells over weights 0..1."""
    text = Text()
    mark = min(width - 1, int(s.weight * width))
    for k in range(width):
        lo, hi = k / width, (k + 1) / width
        if lo <= s.ranking_hi and hi >= s.ranking_lo:
            style = RANKING
        elif lo <= s.first_hi and hi >= s.first_lo:
            style = FIRST
        else:
            style = TRACK
        text.append("┃" if k == mark else " ", style + MARK if k == mark else style)
    return text


def stability_text(r: Robustness, width: int) -> Text:
    names = r.criteria
    name_w = max(8, min(max(len(n) for n in names.values()) + 1, int(width * 0.4), 30))
    bar_w = max(8, width - name_w - TEXT_W - 1)
    key = r.smallest_change.criterion if r.smallest_change else None
    text = Text(" " * name_w)
    text.append("0".ljust(bar_w - 4) + "100%", "dim")
    text.append(" first", "dim")
    for s in r.stability:
        text.append("\n")
        text.append(
            clip(names[s.criterion], name_w - 1).ljust(name_w), "bold #ffd75f" if s.criterion == key else ""
        )
        text.append_text(stability_bar(s, bar_w))
        text.append(" " + short_interval(s.first_lo, s.first_hi).ljust(TEXT_W - 1))
    text.append("\n")
    text.append("  ", FIRST).append(" first place holds ", "dim")
    text.append("  ", RANKING).append(" whole ranking ", "dim")
    text.append("┃", MARK).append(" now", "dim")
    return text


class StabilityBars(Widget):
    """The stability intervals of every criterion's weight, one line each."""

    DEFAULT_CSS = """
    StabilityBars {
        height: auto;
    }
    """

    result: reactive[Robustness | None] = reactive(None)

    def render(self) -> Text:
        if self.result is None:
            return Text("")
        return stability_text(self.result, self.content_size.width or 60)
