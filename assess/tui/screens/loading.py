"""The first frame of `assess`: the case being opened, said to be opening.

It shows no number (nothing is scored yet) and is replaced by the main
screen as soon as the case is (`assess.tui.opening`)."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from assess.tui.present import safe
from assess.tui.titlebar import shown_path


class LoadingScreen(Screen):
    DEFAULT_CSS = """
    LoadingScreen #loading {
        width: 1fr;
        height: 1fr;
        content-align: center middle;
        color: $text-muted;
    }
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text(f"Opening {safe(shown_path(self.path))} …"), id="loading")
        yield Footer(show_command_palette=False)  # no commands until the case is shown
