"""Saving and quitting for `AssessApp`: ctrl+s goes through `save_case`, which
refuses to overwrite a file changed on disk since it was read; the planner then
chooses: reload, overwrite, or save under another name. Quitting with unsaved
changes asks first. Each function takes the App and runs in one of its workers
(the dialogs are awaited)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from assess.errors import InputError
from assess.io.atomic import ConflictError
from assess.io.casefile import load_case, save_case

if TYPE_CHECKING:
    from assess.tui.app import AssessApp


async def save(app: AssessApp) -> bool:
    """Save the case; on a conflict ask what to do. True when saved."""
    from assess.tui.screens.conflict import ConflictScreen

    path: Path | None = None
    force = False
    while True:
        try:
            saved = save_case(app.loaded, app.case, path, force)
        except ConflictError:
            choice = await app.push_screen_wait(ConflictScreen(app.loaded.path))
            if choice.action == "reload":
                reload(app)
                return False
            if choice.action == "cancel":
                app.notify("Not saved.")
                return False
            force = choice.action == "overwrite"
            path = app.loaded.path.parent / choice.name if choice.name else None
            continue
        except OSError as err:  # includes FileExistsError for a name taken meanwhile
            app.notify(str(err), title="Not saved", severity="error")
            return False
        app.saved(saved)
        app.notify(f"Saved {saved.path.name}.")
        return True


def reload(app: AssessApp) -> None:
    """Read the file again; the edits made in the UI stay one undo away."""
    try:
        fresh = load_case(app.loaded.path)
    except InputError as err:
        problems = "\n".join(str(p) for p in err.problems[:5])
        app.notify(problems, title="Cannot reload", severity="error")
        return
    app.reloaded(fresh)
    app.notify(f"Reloaded {fresh.path.name} from disk; ctrl+z brings back your edits.")


async def may_quit(app: AssessApp) -> bool:
    """Whether to quit: at once if nothing is unsaved, else as the planner says."""
    from assess.tui.screens.quit_confirm import QuitConfirm

    if not app.dirty:
        return True
    choice = await app.push_screen_wait(QuitConfirm(app.loaded.path.name))
    return choice == "discard" or (choice == "save" and await save(app))
