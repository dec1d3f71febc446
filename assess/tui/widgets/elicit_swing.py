"""The swing mode of the weights screen (von Winterfeldt & Edwards 1986, ch. 8).

First the swings, each criterion's move from its worst to its best level, are
ranked most valued first (shift+up / shift+down move the one under the
cursor; enter records the order); then each is rated against the first (100):
enter types a rating, held to the ranking (`edit_elicit.swing_limits`: a
swing rated above one ranked before it is refused, naming it; `o` re-ranks).
The shares the ratings give show beside them at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from assess.core import edit_elicit as E
from assess.model import Criterion
from assess.render import fmt
from assess.tui.present import shorten, shown
from assess.tui.widgets.elicit_list import ElicitList

if TYPE_CHECKING:
    from assess.tui.screens.elicit import ElicitScreen


def swing_ends(criterion: Criterion) -> tuple[str, str]:
    """The worst and the best level of a criterion's scale, with their descriptions."""
    scale = criterion.scale
    worst, best = (scale.max, scale.min) if criterion.direction == "cost" else (scale.min, scale.max)

    def said(x: float) -> str:
        label = scale.label(x)
        return f"{fmt.scale(x)} «{label}»" if label else fmt.scale(x)

    return said(worst), said(best)


class SwingList(ElicitList):
    """The swings, most valued first; in the ranking phase rows move."""

    BINDINGS = [
        Binding("shift+up", "shift(-1)", "Move up", id="swing.up", tooltip="Rank this swing higher"),
        Binding("shift+down", "shift(1)", "Move down", id="swing.down", tooltip="Rank this swing lower"),
        Binding(
            "enter",
            "confirm",
            "Record / rate",
            id="swing.enter",
            tooltip="Record the ranking; then type the rating of the swing under the cursor",
        ),
        Binding("o", "reorder", "Re-rank", id="swing.reorder", tooltip="Rank the swings again"),
    ]

    def action_shift(self, by: int) -> None:
        pane = self.parent
        assert isinstance(pane, SwingPane)
        pane.shift(self.cursor, by)

    def action_confirm(self) -> None:
        pane = self.parent
        assert isinstance(pane, SwingPane)
        pane.confirm(self.cursor)

    def action_reorder(self) -> None:
        pane = self.parent
        assert isinstance(pane, SwingPane)
        pane.rating = False
        pane.show(pane.screen)  # type: ignore[arg-type]


class SwingPane(Vertical):
    """`order`: the ranking being built; `rating`: whether the ranking is recorded."""

    DEFAULT_CSS = """
    SwingPane #swing-detail { height: auto; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.order: list[str] = []
        self.rating = False

    def compose(self) -> ComposeResult:
        yield SwingList(id="swing-list")
        yield Static(id="swing-detail")

    def _start(self, screen: ElicitScreen) -> None:
        swing = E.current_swing(screen.case, screen.scenario, screen.catalogue)
        ids = screen.state.view.criterion_ids
        self.order = sorted(ids, key=lambda c: -swing.get(c, 0.0))

    def show(self, screen: ElicitScreen) -> None:
        if sorted(self.order) != sorted(screen.state.view.criterion_ids):
            self._start(screen)
        swing = E.current_swing(screen.case, screen.scenario, screen.catalogue)
        total = sum(swing.get(c, 0.0) for c in self.order) or 1.0
        width = max(12, self.app.size.width // 4)
        rows = []
        for k, c in enumerate(self.order):
            name = shorten(screen.state.criterion(c).name, width)
            rating = fmt.scale(swing.get(c, 0.0))
            share = fmt.percent(swing.get(c, 0.0) / total)
            rows.append(shown(f"{str(k + 1) + '.':<4}{name:<{width}} {rating:>5} {share:>7}"))
        if self.rating:
            phase = "enter rates against the first (100)"
        else:
            phase = "shift+↑/↓ ranks, enter records"
        head = f"#   {'Swing (worst to best)':<{width}} {'rate':>5} {'share':>7}  · {phase}"
        self.query_one(SwingList).show_rows(rows, Text(head, style="bold"))
        self.detail(screen)

    def detail(self, screen: ElicitScreen) -> None:
        cursor = self.query_one(SwingList).cursor
        if not self.order:
            return
        criterion = screen.state.criterion(self.order[cursor])
        worst, best = swing_ends(criterion)
        self.query_one("#swing-detail", Static).update(
            shown(f"{criterion.name}: from {worst} to {best}", multiline=True)
        )

    @on(ElicitList.Moved)
    def _moved(self) -> None:
        """The levels below the list follow the cursor."""
        self.detail(self.screen)  # type: ignore[arg-type]

    def shift(self, row: int, by: int) -> None:
        to = row + by
        if self.rating or not 0 <= to < len(self.order):
            return
        self.order[row], self.order[to] = self.order[to], self.order[row]
        lst = self.query_one(SwingList)
        lst.cursor = to
        self.show(self.screen)  # type: ignore[arg-type]

    def confirm(self, row: int) -> None:
        screen: ElicitScreen = self.screen  # type: ignore[assignment]
        if not self.rating:
            order = list(self.order)
            if screen.answer(lambda c, s, said, cat: E.swing_order(c, s, order, said, catalogue=cat)):
                self.rating = True
                if E.current_swing(screen.case, screen.scenario, screen.catalogue).get(order[0]) != 100:
                    screen.answer(
                        lambda c, s, said, cat: E.swing_rating(c, s, order[0], 100, said, catalogue=cat)
                    )
                self.show(screen)
            return
        criterion = self.order[row]
        if row == 0:
            self.app.notify("The most valued swing is 100: rate the others against it.")
            return
        limits = E.swing_limits(screen.case, screen.scenario, criterion, catalogue=screen.catalogue)
        bounds = [
            f"{screen.state.criterion(c).name} ({fmt.scale(x)}) ranked {where} it"
            for c, x, where in ((limits.high_by, limits.high, "above"), (limits.low_by, limits.low, "below"))
            if c is not None
        ]
        note = ""
        if bounds:
            span = f"{fmt.scale(limits.low)}..{fmt.scale(limits.high)}"
            note = f"Against the first (100); {span} keeps the ranking: {', '.join(bounds)}."
        screen.ask_number(
            f"Rate the swing of {screen.state.criterion(criterion).name}",
            E.current_swing(screen.case, screen.scenario, screen.catalogue).get(criterion, 0.0),
            lambda x: screen.answer(
                lambda c, s, said, cat: E.swing_rating(c, s, criterion, x, said, catalogue=cat)
            ),
            note,
        )
