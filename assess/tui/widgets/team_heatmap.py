"""Options × criteria of a team case, each cell shaded by how far the
assessors' scores of it spread.

A cell shows the spread (max − min; "·" where all agree) or, in "values"
mode, every assessor's value ("4.5 2 4"). The shade steps with the spread
as a share of the criterion's scale: every tenth of the scale one step
darker, five steps in all. Moving the cursor posts `Shown`, Enter `Opened`.
"""

from __future__ import annotations

import math
from typing import Literal

from rich.text import Text
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable

from assess.core.disagreement import CellDisagreement, Disagreement
from assess.render import fmt
from assess.tui.present import FAMILY_COLOUR, clip, name_lines

SHADES = ["#3a3a46", "#5a4a1c", "#8a5a10", "#b0441c", "#c8283c"]
"""Backgrounds of spreads up to 10 %, 20 %, 30 %, 40 % and above 40 % of the scale."""
SAME_STYLE = "#707070"
WIDE = 110
"""Terminal columns from which the team screen uses wide cells and stands the
assessors' rationales side by side."""
Mode = Literal["spread", "values"]


def shade_level(spread: float, scale_width: float) -> int:
    """0 for no spread, else 1..5: one step per tenth of the scale."""
    if spread <= 0 or scale_width <= 0:
        return 0
    return max(1, min(len(SHADES), math.ceil(round(spread / scale_width * 10, 6))))


def shade_style(level: int) -> str:
    if level == 0:
        return SAME_STYLE
    return f"bold #f4f4f4 on {SHADES[level - 1]}"


def legend(scale_width: float | None) -> Text:
    """The five shades, labelled with the spread they start above (on a common
    scale) or with tenths of the scale when the criteria's scales differ."""
    text = Text("spread ")
    for level in range(1, len(SHADES) + 1):
        low = (level - 1) / 10
        label = f">{fmt.scale(low * scale_width)}" if scale_width else f">{fmt.percent(low)}"
        text.append(f" {label if level > 1 else '>0'} ", shade_style(level))
    return text


def cell_text(cell: CellDisagreement | None, mode: Mode, scale_width: float, width: int) -> Text:
    """How one cell reads, centred in `width` columns (the shade fills them)."""
    if cell is None:
        return Text("–".center(width), SAME_STYLE, no_wrap=True)
    level = shade_level(cell.spread, scale_width)
    if mode == "values":
        body = " ".join(fmt.scale(v) for v in cell.values)
    else:
        body = fmt.scale(cell.spread) if level else "·"
    return Text(body.center(width), shade_style(level), no_wrap=True)


class TeamHeatmap(DataTable):
    """The spread matrix of one `Disagreement`, cursor on a cell."""

    BINDINGS = [
        Binding(
            "enter",
            "open",
            "Full texts",
            id="team.open_cell",
            tooltip="Every assessor's full texts of the cell",
        ),
    ]

    class Shown(Message):
        """The cursor moved onto a cell."""

        def __init__(self, option: str, criterion: str) -> None:
            super().__init__()
            self.option = option
            self.criterion = criterion

    class Opened(Message):
        """Enter on a cell: show its full texts."""

        def __init__(self, option: str, criterion: str) -> None:
            super().__init__()
            self.option = option
            self.criterion = criterion

    def __init__(self, report: Disagreement, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(
            id=id,
            cursor_type="cell",
            header_height=2,
            cell_padding=0,
            cursor_background_priority="css",
            cursor_foreground_priority="css",
        )
        self.report = report
        self.mode: Mode = "spread"
        self.wide = False
        self.option_ids = [o.id for o in report.options]
        self.criteria = list(report.criteria)
        self.order = [self._coordinate(c) for c in report.by_spread() if c.spread > 0]
        """The coordinates of the cells scored differently, widest spread first (for `jump`)."""

    def _coordinate(self, cell: CellDisagreement) -> Coordinate:
        column = next(j for j, c in enumerate(self.criteria) if c.id == cell.criterion)
        return Coordinate(self.option_ids.index(cell.option), column)

    def on_mount(self) -> None:
        self.wide = self.app.size.width >= WIDE
        self._fill()
        if self.order:
            self.cursor_coordinate = self.order[0]

    def _width(self, criterion: str, base: int) -> int:
        """A column's width: `base`, or in "values" mode room for its widest cell."""
        if self.mode == "spread":
            return base
        cells = (self.report.cell(o, criterion) for o in self.option_ids)
        return max(base, *(len(" ".join(fmt.scale(v) for v in c.values)) + 2 for c in cells if c is not None))

    def _fill(self) -> None:
        base = 8 if self.wide else 5
        widths = [self._width(c.id, base) for c in self.criteria]
        for c, width in zip(self.criteria, widths, strict=True):
            # one column short of the cell, so that neighbouring headers stay apart
            label = "\n".join(name_lines(c.name, width - 1))
            colour = FAMILY_COLOUR.get(c.family, "")
            self.add_column(Text(label, colour, justify="center"), key=c.id, width=width)
        for option in self.report.options:
            texts = [
                cell_text(self.report.cell(option.id, c.id), self.mode, c.scale.max - c.scale.min, width)
                for c, width in zip(self.criteria, widths, strict=True)
            ]
            label = clip(option.name, 20 if self.wide else 15).ljust(21 if self.wide else 16)
            self.add_row(*texts, key=option.id, label=Text(label))

    def _refill(self) -> None:
        here = self.cursor_coordinate
        self.clear(columns=True)
        self._fill()
        self.cursor_coordinate = here

    def set_wide(self, wide: bool) -> None:
        """Wider columns and option names (the table is rebuilt)."""
        if wide != self.wide:
            self.wide = wide
            self._refill()

    def set_mode(self, mode: Mode) -> None:
        """Show spreads or values (the table is rebuilt)."""
        if mode != self.mode:
            self.mode = mode
            self._refill()

    def subject_at(self, coordinate: Coordinate) -> tuple[str, str]:
        return self.option_ids[coordinate.row], self.criteria[coordinate.column].id

    def jump(self, step: int) -> None:
        """To the next (1) or previous (-1) disagreement in order of spread, wrapping."""
        if not self.order:
            return
        here = self.cursor_coordinate
        k = self.order.index(here) if here in self.order else -1
        target = self.order[(k + step) % len(self.order)]
        self.move_cursor(row=target.row, column=target.column)

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        event.stop()
        self.post_message(self.Shown(*self.subject_at(event.coordinate)))

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()

    def action_open(self) -> None:
        self.post_message(self.Opened(*self.subject_at(self.cursor_coordinate)))
