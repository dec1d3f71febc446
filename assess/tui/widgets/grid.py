"""A light table for fast updates: the Line API with a cache per cell and per row.

Textual's DataTable re-renders every visible cell after any `update_cell`,
which costs tens of milliseconds per table and frame. Here a changed cell
re-renders only itself and repaints only its line, so re-ranking 200 options
after an edit repaints just the rows that moved. It has what the planner's
tables need: multi-line headers, fixed left columns, a cell or row cursor
(keys and mouse) and a message when the cursor moves; rows are addressed by
position.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from assess.tui.present import shown

Justify = Literal["left", "right"]


@dataclass
class GridColumn:
    key: str
    label: Text | str = ""
    """May hold several lines (\\n), shown top-aligned in the header rows."""
    width: int | None = None
    """A fixed width, or None to fit the widest label line or cell."""
    justify: Justify = "left"
    cursor: bool = True
    """Whether a row cursor paints this column (False keeps a chart's colours)."""


def _text(cell: Text | str) -> Text:
    """A cell as text: a string is shown as it is (never markup, no control characters)."""
    return cell if isinstance(cell, Text) else shown(cell)


def _strip(text: Text, console: object, width: int) -> Strip:
    """`text` as a strip; `Text.render` leaves out the text's own base style when
    it has no spans, so it is applied here."""
    segments = list(text.render(console))  # type: ignore[arg-type]
    if text.style:
        segments = list(Segment.apply_style(segments, console.get_style(text.style)))  # type: ignore[attr-defined]
    return Strip(segments, width)


def _fitted(cell: Text | str, width: int, justify: Justify, console: object) -> Strip:
    """A cell cut or padded to `width`, with one space either side."""
    text = _text(cell).copy()
    text.truncate(width, overflow="ellipsis")
    if justify == "right":
        text.pad_left(width - text.cell_len)
    text.pad(1)
    text.truncate(width + 2, pad=True)
    return _strip(text, console, width + 2)


def _width(cell: Text | str) -> int:
    return max((cell_len(line) for line in _text(cell).plain.split("\n")), default=0)


class Grid(ScrollView, can_focus=True):
    """Rows of cells under a header; `show_rows` writes only what changed."""

    DEFAULT_CSS = """
    Grid { height: auto; max-height: 100%; background: $surface; }
    Grid > .grid--header { text-style: bold; background: $panel; }
    Grid > .grid--fixed { background: $boost; }
    Grid > .grid--cursor { background: $block-cursor-blurred-background; }
    Grid:focus > .grid--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold;
    }
    """
    COMPONENT_CLASSES = {"grid--header", "grid--fixed", "grid--cursor"}
    BINDINGS = [
        Binding("up", "move(-1, 0)", "Up", id="grid.up", show=False),
        Binding("down", "move(1, 0)", "Down", id="grid.down", show=False),
        Binding("left", "move(0, -1)", "Left", id="grid.left", show=False),
        Binding("right", "move(0, 1)", "Right", id="grid.right", show=False),
        Binding("pageup", "page(-1)", "Page up", id="grid.page_up", show=False),
        Binding("pagedown", "page(1)", "Page down", id="grid.page_down", show=False),
        Binding("home", "move(-1000000, 0)", "Top", id="grid.top", show=False),
        Binding("end", "move(1000000, 0)", "Bottom", id="grid.bottom", show=False),
    ]

    class Highlighted(Message):
        """The cursor moved to (row, column)."""

        def __init__(self, grid: Grid, row: int, column: int) -> None:
            super().__init__()
            self.grid, self.row, self.column = grid, row, column

        @property
        def control(self) -> Grid:
            return self.grid

    cursor_row: reactive[int] = reactive(0, init=False)
    cursor_column: reactive[int] = reactive(0, init=False)

    def __init__(
        self,
        *,
        cursor: Literal["cell", "row", "none"] = "cell",
        header_height: int = 1,
        fixed_columns: int = 0,
        **kwargs: object,
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.cursor, self.header_height, self.fixed_columns = cursor, header_height, fixed_columns
        self.columns: list[GridColumn] = []
        self.rows: list[list[Text | str]] = []
        self._widths: list[int] = []
        self._cells: dict[tuple[int, int], Strip] = {}
        self._lines: dict[int, Strip] = {}
        self._header: dict[int, Strip] = {}

    # -- data ----------------------------------------------------------------

    def set_columns(self, columns: Sequence[GridColumn]) -> None:
        self.columns, self.rows = list(columns), []
        self._widths = [c.width if c.width is not None else _width(c.label) for c in columns]
        self._forget()

    def show_rows(self, rows: Sequence[Sequence[Text | str]]) -> None:
        """Show `rows`; cells equal to what is shown are left alone."""
        old, self.rows = self.rows, [list(r) for r in rows]
        if len(old) != len(self.rows):
            self._grow_widths(self.rows)
            self._forget()
            return
        # Most cells are the very objects shown before (callers cache them): `is` first.
        changed = {
            i: [j for j, (a, b) in enumerate(zip(new, before, strict=True)) if a is not b and a != b]
            for i, (new, before) in enumerate(zip(self.rows, old, strict=True))
        }
        changed = {i: js for i, js in changed.items() if js}
        if self._grow_widths(
            [
                [self.rows[i][j] if j in js else "" for j in range(len(self.columns))]
                for i, js in changed.items()
            ]
        ):
            self._forget()
            return
        for i, js in changed.items():
            for j in js:
                self._cells.pop((i, j), None)
            self._refresh_row(i)

    def update_cell(self, row: int, column: int, cell: Text | str) -> None:
        """Change one cell; only its line is redrawn (unless its column must widen)."""
        self.rows[row][column] = cell
        self._cells.pop((row, column), None)
        if self.columns[column].width is None and _width(cell) > self._widths[column]:
            self._widths[column] = _width(cell)
            self._forget()
        else:
            self._refresh_row(row)

    def _grow_widths(self, rows: list[list[Text | str]]) -> bool:
        grown = False
        for j, column in enumerate(self.columns):
            if column.width is None:
                widest = max((_width(r[j]) for r in rows), default=0)
                if widest > self._widths[j]:
                    self._widths[j], grown = widest, True
        return grown

    def _forget(self) -> None:
        self._cells.clear()
        self._lines.clear()
        self._header.clear()
        width = sum(w + 2 for w in self._widths)
        self.virtual_size = Size(width, self.header_height + len(self.rows))
        self.refresh(layout=True)

    def _refresh_row(self, row: int) -> None:
        self._lines.pop(row, None)
        y = self.header_height + row - int(self.scroll_y)
        if self.header_height <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    # -- drawing -------------------------------------------------------------

    def _cell_strip(self, row: int, col: int) -> Strip:
        key = (row, col)
        if key not in self._cells:
            self._cells[key] = _fitted(
                self.rows[row][col], self._widths[col], self.columns[col].justify, self.app.console
            )
        return self._cells[key]

    def _row_strip(self, row: int) -> Strip:
        if row not in self._lines:
            self._lines[row] = Strip.join(self._cell_strip(row, j) for j in range(len(self.columns)))
        return self._lines[row]

    def _header_strip(self, y: int) -> Strip:
        if y not in self._header:
            self._header[y] = self._render_header(y)
        return self._header[y]

    def _render_header(self, y: int) -> Strip:
        parts = []
        for column, width in zip(self.columns, self._widths, strict=True):
            lines = _text(column.label).split("\n", allow_blank=True)
            line = lines[y] if y < len(lines) else ""
            parts.append(_fitted(line, width, column.justify, self.app.console))
        return Strip.join(parts)

    def _fixed_width(self) -> int:
        return sum(w + 2 for w in self._widths[: self.fixed_columns])

    def _column_span(self, col: int) -> tuple[int, int]:
        start = sum(w + 2 for w in self._widths[:col])
        return start, start + self._widths[col] + 2

    def render_line(self, y: int) -> Strip:
        width, base = self.size.width, self.rich_style
        if y < self.header_height:
            header = self.get_component_rich_style("grid--header")
            return self._window(self._header_strip(y), width, header).apply_style(base + header)
        row = y - self.header_height + int(self.scroll_y)
        if row >= len(self.rows):
            return Strip.blank(width, base)
        line = self._with_cursor(self._row_strip(row), row)
        return self._window(line, width, Style()).apply_style(base)

    def _with_cursor(self, line: Strip, row: int) -> Strip:
        if self.cursor == "none" or row != self.cursor_row:
            return line
        style = self.get_component_rich_style("grid--cursor")
        if self.cursor == "row":
            return self._paint_row(line, style)
        if not self.columns:
            return line
        start, end = self._column_span(min(self.cursor_column, len(self.columns) - 1))
        cell = Strip(Segment.apply_style(line.crop(start, end), post_style=style), end - start)
        return Strip.join([line.crop(0, start), cell, line.crop(end)])

    def _paint_row(self, line: Strip, style: Style) -> Strip:
        parts = []
        for j, column in enumerate(self.columns):
            start, end = self._column_span(j)
            part = line.crop(start, end)
            parts.append(
                Strip(Segment.apply_style(part, post_style=style), end - start) if column.cursor else part
            )
        return Strip.join(parts)

    def _window(self, line: Strip, width: int, pad: Style) -> Strip:
        """The fixed columns (in their own style), then the part scrolled to;
        cropped before styling, so long rows cost no more than visible ones."""
        fixed, x = self._fixed_width(), int(self.scroll_x)
        left = line.crop(0, fixed)
        if fixed:
            left = left.apply_style(self.get_component_rich_style("grid--fixed"))
        shown = Strip.join([left, line.crop(fixed + x, x + width)])
        return shown.extend_cell_length(width, pad).crop(0, width)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()
        self._header.clear()

    # -- the cursor ----------------------------------------------------------

    def move_cursor(self, row: int, column: int | None = None) -> None:
        self.cursor_row = max(0, min(row, len(self.rows) - 1))
        if column is not None:
            self.cursor_column = max(0, min(column, len(self.columns) - 1))

    def action_move(self, rows: int, columns: int) -> None:
        self.move_cursor(
            self.cursor_row + rows, self.cursor_column + columns if self.cursor == "cell" else None
        )

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max(1, self.size.height - self.header_height - 1), 0)

    def watch_cursor_row(self, old: int, new: int) -> None:
        for row in (old, new):
            self._refresh_row(row)
        self._cursor_moved()

    def watch_cursor_column(self) -> None:
        self._refresh_row(self.cursor_row)
        self._cursor_moved()

    def _cursor_moved(self) -> None:
        if self.cursor == "none" or not self.rows:
            return
        start, end = self._column_span(min(self.cursor_column, len(self.columns) - 1))
        if self.cursor == "row":
            start, end = self._fixed_width(), self._fixed_width() + 1
        region = Region(start, self.header_height + self.cursor_row, end - start, 1)
        spacing = Spacing(self.header_height, 0, 0, self._fixed_width())
        self.scroll_to_region(region, spacing=spacing, animate=False, force=True)
        self.post_message(self.Highlighted(self, self.cursor_row, self.cursor_column))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = offset.y - self.header_height + int(self.scroll_y)
        fixed = self._fixed_width()
        x = offset.x if offset.x < fixed else offset.x + int(self.scroll_x)
        column = next(
            (j for j in range(len(self.columns)) if self._column_span(j)[1] > x), self.cursor_column
        )
        if 0 <= row < len(self.rows):
            self.move_cursor(row, column if self.cursor == "cell" else None)
