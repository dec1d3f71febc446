"""A modal with the full texts behind one row of the compare screen.

For a score cell: each view's value, full rationale and source, and the
cited passage quoted in its document (highlighted) where the document is at
hand. For a weight: each view's share and full elicitation text. For an
option: its change split by every criterion. (A screen, kept beside the
compare widgets it belongs to.)
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Group, RenderableType
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from assess.core.compare.views import Comparison
from assess.tui.present import shown
from assess.tui.quotes import Quotes, cited_passages
from assess.tui.widgets.compare_detail import CompareSubject, describe


def quoted_passages(
    comp: Comparison, subject: CompareSubject, quotes: list[Quotes | None]
) -> list[RenderableType]:
    """Each view's cited passage in context, for a cell subject."""
    if subject.kind != "cell" or subject.option is None or subject.criterion is None:
        return []
    cell = comp.cell(subject.option, subject.criterion)
    return cited_passages(
        [(label, side.source, q) for label, side, q in zip(comp.labels, cell.sides, quotes, strict=True)]
    )


class RationaleModal(ModalScreen[None]):
    """Full texts of `subject`; Escape, Enter or q closes it."""

    CSS_PATH = Path(__file__).parent.parent / "screens" / "compare.tcss"
    BINDINGS = [
        Binding("escape", "close", "Close", id="compare.close_texts", tooltip="Close the full texts"),
        Binding(
            "enter",
            "close",
            "Close",
            show=False,
            id="compare.close_texts_enter",
            tooltip="Close the full texts",
        ),
        Binding(
            "q", "close", "Close", show=False, id="compare.close_texts_q", tooltip="Close the full texts"
        ),
    ]

    def __init__(
        self, comparison: Comparison, subject: CompareSubject, quotes: list[Quotes | None] | None = None
    ) -> None:
        super().__init__()
        self.comparison = comparison
        self.subject = subject
        self.quotes = quotes or [None] * len(comparison.labels)

    def compose(self) -> ComposeResult:
        comp, subject = self.comparison, self.subject
        body = Group(describe(comp, subject, "full"), *quoted_passages(comp, subject, self.quotes))
        with Vertical(id="rationale-box"):
            yield Static(shown(f"Compare: {' → '.join(comp.labels)}"), id="rationale-title")
            with VerticalScroll(id="rationale-scroll"):
                yield Static(body, id="rationale-body")
            yield Static("Esc close · ↑↓ scroll", id="rationale-hint")

    def action_close(self) -> None:
        self.dismiss(None)
