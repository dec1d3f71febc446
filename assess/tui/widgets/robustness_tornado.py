"""The tornado of one option: how far its total swings when one input moves
across its range, the largest swing first. Each bar is centred on the
current total (│): red where the input lowers the total, green where it
raises it; "s" marks a score's low–high range, "w" a weight's plausible
range. As many bars as the widget's height allows."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from assess.core.robustness.analysis import OptionTornado, Robustness, TornadoBar
from assess.render import fmt
from assess.render.text.sensitivity import input_value
from assess.tui.present import clip, shown

LOWER = Style(bgcolor="#b84a4a")
RAISE = Style(bgcolor="#4f9d69")
BASE = Style(color="#ffd75f", bold=True)
TEXT_W = 12
"""Width of the total range after each bar ("0.586–0.622"), shown from `WIDE` columns."""
INPUT_W = 11
"""Width of the input's range before each bar ("4.5→2.5", "6%→18%"), shown from `WIDER`."""
WIDE, WIDER = 50, 70
MAX_BARS = 15


def tornado_bar(b: TornadoBar, base: float, half: float, width: int) -> Text:
    """A bar of `width` cells over base ± half."""
    centre = width // 2

    def col(x: float) -> int:
        offset = round((x - base) / half * (width // 2)) if half else 0
        return min(width - 1, max(0, centre + offset))

    lo, hi = col(min(b.total_low, b.total_high)), col(max(b.total_low, b.total_high))
    text = Text()
    for k in range(width):
        if k == centre:
            text.append("│", BASE)
        elif lo <= k < centre:
            text.append(" ", LOWER)
        elif centre < k <= hi:
            text.append(" ", RAISE)
        else:
            text.append(" ")
    return text


def _input(b: TornadoBar) -> str:
    return f"{input_value(b.source, b.input_low)}→{input_value(b.source, b.input_high)}"


def _label(r: Robustness, b: TornadoBar, width: int, inputs: bool) -> Text:
    tag = "w" if b.source == "weight" else "s"
    label = Text(clip(r.criteria[b.criterion], width - 3).ljust(width - 2)).append(f"{tag} ", "dim")
    return label.append(_input(b).ljust(INPUT_W), "dim") if inputs else label


def tornado_text(r: Robustness, t: OptionTornado, width: int, rows: int) -> Text:
    """The option's name and total, then its largest swings, at most `rows`."""
    bars = [b for b in t.bars if b.swing > 0][: max(1, min(rows, MAX_BARS))]
    text = shown(r.options[t.option], "bold").append(f"  total {fmt.fixed(t.total)}", "dim")
    if not bars:
        return text.append("\nNo score or weight of this option has a range.", "dim")
    ranges, inputs = width >= WIDE, width >= WIDER
    label_w = max(12, min(26, int(width * 0.4) - (INPUT_W if inputs else 0) // 2))
    bar_w = max(9, width - label_w - (TEXT_W if ranges else 0) - (INPUT_W if inputs else 0))
    half = max(max(abs(b.total_low - t.total), abs(b.total_high - t.total)) for b in bars)
    for b in bars:
        text.append("\n").append_text(_label(r, b, label_w, inputs))
        text.append_text(tornado_bar(b, t.total, half, bar_w))
        lo, hi = sorted((b.total_low, b.total_high))
        if ranges:
            text.append(f" {fmt.fixed(lo)}–{fmt.fixed(hi)}", "dim")
    return text


class TornadoChart(Widget):
    """The tornado of the selected option."""

    DEFAULT_CSS = """
    TornadoChart {
        height: 1fr;
    }
    """

    result: reactive[Robustness | None] = reactive(None)
    selected: reactive[str | None] = reactive(None)

    def render(self) -> Text:
        r, option = self.result, self.selected
        if r is None or option not in r.tornado:
            return Text("")
        size = self.content_size
        legend = Text("\n")
        legend.append("  ", LOWER).append(" lowers ", "dim").append("  ", RAISE).append(" raises ", "dim")
        legend.append("│", BASE).append(" total  s score  w weight", "dim")
        body = tornado_text(r, r.tornado[option], size.width or 60, (size.height or 12) - 2)
        return body.append_text(legend)
