"""The cost-benefit frontier drawn in character cells, the funded portfolio marked.

x: the budget level, as a multiple of the view's budget (1 is the budget itself;
with several resources a portfolio's level is its largest share of a budget);
y: the benefit. The best benefit at each level is a staircase (`─`), each
frontier portfolio a `o` where its step begins, the funded one (the optimum at
the budget) a `●`, and the budget a dotted vertical line (`┊`). Levels above `MAX_LEVEL` are drawn
at the right edge.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widget import Widget

from assess.render.fmt import fixed

MAX_LEVEL = 2.0
"""The widest budget level drawn; portfolios needing more stand at the right edge."""


@dataclass(frozen=True)
class ChartPoint:
    level: float
    """The smallest multiple of the budget that funds it."""
    benefit: float
    funded: bool


class FrontierChart(Widget):
    """A staircase of the best benefit at every budget level (module docstring)."""

    DEFAULT_CSS = "FrontierChart { height: 1fr; width: 1fr; }"

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.points: tuple[ChartPoint, ...] = ()

    def show(self, points: tuple[ChartPoint, ...]) -> None:
        self.points = points
        self.refresh()

    def render(self) -> Text:
        width, height = self.size.width, self.size.height
        if not self.points or width < 12 or height < 4:
            return Text("")
        return chart_text(self.points, width, height)


def chart_text(points: tuple[ChartPoint, ...], width: int, height: int) -> Text:
    """The chart in `width` x `height` cells: a label column, the plot, an axis row."""
    label = max(len(fixed(max(p.benefit for p in points))), len(fixed(min(p.benefit for p in points))))
    plot_w, plot_h = width - label - 2, height - 2
    top_x = max(1.25, min(MAX_LEVEL, max(p.level for p in points) * 1.02))
    lo_y, hi_y = min(0.0, min(p.benefit for p in points)), max(p.benefit for p in points)
    span = hi_y - lo_y or 1.0
    grid = [[" "] * plot_w for _ in range(plot_h)]
    styles = [[""] * plot_w for _ in range(plot_h)]

    def col(x: float) -> int:
        return min(plot_w - 1, max(0, round(x / top_x * (plot_w - 1))))

    def row(y: float) -> int:
        return min(plot_h - 1, max(0, plot_h - 1 - round((y - lo_y) / span * (plot_h - 1))))

    budget = col(1.0)
    for r in range(plot_h):
        grid[r][budget], styles[r][budget] = "┊", "yellow"
    for k, p in enumerate(points):
        end = col(points[k + 1].level) if k + 1 < len(points) else plot_w
        for c in range(col(p.level), end):
            if grid[row(p.benefit)][c] in " ┊":
                grid[row(p.benefit)][c], styles[row(p.benefit)][c] = "─", "dim"
    for p in points:
        r, c = row(p.benefit), col(p.level)
        grid[r][c], styles[r][c] = ("●", "bold green") if p.funded else ("o", "")
    text = Text(no_wrap=True, overflow="crop")
    for r in range(plot_h):
        tag = fixed(hi_y) if r == 0 else fixed(lo_y) if r == plot_h - 1 else ""
        text.append(f"{tag:>{label}} │")
        for c in range(plot_w):
            text.append(grid[r][c], styles[r][c] or None)
        text.append("\n")
    text.append(" " * label + " └" + "─" * plot_w + "\n")
    text.append(" " * (label + 2) + _axis(plot_w, budget, f"×{top_x:.1f}"))
    return text


def _axis(width: int, budget: int, top: str) -> str:
    """The x-axis labels: 0 at the left, the top level at the right, "budget" under its
    line where it does not run into them (else "B")."""
    axis = [" "] * width
    end = width - len(top)
    axis[end:] = top
    axis[0] = "0"
    for word in ("budget", "B"):
        start = min(max(2, budget - len(word) // 2), end - len(word) - 1)
        if start >= 2 and start <= budget < start + len(word):
            axis[start : start + len(word)] = word
            break
    return "".join(axis)
