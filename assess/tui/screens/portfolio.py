"""The portfolio screen (`p`): what the budget buys.

Left: the cost-benefit frontier (`assess.tui.widgets.frontier_chart`), the funded
portfolio marked; right: the value-for-money order, funded options ticked; below:
for the option under the cursor, why it is in or out in a sentence. `-` and `+`
move the budget (every resource by a tenth of the view's budget when the screen
opened) and the funded set follows at once; each move is an edit of the view's
budget, undone, redone and saved like any edit. Escape or q closes the screen.
"""

from __future__ import annotations

import math

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from assess.core import edit
from assess.core.portfolio import analyses as A
from assess.core.portfolio.problem import CaseProblem, build_problem
from assess.core.view import View
from assess.render.fmt import fixed, scale
from assess.render.tables import shorten
from assess.render.text.portfolio import why_sentence
from assess.tui.present import shown
from assess.tui.widgets.frontier_chart import ChartPoint, FrontierChart

NAME_WIDTH = 20
"""Characters of an option's name in the order table (46 cells wide with its figures);
from 100 columns on, `WIDE_NAME_WIDTH` (60 cells)."""
WIDE_NAME_WIDTH = 34


def _nice_step(x: float) -> float:
    """A tenth of x, rounded to 1, 2 or 5 times a power of ten (never 0)."""
    if x <= 0:
        return 1.0
    raw = x / 10
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw * 0.99)


class PortfolioScreen(Screen[None]):
    """What the budget buys in the view shown (see `assess.core.portfolio`)."""

    CSS_PATH = "portfolio.tcss"
    BINDINGS = [
        Binding("escape", "close", "Close", id="portfolio.close", tooltip="Close the portfolio screen"),
        Binding(
            "q", "close", "Close", show=False, id="portfolio.close_q", tooltip="Close the portfolio screen"
        ),
        Binding("minus", "budget(-1)", "Budget −", id="portfolio.budget_down", tooltip="Lower the budget"),
        Binding(
            "plus,equals_sign", "budget(1)", "Budget +", id="portfolio.budget_up", tooltip="Raise the budget"
        ),
        Binding("ctrl+z", "app.undo", "Undo", id="portfolio.undo", tooltip="Undo the last edit"),
        Binding(
            "ctrl+y", "app.redo", "Redo", show=False, id="portfolio.redo", tooltip="Redo the edit undone"
        ),
        Binding("ctrl+s", "app.save", "Save", show=False, id="portfolio.save", tooltip="Save the case"),
    ]

    def __init__(self, view: View) -> None:
        super().__init__()
        self.cp: CaseProblem = build_problem(view)  # PortfolioRefused: the caller says why
        self.steps = {r: _nice_step(x) for r, x in self.cp.budget.items()}
        self._analyse()

    def _analyse(self) -> None:
        self.best = A.optimal(self.cp)
        self.order = A.order(self.cp)
        self.frontier = A.frontier(self.cp)

    def compose(self) -> ComposeResult:
        yield Static(id="portfolio-title")
        with Horizontal(id="portfolio-main"):
            with Vertical(id="portfolio-chart-box") as box:
                box.border_title = "Frontier · ● funded · ┊ budget"
                yield FrontierChart(id="portfolio-chart")
            table: DataTable[object] = DataTable(id="portfolio-order", cursor_type="row", zebra_stripes=True)
            table.border_title = "Value for money"
            yield table
        yield Static(id="portfolio-why")
        wide = self.app.size.width >= 100
        yield Footer(compact=not wide, show_command_palette=wide)

    def on_mount(self) -> None:
        self.set_class(self.app.size.width >= 100, "-wide")
        table = self.query_one(DataTable)
        table.add_columns("option", "benefit", "per unit", "in")
        self._fill()
        table.focus()
        self.watch(self.app, "state", self._state_changed, init=False)

    def _state_changed(self, state: object) -> None:
        view = getattr(state, "view", None)
        if view is None:
            return
        try:
            self.cp = build_problem(view)
            self._analyse()
        except ValueError as err:  # PortfolioRefused, PortfolioInfeasible
            self.notify(str(err), title="No portfolio", severity="warning")
            return
        self._fill()

    def _fill(self) -> None:
        cp = self.cp
        amounts = ", ".join(f"{r} {scale(x)}" for r, x in cp.budget.items())
        self.query_one("#portfolio-title", Static).update(
            shown(f"{cp.view.label} · budget {amounts} · funded benefit {fixed(self.best.benefit)}")
        )
        self.query_one(FrontierChart).show(self._points())
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        names = dict(zip(cp.ids, cp.names, strict=True))
        for e in self.order.entries:
            ratio = "free" if e.ratio == math.inf else "-" if math.isnan(e.ratio) else fixed(e.ratio)
            mark = "✓" if e.option in self.best.options else "✗" if e.option in cp.excluded else ""
            name = shown(shorten(names[e.option], self._name_width()))
            table.add_row(name, fixed(e.benefit), ratio, mark, key=e.option)
        table.move_cursor(row=min(row, table.row_count - 1))
        self._say_why()

    def _name_width(self) -> int:
        return WIDE_NAME_WIDTH if self.has_class("-wide") else NAME_WIDTH

    def on_resize(self, event: events.Resize) -> None:
        wide = event.size.width >= 100
        if wide != self.has_class("-wide"):
            self.set_class(wide, "-wide")
            self._fill()

    def _points(self) -> tuple[ChartPoint, ...]:
        budget = self.cp.budget
        return tuple(
            ChartPoint(
                max((p.cost[r] / budget[r] for r in self.cp.resources), default=0.0),
                p.benefit,
                p.options == self.best.options,
            )
            for p in self.frontier
        )

    def _say_why(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return
        option = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        name = dict(zip(self.cp.ids, self.cp.names, strict=True))[option]
        sentence = why_sentence(self.cp, A.why(self.cp, self.best, option))
        self.query_one("#portfolio-why", Static).update(shown(f"{name}: {sentence}"))

    @on(DataTable.RowHighlighted)
    def _highlighted(self, _: DataTable.RowHighlighted) -> None:
        self._say_why()

    def action_budget(self, direction: int) -> None:
        cp = self.cp
        new = {r: max(0.0, round(x + direction * self.steps[r], 9)) for r, x in cp.budget.items()}
        scenario = cp.view.scenario
        self.app.apply(lambda c: edit.set_budget(c, scenario, new))  # type: ignore[attr-defined]

    def action_close(self) -> None:
        self.dismiss(None)
