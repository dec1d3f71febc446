"""`assess check`: validate case files, folders of them, and catalogues.

Every problem of a file in one run: past a structural error the rest of the
file is still checked. A cited passage that is not in its document is an
error here (the other commands only warn). Errors go to stdout, one per line,
warnings (`FILE:LINE:COL: warning: ...`) to stderr; exit code 2 if any file
has an error, else 0 (warnings do not change it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assess.cli import EXIT_INPUT, EXIT_OK
from assess.errors import InputError, Problem


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check",
        help="validate case files, folders of them and criteria.yaml",
        description="Validate case files and criteria catalogues; print 'ok' "
        "per good file and every problem of a bad one.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.set_defaults(run=run)


def _files(paths: list[str]) -> list[Path]:
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix in {".yaml", ".yml"} and p.is_file())
        else:
            found.append(path)
    return found


def check_file(path: Path) -> list[Problem]:
    """Every problem of a case file or catalogue, errors and warnings, in file
    order; the file parsed once."""
    from assess.files.casefile import load_any

    try:
        loaded = load_any(path, strict_passages=True)
    except InputError as err:
        return err.problems
    return list(loaded.warnings)


def run(args: argparse.Namespace) -> int:
    bad = False
    files = _files(args.paths)
    if not files:
        print(f"{' '.join(args.paths)}: no YAML files found", file=sys.stderr)
        return EXIT_INPUT
    for path in files:
        problems = check_file(path)
        errors = [p for p in problems if p.severity == "error"]
        for problem in problems:
            print(problem, file=sys.stderr if problem.severity == "warning" else sys.stdout)
        if errors:
            bad = True
        else:
            print(f"{path}: ok")
    return EXIT_INPUT if bad else EXIT_OK
