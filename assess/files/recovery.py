"""Where unsaved edits go when the UI stops on an unexpected error.

Beside the case, as `NAME.recovered.yaml` (`-2`, `-3`, ... if taken), so its
relative paths hold and it opens like the case itself. When that folder
cannot be written, or is the installed package (never written), the copy goes
to a new folder under the user's data folder
(`$XDG_DATA_HOME/assess/recovered/`, by default `~/.local/share/...`) with the
catalogue and documents it cites, in the same tree shape, so it loads there
too. Nothing here knows about the UI.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from assess.errors import InputError
from assess.files import bundled
from assess.files.casecopy import write_copy
from assess.files.casefile import LoadedCase, save_case
from assess.model import Case


def recovered_name(path: Path, k: int = 1) -> str:
    """`case.recovered.yaml`, then `case.recovered-2.yaml`, ..."""
    return f"{path.stem}.recovered{'' if k == 1 else f'-{k}'}{path.suffix}"


def data_folder() -> Path:
    """The user's folder for recovered cases."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "assess" / "recovered"


def write_recovery(loaded: LoadedCase, case: Case, now: dt.datetime | None = None) -> Path:
    """Write `case` (the unsaved edits of `loaded`) where it can be found
    again; the path written. OSError naming every place tried if none worked."""
    failures: list[str] = []
    if not bundled.is_installed_copy(loaded.path):
        try:
            return _beside(loaded, case)
        except (OSError, InputError) as err:
            failures.append(f"{loaded.path.parent}: {err}")
    stamp = (now or dt.datetime.now()).strftime("%Y-%m-%d_%H%M%S")
    for k in range(1, 100):
        folder = data_folder() / (stamp if k == 1 else f"{stamp}-{k}")
        if os.path.lexists(folder):
            continue
        try:
            return write_copy(loaded, case, folder, recovered_name(loaded.path))
        except (OSError, InputError) as err:
            failures.append(f"{folder}: {err}")
            break
    raise OSError("could not write the recovery file: " + "; ".join(failures))


def _beside(loaded: LoadedCase, case: Case) -> Path:
    for k in range(1, 100):
        target = loaded.path.with_name(recovered_name(loaded.path, k))
        if os.path.lexists(target):
            continue
        save_case(loaded, case, target)
        return target
    raise FileExistsError(f"{recovered_name(loaded.path, 99)} and the 98 before it exist")
