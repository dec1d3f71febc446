"""Options × criteria of the compared views, with what differs highlighted.

The first row holds the weights (in % of the total), then one row per
option. A cell that is the same in every view shows its value; one whose
score differs shows every view's value, "3→4", highlighted ("3~" when only
its range differs); one whose rationale or source alone differs is marked
"•"; one missing from some view shows "–" there, in another colour. Where
the views' bases differ, or one is carried over, every view's value shows
with its basis's mark, as in the score matrix ("4→3°", "3°→3=").
Criteria go by their names (on two header lines, shortened to fit). Moving the cursor posts `Shown`, Enter
posts `Opened`.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable

from assess.core.compare.views import CellComparison, Comparison, WeightComparison
from assess.render import fmt
from assess.render.explain import basis_mark
from assess.render.text.compare import basis_marked
from assess.tui.present import FAMILY_COLOUR, clip, name_lines
from assess.tui.widgets.compare_detail import CompareSubject

WEIGHT_ROW = "__weights__"
CHANGED_STYLE = "bold #ffd75f on #4a3b00"
PRESENCE_STYLE = "#9ab8ff on #1f2a44"
TEXT_ONLY_STYLE = "#7dcfff"
SAME_STYLE = "#a0a0a0"


def _value(x: float | None, mark: str = "") -> str:
    return "–" if x is None else fmt.scale(x) + mark


def cell_label(c: CellComparison) -> Text:
    """How a cell reads in the matrix (see the module docstring)."""
    values = [s.value if s.present else None for s in c.sides]
    marks = [basis_mark(s.basis) for s in c.sides] if basis_marked(c) else [""] * len(values)
    each = "→".join(_value(v, m) for v, m in zip(values, marks, strict=True))
    if "presence" in c.changed:
        return Text(each, PRESENCE_STYLE)
    if "value" in c.changed:
        return Text(each, CHANGED_STYLE)
    if not c.changed and any(marks):  # the same in every view, carried over in some
        return Text(_value(values[0], "=" if "=" in marks else marks[0]), SAME_STYLE)
    if any(marks):
        if "range" in c.changed:
            return Text(f"{each}~", CHANGED_STYLE)
        return Text(each, TEXT_ONLY_STYLE)
    if "range" in c.changed:
        return Text(f"{_value(values[0])}~", CHANGED_STYLE)
    if c.changed:
        return Text(f"{_value(values[0])}•", TEXT_ONLY_STYLE)
    return Text(_value(values[0]), SAME_STYLE)


def weight_label(w: WeightComparison) -> Text:
    shares = [fmt.percent(s.share) if s.present else "–" for s in w.sides]
    if "presence" in w.changed:
        return Text("→".join(shares), PRESENCE_STYLE)
    if "share" in w.changed:
        return Text("→".join(shares), CHANGED_STYLE)
    return Text(shares[0], f"italic {SAME_STYLE}")


class CompareMatrix(DataTable):
    """The matrix of one `Comparison`; `families` gives each column's family colour.

    Column headers hold a criterion's name on two lines ("Market" / "potential…");
    with `header_height` 1 (short terminals) only the first shows."""

    BINDINGS = [
        Binding(
            "enter", "open", "Full texts", id="compare.open_cell", tooltip="Full texts of the cell or weight"
        ),
    ]

    class Shown(Message):
        """The cursor moved onto a cell or a weight."""

        def __init__(self, subject: CompareSubject) -> None:
            super().__init__()
            self.subject = subject

    class Opened(Message):
        """Enter on a cell or a weight: show its full texts."""

        def __init__(self, subject: CompareSubject) -> None:
            super().__init__()
            self.subject = subject

    def __init__(self, comparison: Comparison, families: Mapping[str, str], *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(
            id=id,
            cursor_type="cell",
            header_height=1,
            zebra_stripes=True,
            cursor_background_priority="css",
            cursor_foreground_priority="css",
        )
        self.comparison = comparison
        self.families = families
        self.criteria = [w.criterion for w in comparison.weights]
        self.option_ids = [r.option for r in comparison.options]

    def on_mount(self) -> None:
        self._fill()
        self.cursor_coordinate = self.first_change()

    def _fill(self) -> None:
        wide = self.app.size.width >= 100
        for cid in self.criteria:
            head, tail = name_lines(self.comparison.criterion_names.get(cid, cid), 10)
            colour = FAMILY_COLOUR.get(self.families.get(cid, ""), "")
            self.add_column(Text(f"{head}\n{tail}", colour), key=cid)
        self.add_row(
            *(weight_label(w) for w in self.comparison.weights),
            key=WEIGHT_ROW,
            label=Text("weight", "italic"),
        )
        cells = {(c.option, c.criterion): c for c in self.comparison.cells}
        for row in self.comparison.options:
            self.add_row(
                *(cell_label(cells[(row.option, cid)]) for cid in self.criteria),
                key=row.option,
                label=Text(clip(row.name, 24 if wide else 18)),
            )

    def set_header_lines(self, lines: int) -> None:
        """Show one or two lines of each column header (the table is rebuilt,
        since a DataTable sizes itself when rows are added)."""
        if lines == self.header_height:
            return
        here = self.cursor_coordinate
        self.header_height = lines
        self.clear(columns=True)
        self._fill()
        self.cursor_coordinate = here

    def subject_at(self, coordinate: Coordinate) -> CompareSubject:
        criterion = self.criteria[coordinate.column]
        if coordinate.row == 0:
            return CompareSubject("weight", criterion=criterion)
        return CompareSubject("cell", self.option_ids[coordinate.row - 1], criterion)

    def changes(self) -> list[Coordinate]:
        """Coordinates of every flagged weight and cell, row by row."""
        out = [Coordinate(0, j) for j, w in enumerate(self.comparison.weights) if w.changed]
        index = {cid: j for j, cid in enumerate(self.criteria)}
        rows = {oid: i + 1 for i, oid in enumerate(self.option_ids)}
        out += [Coordinate(rows[c.option], index[c.criterion]) for c in self.comparison.score_changes]
        return sorted(out)

    def first_change(self) -> Coordinate:
        """The first cell whose score differs, else the first flagged one, else 0,0."""
        index = {cid: j for j, cid in enumerate(self.criteria)}
        for c in self.comparison.score_changes:
            if c.value_changed and "presence" not in c.changed:
                return Coordinate(self.option_ids.index(c.option) + 1, index[c.criterion])
        changes = self.changes()
        return changes[0] if changes else Coordinate(0, 0)

    def jump(self, step: int) -> None:
        """Move the cursor to the next (step 1) or previous (-1) flagged cell."""
        changes = self.changes()
        if not changes:
            return
        here = self.cursor_coordinate
        later = [c for c in changes if c > here] if step > 0 else [c for c in changes if c < here]
        target = (later[0] if step > 0 else later[-1]) if later else changes[0 if step > 0 else -1]
        self.move_cursor(row=target.row, column=target.column)

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        event.stop()
        self.post_message(self.Shown(self.subject_at(event.coordinate)))

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()

    def action_open(self) -> None:
        self.post_message(self.Opened(self.subject_at(self.cursor_coordinate)))
