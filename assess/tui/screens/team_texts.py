"""A modal with the full texts behind one cell of the team screen: every
assessor's value, full rationale and source, and each cited passage quoted
in its document (highlighted) where the document is at hand. (A screen,
kept beside the team widgets it belongs to.)
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Group, RenderableType
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from assess.core.disagreement import Disagreement
from assess.tui.present import shown
from assess.tui.quotes import Quotes, cited_passages
from assess.tui.widgets.team_detail import TeamSubject, describe, who


def quoted_passages(
    report: Disagreement, subject: TeamSubject, quotes: Quotes | None
) -> list[RenderableType]:
    """Each assessor's cited passage in context."""
    cell = report.cell(*subject)
    if cell is None:
        return []
    return cited_passages([(o.name, o.source, quotes) for o in cell.opinions])


class TeamTextsModal(ModalScreen[None]):
    """Full texts of one cell; Escape, Enter or q closes it."""

    CSS_PATH = Path(__file__).parent.parent / "screens" / "team.tcss"
    BINDINGS = [
        Binding("escape", "close", "Close", id="team.close_texts", tooltip="Close the full texts"),
        Binding(
            "enter", "close", "Close", show=False, id="team.close_texts_enter", tooltip="Close the full texts"
        ),
        Binding("q", "close", "Close", show=False, id="team.close_texts_q", tooltip="Close the full texts"),
    ]

    def __init__(self, report: Disagreement, subject: TeamSubject, quotes: Quotes | None = None) -> None:
        super().__init__()
        self.report = report
        self.subject = subject
        self.quotes = quotes

    def compose(self) -> ComposeResult:
        body = Group(
            describe(self.report, self.subject, "full"),
            *quoted_passages(self.report, self.subject, self.quotes),
        )
        with Vertical(id="team-texts-box"):
            yield Static(shown(f"Team: {who(self.report)}"), id="team-texts-title")
            with VerticalScroll(id="team-texts-scroll"):
                yield Static(body, id="team-texts-body")
            yield Static("Esc close · ↑↓ scroll", id="team-texts-hint")

    def action_close(self) -> None:
        self.dismiss(None)
