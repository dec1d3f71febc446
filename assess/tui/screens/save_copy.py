"""Saving the case installed with assess: it is never written, so ask where to
put a copy (with the catalogue and documents it cites, in the same layout)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from assess import bundled
from assess.io.casecopy import copy_problem, copy_target, support_files, tree_root
from assess.io.casefile import LoadedCase


def layout(loaded: LoadedCase) -> str:
    """What a copy holds, relative to its folder: 'cases/x.yaml, criteria.yaml, sources/ (2 files)'."""
    root = tree_root(loaded)
    case = str(copy_target(loaded, Path("/")).relative_to("/"))
    tops = Counter(p.relative_to(root).parts[0] for p in support_files(loaded))
    rest = [top if n == 1 and (root / top).is_file() else f"{top}/ ({n} files)" for top, n in tops.items()]
    return ", ".join([case, *rest])


def folder_problem(loaded: LoadedCase, text: str, cwd: Path) -> tuple[Path | None, str | None]:
    """The folder typed (relative to `cwd`, `~` expanded) and why a copy cannot go there."""
    if not text.strip():
        return None, "type a folder"
    folder = cwd / Path(text.strip()).expanduser()
    if bundled.is_installed_copy(folder):
        return None, "that folder is inside the installed package; choose one of yours"
    return folder, copy_problem(loaded, folder)


class SaveCopyScreen(ModalScreen[Path | None]):
    """Dismissed with the folder to save the copy into, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="save_copy.cancel", tooltip="Cancel")]

    def __init__(self, loaded: LoadedCase, cwd: Path) -> None:
        super().__init__()
        self.loaded, self.cwd = loaded, cwd

    def compose(self) -> ComposeResult:
        name = self.loaded.path.name
        with Vertical(classes="dialog wide", id="save-copy"):
            yield Label("Save a copy of the installed case", classes="dialog-title")
            yield Static(
                f"{name} is the example installed with assess ({self.loaded.path.parent}). "
                "It is never changed: a reinstall would replace it. Save your work in a "
                "folder of yours, with the catalogue and the documents it cites:",
                markup=False,
            )
            with Horizontal(classes="buttons"):
                yield Input(str(self.cwd), id="folder")
                yield Button("Save copy", variant="primary", id="save")
                yield Button("Cancel", id="cancel")
            yield Static("", id="target", classes="hint", markup=False)
            yield Static("", id="error", classes="error", markup=False)
            yield Static(
                "`assess` in that folder opens the copy; `assess init` copies every bundled case.",
                classes="hint",
                markup=False,
            )

    def on_mount(self) -> None:
        self._show_target(self.query_one("#folder", Input).value)

    @on(Input.Changed, "#folder")
    def _changed(self, event: Input.Changed) -> None:
        self._show_target(event.value)
        self.query_one("#error", Static).update("")

    def _show_target(self, text: str) -> None:
        where = f"Writes {layout(self.loaded)} in {self.cwd / Path(text.strip()).expanduser()}"
        self.query_one("#target", Static).update(where if text.strip() else "")

    @on(Button.Pressed, "#save")
    @on(Input.Submitted, "#folder")
    def _save(self) -> None:
        folder, problem = folder_problem(self.loaded, self.query_one("#folder", Input).value, self.cwd)
        if problem or folder is None:
            self.query_one("#error", Static).update(f"Refused: {problem}.")
        else:
            self.dismiss(folder)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
