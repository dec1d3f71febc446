"""Copying case files together with what they cite, keeping their relative paths.

A case names its catalogue and documents by paths relative to itself
(`../criteria.yaml`, `../sources/...`), so a copy that still loads must
bring those files along in the same tree shape. `copy_files` does that for
any set of files under one root: it refuses (before writing anything) a
destination that holds a different file of the same name, leaves identical
ones alone, and writes each through `write_atomic`. `save_copy` writes an
edited case with its catalogue and documents into another folder (saving the
installed default case, crash recovery); `assess init` copies the bundle.
"""

from __future__ import annotations

import filecmp
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from assess.files.atomic import write_atomic
from assess.files.casefile import LoadedCase, load_case, save_case
from assess.model import Case


@dataclass(frozen=True)
class CopyPlan:
    """What copying into a folder would do."""

    write: list[tuple[Path, Path]] = field(default_factory=list)
    """(source, destination) of the files to write."""
    same: list[Path] = field(default_factory=list)
    """Destinations that already hold the same bytes."""
    differ: list[tuple[Path, Path]] = field(default_factory=list)
    """(source, destination) where the destination holds something else:
    refused unless replacing."""


def plan_copy(root: Path, files: list[Path], folder: Path) -> CopyPlan:
    """Where each of `files` (all under `root`) goes under `folder`."""
    plan = CopyPlan()
    for source in files:
        dest = folder / source.relative_to(root)
        if not os.path.lexists(dest):
            plan.write.append((source, dest))
        elif dest.is_file() and not dest.is_symlink() and filecmp.cmp(source, dest, shallow=False):
            plan.same.append(dest)
        else:
            plan.differ.append((source, dest))
    return plan


def copy_files(plan: CopyPlan, replace_differing: bool = False) -> list[Path]:
    """Carry out `plan`: the destinations written. FileExistsError (nothing
    written) if some destination differs and not `replace_differing`."""
    if plan.differ and not replace_differing:
        names = ", ".join(str(d) for _, d in plan.differ[:3]) + (" ..." if len(plan.differ) > 3 else "")
        raise FileExistsError(f"{names}: exist(s) and differ(s) from the files to copy")
    jobs = plan.write + (plan.differ if replace_differing else [])
    for source, dest in jobs:
        dest.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(dest, source.read_bytes(), expected=None, force=True, follow_symlinks=False)
    return [dest for _, dest in jobs]


def support_files(loaded: LoadedCase) -> list[Path]:
    """The files a case needs besides itself: its catalogue and the cited documents."""
    files = [loaded.catalogue.path] if loaded.catalogue else []
    return [Path(os.path.abspath(p)) for p in [*files, *loaded.documents.values()]]


def tree_root(loaded: LoadedCase) -> Path:
    """The folder that holds the case and everything it cites."""
    paths = [os.path.abspath(loaded.path), *map(str, support_files(loaded))]
    return Path(os.path.commonpath([os.path.dirname(p) for p in paths]))


def copy_target(loaded: LoadedCase, folder: Path, name: str | None = None) -> Path:
    """Where the case goes in a copy of its tree under `folder`."""
    rel = Path(os.path.abspath(loaded.path)).relative_to(tree_root(loaded))
    return folder / rel.parent / (name or rel.name)


def copy_problem(loaded: LoadedCase, folder: Path, name: str | None = None) -> str | None:
    """Why the case cannot be copied into `folder` as `save_copy` would, or None."""
    if folder.exists() and not folder.is_dir():
        return f"{folder} is not a folder"
    target = copy_target(loaded, folder, name)
    if os.path.lexists(target):
        return f"{target} exists; open it, or choose another folder"
    differ = plan_copy(tree_root(loaded), support_files(loaded), folder).differ
    if differ:
        return f"{differ[0][1]} exists and differs from the one this case cites; choose another folder"
    return None


def write_copy(loaded: LoadedCase, case: Case, folder: Path, name: str | None = None) -> Path:
    """Write `case` into `folder` with its catalogue and documents, in the same
    tree shape; the case's new path. FileExistsError if `copy_problem` finds one."""
    problem = copy_problem(loaded, folder, name)
    if problem:
        raise FileExistsError(problem)
    copy_files(plan_copy(tree_root(loaded), support_files(loaded), folder))
    target = copy_target(loaded, folder, name)
    target.parent.mkdir(parents=True, exist_ok=True)
    save_case(loaded, case, target)
    return target


def save_copy(loaded: LoadedCase, case: Case, folder: Path, name: str | None = None) -> LoadedCase:
    """`write_copy`, then the copy as loaded back (so it is known to load),
    holding `case` itself (the UI's undo history compares by identity)."""
    return replace(load_case(write_copy(loaded, case, folder, name)), case=case)
