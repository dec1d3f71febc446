"""`assess check`: validate case files, folders of them, and catalogues."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

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
    from assess.io.casefile import load_any

    try:
        load_any(path)  # a case or a catalogue, the file parsed once
    except InputError as err:
        return err.problems
    return []


def run(args: argparse.Namespace) -> int:
    bad = False
    files = _files(args.paths)
    if not files:
        print(f"{' '.join(args.paths)}: no YAML files found", file=sys.stderr)
        return 2
    for path in files:
        problems = check_file(path)
        if problems:
            bad = True
            for problem in problems:
                print(problem)
        else:
            print(f"{path}: ok")
    return 2 if bad else 0
