"""The rankings of the compared views side by side, with each option's change
of total split into a weight effect and a score effect.

One row per option: in each view its rank and total ("✕" when a veto
excludes it: its total still counts; "–" when the view lacks it), the rank
move from the first view to the last (▲ up, ▼ down), the change of total
and its weight and score effects as signed numbers with bars. With three or
more views the effects are summed over consecutive pairs, which is still
exact (the changes telescope).
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from assess.core.compare.views import Comparison, OptionComparison, OptionSide
from assess.render import fmt
from assess.tui.present import clip, move_text
from assess.tui.widgets.compare_detail import SCORE_COLOUR, WEIGHT_COLOUR, CompareSubject, effect_text


def _side(s: OptionSide) -> Text:
    if not s.present or s.total is None:
        return Text("  –", "dim")
    rank = Text(" ✕", "bold #e06060") if s.excluded else Text(f"{s.rank:>2}", "bold")
    return rank.append(f" {fmt.fixed(s.total)}")


class CompareRanks(DataTable):
    """The ranking table of one `Comparison`."""

    BINDINGS = [
        Binding(
            "enter", "open", "Full texts", id="compare.open_option", tooltip="The option's change, in full"
        ),
    ]

    class Shown(Message):
        """The cursor moved onto an option."""

        def __init__(self, subject: CompareSubject) -> None:
            super().__init__()
            self.subject = subject

    class Opened(Message):
        """Enter on an option: show its full split, criterion by criterion."""

        def __init__(self, subject: CompareSubject) -> None:
            super().__init__()
            self.subject = subject

    def __init__(self, comparison: Comparison, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.comparison = comparison
        self.clip = 16

    def _sums(self, option: str) -> tuple[float, float, float] | None:
        effects = self.comparison.effects_of(option)
        if not effects:
            return None
        return (
            sum(e.change for e in effects),
            sum(e.weight_effect for e in effects),
            sum(e.score_effect for e in effects),
        )

    def on_mount(self) -> None:
        comp = self.comparison
        wide = self.app.size.width >= 100
        self.clip, bars = (28, 5) if wide else (16, 3)
        sums = {r.option: self._sums(r.option) for r in comp.options}
        scale = max((max(abs(s[1]), abs(s[2])) for s in sums.values() if s), default=0.0)
        self.add_column("option", key="option")
        for k, label in enumerate(comp.labels):
            self.add_column(Text(clip(label, 16 if wide else 9)), key=f"view{k}")
        self.add_column("move", key="move")
        self.add_column("change", key="change")
        self.add_column(Text("weight effect" if wide else "weight", WEIGHT_COLOUR), key="weight")
        self.add_column(Text("score effect" if wide else "score", SCORE_COLOUR), key="score")
        for row in comp.options:
            self.add_row(*self._cells(row, sums[row.option], scale, bars), key=row.option)

    def _cells(
        self, row: OptionComparison, sums: tuple[float, float, float] | None, scale: float, bars: int
    ) -> list[Text | str]:
        cells: list[Text | str] = [Text(clip(row.name, self.clip)), *(_side(s) for s in row.sides)]
        cells.append(move_text(row.move))
        if sums is None:
            return [*cells, "", "", ""]
        change, weight, score = sums
        return [
            *cells,
            Text(fmt.signed(change)),
            effect_text(weight, scale, WEIGHT_COLOUR, bars),
            effect_text(score, scale, SCORE_COLOUR, bars),
        ]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.Shown(CompareSubject("option", event.row_key.value)))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()

    def action_open(self) -> None:
        option = self.comparison.options[self.cursor_row].option
        self.post_message(self.Opened(CompareSubject("option", option)))
