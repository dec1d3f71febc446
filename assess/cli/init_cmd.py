"""`assess init [DIR]`: a working folder with the bundled cases, catalogue and sources.

    assess init [DIR] [--force]

Copies `criteria.yaml`, `cases/` and `sources/` (as installed with assess, or
from the checkout it runs from) into DIR (default: the current folder), in the
same tree shape, so the cases' relative paths (`../criteria.yaml`,
`../sources/...`) hold and a team can put the folder in git. The installed
copy itself is never written. Files already there with the same bytes are left
alone; a file that differs is refused (exit 2, nothing written) unless
`--force`. Run `assess` in DIR afterwards and it opens DIR's default case.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from assess.errors import InputError, Problem


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "init",
        help="copy the bundled cases, catalogue and sources into a working folder",
        description="Copy the bundled cases, criteria catalogue and cited sources into DIR (default: "
        "the current folder), keeping their layout, so they can be edited, saved and kept in git. "
        "Existing files that differ are not replaced unless --force.",
    )
    p.add_argument(
        "dir", nargs="?", default=".", metavar="DIR", help="the working folder (created if missing)"
    )
    p.add_argument("--force", action="store_true", help="replace files that differ from the bundled ones")
    p.set_defaults(run=run)


def _summary(root: Path, written: list[Path]) -> str:
    """'criteria.yaml, cases/ (6 files), sources/ (3 files)'."""
    tops = Counter(p.relative_to(root).parts[0] for p in written)
    parts = [
        name if (root / name).is_file() else f"{name}/ ({n} file{'s' * (n != 1)})" for name, n in tops.items()
    ]
    return ", ".join(parts)


def run(args: argparse.Namespace) -> int:
    from assess.files import bundled
    from assess.files.casecopy import copy_files, plan_copy

    folder = Path(args.dir)
    if folder.exists() and not folder.is_dir():
        raise InputError([Problem(args.dir, 0, 0, "is not a folder")])
    if bundled.is_installed_copy(folder):
        msg = "is inside the installed assess package, which is never written; choose a folder of yours"
        raise InputError([Problem(args.dir, 0, 0, msg)])
    source = bundled.source_root()
    plan = plan_copy(source, bundled.bundle_files(source), folder)
    if plan.differ and not args.force:
        msg = "exists and differs from the bundled copy; use --force to replace it"
        raise InputError([Problem(str(dest), 0, 0, msg) for _, dest in plan.differ])
    try:
        written = copy_files(plan, replace_differing=args.force)
    except OSError as err:
        where = err.filename or getattr(err, "path", None) or args.dir
        reason = getattr(err, "reason", None) or err.strerror or str(err)
        raise InputError([Problem(str(where), 0, 0, reason)]) from None
    kept = f"; {len(plan.same)} already there" if plan.same else ""
    if written:
        n = len(written)
        print(f"copied {n} file{'s' * (n != 1)} into {folder}: {_summary(folder, written)}{kept}")
    else:
        print(f"{folder} already holds the bundled files; nothing copied")
    print(f"open the default case: cd {folder} && assess   (or: assess {folder / bundled.DEFAULT_CASE})")
    return 0
