"""Saving, quitting and recovering for `AssessApp`.

ctrl+s goes through `save_case`, which writes under the file's lock and
refuses to overwrite a file changed on disk since it was read; the planner
then chooses: reload, overwrite, or save under another name. The case
installed with assess is never written: saving it asks for a folder and
writes a copy there with what it cites (`casecopy.save_copy`). Quitting with
unsaved changes asks first. An unexpected error writes the unsaved case to a
recovery file before the app exits (`recover`). The async functions take the
App and run in one of its workers (the dialogs are awaited).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from assess.errors import InputError
from assess.files import bundled
from assess.files.atomic import ConflictError
from assess.files.casefile import load_case, save_case
from assess.tui.titlebar import shown_path

if TYPE_CHECKING:
    from assess.tui.app import AssessApp


async def save(app: AssessApp) -> bool:
    """Save the case; on a conflict ask what to do. True when saved."""
    from assess.tui.screens.conflict import ConflictScreen

    if bundled.is_installed_copy(app.loaded.path):
        return await save_installed(app)
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
        except OSError as err:  # a name taken meanwhile, a lock held, hard links, ...
            app.notify(str(err), title="Not saved", severity="error", markup=False)
            return False
        app.saved(saved)
        app.notify(f"Saved {shown_path(saved.path)}.", markup=False)
        return True


async def save_installed(app: AssessApp) -> bool:
    """Save a copy of the installed case in a folder the planner picks."""
    from assess.files.casecopy import save_copy
    from assess.tui.screens.save_copy import SaveCopyScreen

    folder = await app.push_screen_wait(SaveCopyScreen(app.loaded, Path.cwd()))
    if folder is None:
        app.notify("Not saved.")
        return False
    try:
        copy = save_copy(app.loaded, app.case, folder)
    except (OSError, InputError) as err:
        app.notify(str(err), title="Not saved", severity="error", markup=False)
        return False
    app.saved(copy)
    app.notify(
        f"Saved a copy: {shown_path(copy.path)}, with the catalogue and documents it cites. "
        "From now on ctrl+s saves there; the installed case is unchanged.",
        markup=False,
    )
    return True


def reload(app: AssessApp) -> None:
    """Read the file again; the edits made in the UI stay one undo away."""
    try:
        fresh = load_case(app.loaded.path)
    except InputError as err:
        problems = "\n".join(str(p) for p in err.problems[:5])
        app.notify(problems, title="Cannot reload", severity="error", markup=False)
        return
    app.reloaded(fresh)
    app.notify(f"Reloaded {fresh.path.name} from disk; ctrl+z brings back your edits.", markup=False)


async def may_quit(app: AssessApp) -> bool:
    """Whether to quit: at once if nothing is unsaved, else as the planner says."""
    from assess.tui.screens.quit_confirm import QuitConfirm

    if not app.dirty:
        return True
    choice = await app.push_screen_wait(QuitConfirm(app.loaded.path.name))
    return choice == "discard" or (choice == "save" and await save(app))


def recover(app: AssessApp) -> tuple[Path | None, str]:
    """Write the unsaved case to a recovery file (see `io.recovery`): where,
    and what to tell the planner. Never raises: it runs while the app is
    going down on another error, which must stay the one reported."""
    from assess.files.recovery import write_recovery

    try:
        path = write_recovery(app.loaded, app.case)
    except Exception as err:  # noqa: BLE001 - see the docstring
        return None, f"Your unsaved edits could not be saved ({type(err).__name__}: {err})."
    return path, f"Your unsaved edits are saved in {path}; open it with: assess {path}"
