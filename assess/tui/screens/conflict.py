"""The file changed on disk since it was opened: reload, overwrite, or save
under another name. Never overwritten without asking."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from assess.tui.present import safe


@dataclass(frozen=True)
class ConflictChoice:
    action: Literal["reload", "overwrite", "save_as", "cancel"]
    name: str | None = None
    """The new file name, for save_as (in the same folder)."""


def other_name(path: Path) -> str:
    """A free name beside `path`: case.mine.yaml, case.mine-2.yaml, ..."""
    for k in range(1, 100):
        name = f"{path.stem}.mine{'' if k == 1 else f'-{k}'}{path.suffix}"
        if not (path.parent / name).exists():
            return name
    return f"{path.stem}.mine{path.suffix}"


def name_problem(folder: Path, name: str) -> str | None:
    """Why `name` cannot be used for save-as, or None."""
    name = name.strip()
    if not name or "/" in name or "\\" in name or name in {".", ".."}:
        return "give a file name (it is saved in the same folder, so the case's relative paths hold)"
    if not name.endswith((".yaml", ".yml")):
        return "the name must end in .yaml"
    if (folder / name).exists():
        return f"{name} exists; choose another name"
    return None


class ConflictScreen(ModalScreen[ConflictChoice]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="conflict.cancel", tooltip="Cancel")]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label("The file changed on disk", classes="dialog-title")
            yield Static(
                Text(
                    f"{safe(self.path.name)} was changed by someone or something else since you "
                    "opened it. Saving now would lose that change."
                )
            )
            with Horizontal(classes="buttons"):
                yield Button("Reload from disk", id="reload")
                yield Button("Overwrite", variant="error", id="overwrite")
                yield Button("Cancel", id="cancel")
            yield Static("Or save your version under another name, in the same folder:")
            with Horizontal(classes="buttons"):
                yield Input(safe(other_name(self.path)), id="name")
                yield Button("Save as", variant="primary", id="save_as")
            yield Static("", id="error", classes="error")
            yield Static("Reload keeps your edits one ctrl+z away.", classes="hint")

    @on(Button.Pressed, "#reload")
    def _reload(self) -> None:
        self.dismiss(ConflictChoice("reload"))

    @on(Button.Pressed, "#overwrite")
    def _overwrite(self) -> None:
        self.dismiss(ConflictChoice("overwrite"))

    @on(Button.Pressed, "#save_as")
    @on(Input.Submitted, "#name")
    def _save_as(self) -> None:
        name = self.query_one("#name", Input).value.strip()
        problem = name_problem(self.path.parent, name)
        if problem:
            self.query_one("#error", Static).update(Text(f"Refused: {safe(problem)}."))
        else:
            self.dismiss(ConflictChoice("save_as", name))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(ConflictChoice("cancel"))
