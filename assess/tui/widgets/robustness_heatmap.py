"""The rank-acceptability heatmap: options × ranks, each cell shaded by the
share of Monte Carlo samples in which the option takes that rank, with the
percentage; a last column with the confidence factor, explained in a line
below the table. The selected option's row is marked; a click on a row
selects it."""

from __future__ import annotations

from rich.color import Color, blend_rgb
from rich.style import Style
from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from assess.core.robustness.analysis import Robustness
from assess.render.fmt import percent
from assess.render.text.sensitivity import ordinal
from assess.tui.present import clip

HEAT_LOW, HEAT_HIGH = Color.parse("#232a36").triplet, Color.parse("#3d8fe0").triplet
CELL = 6
"""Least width of one rank's cell (">99.9%" fits); up to 9 when there is room."""
CONFIDENCE_NOTE = "conf.: first in this share of score draws, at the weights that make it first"
"""The SMAA-2 confidence factor in one line at 80 columns (`assess.kernels.robustness.smaa`)."""


def heat_style(share: float) -> Style:
    """Background shaded by `share` (0..1), text readable on it."""
    assert HEAT_LOW is not None and HEAT_HIGH is not None
    bg = blend_rgb(HEAT_LOW, HEAT_HIGH, max(0.0, min(1.0, share)))
    fg = "#101418" if share > 0.65 else "#e6e9ef"
    return Style(bgcolor=Color.from_triplet(bg), color=fg)


def heatmap_text(r: Robustness, selected: str | None, width: int) -> Text:
    ids = list(r.options)
    n = len(ids)
    longest = max(len(x) for x in r.options.values()) + 2
    cell = max(CELL, min(9, (width - longest) // (n + 1)))
    name_w = max(8, min(longest, width - (n + 1) * cell - 1))
    text = Text(" " * name_w, style="bold", no_wrap=False)
    for k in range(1, n + 1):
        text.append(f"{ordinal(k):^{cell}}", "bold")
    text.append(f"{'conf.':^{cell}}", "bold dim")
    acc = r.acceptability
    for option in ids:
        mark = option == selected
        text.append("\n")
        text.append(
            ("▶ " if mark else "  ") + clip(r.options[option], name_w - 2).ljust(name_w - 2),
            "bold reverse" if mark else "",
        )
        for k in range(n):
            if acc is None:
                text.append(f"{'…':^{cell}}", "dim")
            else:
                share = acc.ranks[option][k]
                text.append(f"{percent(share):^{cell}}", heat_style(share))
        conf = acc.confidence[option] if acc else None
        text.append(f"{percent(conf) if acc else '…':^{cell}}", "dim" if conf is None else "")
    return text.append(f"\n{CONFIDENCE_NOTE}", "dim italic")


class AcceptabilityHeatmap(Widget):
    """Rows: the options analysed, best first; columns: ranks 1..n."""

    DEFAULT_CSS = """
    AcceptabilityHeatmap {
        height: auto;
    }
    """

    result: reactive[Robustness | None] = reactive(None)
    selected: reactive[str | None] = reactive(None)

    class Selected(Message):
        """An option's row was clicked."""

        def __init__(self, option: str) -> None:
            super().__init__()
            self.option = option

    def render(self) -> Text:
        if self.result is None:
            return Text("")
        return heatmap_text(self.result, self.selected, self.content_size.width or 80)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if self.result is None or offset is None:
            return
        ids = list(self.result.options)
        row = offset.y - 1  # the first line is the header (the last the note)
        if 0 <= row < len(ids):
            self.post_message(self.Selected(ids[row]))
