"""`assess check`: validate case files, folders of them, and catalogues, and
lint what makes an assessment weak.

Every problem of a file in one run: past a structural error the rest of the
file is still checked. A cited passage that is not in its document is an
error here (the other commands only warn). A file without errors is then
linted (`assess.core.lint`: a passage cited twice for one option, judgement
said to be evidence, ranges by convention, ...): each lint is a warning
`FILE:LINE:COL: warning: [rule-id] ...` at the thing warned about, naming the
cells involved. Errors go to stdout, one per line, warnings to stderr; exit
code 2 if any file has an error, else 0. With `--strict` every warning is an
error (printed as one, on stdout), so a weak case exits 2.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assess.cli import EXIT_INPUT, EXIT_OK, settle_memory
from assess.errors import InputError, Problem

if TYPE_CHECKING:
    from assess.files.casefile import LoadedCase


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check",
        help="validate case files, folders of them and criteria.yaml",
        description="Validate case files and criteria catalogues; print 'ok' "
        "per good file and every problem of a bad one.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument(
        "--strict",
        action="store_true",
        help="treat every warning (the lints too) as an error: exit 2 if there is one",
    )
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
    """Every problem of a case file or catalogue, errors and warnings (the
    lints of a file without errors too); the file parsed once. A case the
    cache holds is checked from its entry: its warnings, and its lints as
    they were found for the same files and code (`Hit.derived`), without
    making its models."""
    from assess.files.cache import Hit, find_any
    from assess.files.cache_docs import unproblems

    try:
        loaded = find_any(path, strict_passages=True)
    except InputError as err:
        return err.problems
    if isinstance(loaded, Hit):
        return [*loaded.warnings, *unproblems(loaded.derived("lints", LINT_CODE, _lints))]
    from assess.files.lints import lint_problems

    return [*loaded.warnings, *lint_problems(loaded)]


LINT_CODE = ("core/lint",)
"""The lints' code beside the loader's (which the cache's keys cover)."""


def _lints(loaded: LoadedCase) -> list[list[Any]]:
    from assess.files.cache_docs import problems_data
    from assess.files.lints import lint_problems

    return problems_data(lint_problems(loaded))


def _key(p: Problem) -> str:
    return f"{p.file}:{p.line}:{p.column}:{p.message}"


def run(args: argparse.Namespace) -> int:
    from assess.files.reading import catalogues_once

    files = _files(args.paths)
    if not files:
        print(f"{' '.join(args.paths)}: no YAML files found", file=sys.stderr)
        return EXIT_INPUT
    with catalogues_once():  # every case of a folder names the same catalogue
        return _check(files, args.strict)


def _check(files: list[Path], strict: bool) -> int:
    bad = False
    said: set[str] = set()  # a catalogue's lints once, however many cases use it
    for n, path in enumerate(files):
        problems = [p for p in check_file(path) if _key(p) not in said]
        if n == 0:
            settle_memory()  # the imports and the first file; the others collected as usual
        said.update(_key(p) for p in problems)
        if strict:
            problems = [replace(p, severity="error") for p in problems]
        for problem in problems:
            print(problem, file=sys.stderr if problem.severity == "warning" else sys.stdout)
        if any(p.severity == "error" for p in problems):
            bad = True
        else:
            print(f"{path}: ok")
    return EXIT_INPUT if bad else EXIT_OK
