"""What the title bar says: the case's title, the file being edited, the view,
and whether there are unsaved changes, fitted to the terminal's width.

The modified marker is never cut; the path is shortened from the left
(`…/cases/ai_cooperation.yaml`, at least the file name); the case's title
gives way first, since the screen shows the case anyway.
"""

from __future__ import annotations

import os
from pathlib import Path

MARKER = " ● modified"
HEADER_CHROME = 18
"""Columns of Textual's Header that the title cannot use (icon 8, clock space 10)."""
TITLE_FLOOR = 16
"""The title is cut to this before the path is shortened."""


def shown_path(path: Path, cwd: Path | None = None, home: Path | None = None) -> str:
    """`path` as a planner reads it: relative to the working folder if under
    it, from `~` if under the home folder, else absolute."""
    full = Path(os.path.abspath(path))
    cwd = cwd or Path.cwd()
    home = home or Path.home()
    if full.is_relative_to(cwd):
        return str(full.relative_to(cwd))
    if home != Path("/") and full.is_relative_to(home):
        return str(Path("~") / full.relative_to(home))
    return str(full)


def shorten_path(text: str, width: int) -> str:
    """`text` cut from the left at a folder boundary to fit `width`
    (`…/cases/x.yaml`); never shorter than the file name."""
    if len(text) <= width:
        return text
    parts = text.split("/")
    kept = parts[-1]
    for part in reversed(parts[:-1]):
        longer = f"{part}/{kept}"
        if len(longer) + 2 > width:
            break
        kept = longer
    return f"…/{kept}"


def _cut(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    return text[: max(width - 1, 0)] + "…" if width > 0 else ""


def fit_title(title: str, path: str, view: str, dirty: bool, width: int, tag: str = "") -> tuple[str, str]:
    """(title, sub-title) for a header `width` columns wide: the sub-title is
    `path tag · view ● modified`, shown after `title — `."""
    marker = MARKER if dirty else ""
    room = width - HEADER_CHROME

    def sub(p: str, v: str) -> str:
        return f"{p}{tag} · {v}{marker}" if v else f"{p}{tag}{marker}"

    def total(t: str, p: str, v: str) -> int:
        return (len(t) + 3 if t else 0) + len(sub(p, v))

    if total(title, path, view) > room:
        title = _cut(title, max(TITLE_FLOOR, room - len(sub(path, view)) - 3))
    if total(title, path, view) > room:
        path = shorten_path(path, max(room - total(title, "", view), 0))
    if total(title, path, view) > room:
        title = _cut(title, room - len(sub(path, view)) - 3)
        title = "" if len(title) < 4 else title
    if total(title, path, view) > room:
        view = _cut(view, max(room - total(title, path, ""), 0) - 3)
    return title, sub(path, view)
