"""The statements mode of the weights screen: the view's statements, a line to
type a new one (`assess.core.elicit_text` reads it), and who said each.
Delete (or backspace) withdraws the statement under the cursor: one edit,
undone like any (`assess.core.edit_elicit.remove_statement` records it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from assess.core import edit_elicit as E
from assess.core.elicit_live import polytope, usable_statements
from assess.core.elicit_text import EXAMPLES, parse_statement, statement_text
from assess.tui.present import shown
from assess.tui.widgets.elicit_list import ElicitList

if TYPE_CHECKING:
    from assess.tui.screens.elicit import ElicitScreen


class StatementList(ElicitList):
    """The statements, newest last; delete withdraws the one under the cursor."""

    BINDINGS = [
        Binding(
            "delete,backspace",
            "withdraw",
            "Withdraw",
            id="statements.withdraw",
            tooltip="Withdraw the statement under the cursor (recorded; ctrl+z undoes)",
        ),
    ]

    def action_withdraw(self) -> None:
        pane = self.parent
        assert isinstance(pane, StatementsPane)
        pane.withdraw(self.cursor)


class StatementsPane(Vertical):
    """Statements in file order, newest last; `a` (the screen's) types a new one."""

    DEFAULT_CSS = """
    StatementsPane #statement-input { height: 3; }
    StatementsPane #statement-hint { height: auto; max-height: 3; color: $text-muted; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        yield StatementList(id="statement-list")
        yield Input(placeholder=f"a statement, e.g. {EXAMPLES[0]}", id="statement-input")
        yield Static(id="statement-hint")

    def show(self, screen: ElicitScreen) -> None:
        spec = screen.weights
        rows = [_row(k, s) for k, s in enumerate(spec.statements)]
        if not rows:
            rows = [Text("No statements yet: a types one.", style="dim")]
        self.query_one(ElicitList).show_rows(rows, Text(f"Statements ({len(spec.statements)})", style="bold"))
        broken = broken_by_points(screen)
        hint = f"Enter adds, Esc leaves the line; e.g. {' · '.join(EXAMPLES[1:3])}."
        if self.app.size.width >= 100:
            hint += f" Criteria: {', '.join(screen.state.view.criterion_ids)}"
        if broken:
            said = ", ".join(str(k + 1) for k in broken)
            hint = f"The {spec.method} weights break statement {said} ('assess check' says so). " + hint
        self.query_one("#statement-hint", Static).update(shown(hint))

    @on(Input.Submitted, "#statement-input")
    def _typed(self, event: Input.Submitted) -> None:
        screen: ElicitScreen = self.screen  # type: ignore[assignment]
        try:
            statement = parse_statement(event.value, screen.state.view.criterion_ids)
        except ValueError as err:
            self.app.notify(str(err), title="Not a statement", severity="error")
            return
        if screen.answer(lambda c, s, said, cat: E.add_statement(c, s, statement, said, catalogue=cat)):
            event.input.value = ""
            lst = self.query_one(ElicitList)
            lst.cursor = len(lst.rows) - 1
            lst.focus()

    def withdraw(self, row: int) -> None:
        screen: ElicitScreen = self.screen  # type: ignore[assignment]
        if not screen.weights.statements:
            self.app.notify("No statement to withdraw.")
            return
        if screen.answer(lambda c, s, said, cat: E.remove_statement(c, s, row, said, catalogue=cat)):
            self.app.notify(f"Statement {row + 1} withdrawn: r says why, ctrl+z undoes.")


def _row(k: int, statement: Any) -> Text:
    """A row: "2.  sanctions 1.5..3 x competence  anna", who said it dimmed (one span of text:
    blanks at the start of a span are lost on screen)."""
    by = statement.by or ""
    row = shown(f"{str(k + 1) + '.':<4}{statement_text(statement)}  {by}")
    row.stylize("dim", len(row) - len(by))
    return row


def broken_by_points(screen: ElicitScreen) -> list[int]:
    """The statements (indices) the view's point weights break; none for method statements."""
    view, statements = screen.state.view, screen.weights.statements
    if not statements or screen.weights.method == "statements" or view.shares.sum() <= 0:
        return []
    usable = usable_statements(view.criterion_ids, statements)
    return [usable[k] for k in polytope(view.criterion_ids, statements).violated_by(view.shares)]
