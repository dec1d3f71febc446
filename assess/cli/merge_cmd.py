"""`assess merge`: several assessors' case files into one team case.

    assess merge anna.yaml boris.yaml [more.yaml ...] -o team.yaml [--names anna,boris]
                 [--team-weights mean|median|geometric] [--force]

Each input is a full case file one assessor wrote for the same options and
criteria. The output holds the first file's case with every file's scores
under `assessors.<id>` (see `assess.files.merge`); ids (and names) come from
`--names` or the files' stems. Weights that differ between the files are
kept per assessor and combine by the team rule (`--team-weights`, default
mean, written as `team.weights`); the output says which was done with the
weights, on stdout after the summary line (`weights: ...`). Exit codes: 0 written, 2 bad input (a file
that does not load, options or criteria that differ from the first file's,
an assessor id given twice, fewer than two files, an output that exists).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from assess.errors import InputError, Problem

if TYPE_CHECKING:
    from assess.files.casefile import LoadedCase
    from assess.files.merge import Contribution

RULES = ("mean", "median", "geometric")
"""As `assess.files.merge.RULES` (not imported here: `--help` stays light)."""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "merge",
        help="merge several assessors' case files into one team case",
        description="Merge case files that assessors scored for the same options and criteria "
        "into one team case: the first file's case, with each file's scores (and its weights, "
        "if they differ) under assessors.<id>. `assess team` then shows where they disagree.",
    )
    p.add_argument("cases", nargs="+", metavar="CASE", help="one case file (YAML) per assessor")
    p.add_argument("--output", "-o", required=True, metavar="FILE", help="the team case to write")
    p.add_argument(
        "--names",
        metavar="ID,ID,...",
        help="the assessors' ids, in the order of the files (default: the files' names)",
    )
    p.add_argument(
        "--team-weights",
        choices=RULES,
        default="mean",
        help="how the assessors' weights combine into the team's when they differ: the mean or "
        "median of their normalised weights, or the geometric mean of AHP judgements (default: mean)",
    )
    p.add_argument("--force", action="store_true", help="replace the output file if it exists")
    p.set_defaults(run=run)


def _ids(args: argparse.Namespace) -> list[str]:
    if args.names is None:
        return [Path(p).stem for p in args.cases]
    ids = [n.strip() for n in args.names.split(",")]
    if len(ids) != len(args.cases):
        msg = f"--names gives {len(ids)} ids for {len(args.cases)} files"
        raise InputError([Problem("assess merge", 0, 0, msg)])
    return ids


def _load(paths: list[str]) -> list[LoadedCase]:
    """Every file loaded; the problems of all files reported together."""
    from assess.cli import settle_memory
    from assess.cli.common import warn
    from assess.files.cache import load_cases_cached

    loaded = load_cases_cached(paths)
    settle_memory()
    warn(loaded)
    return loaded


def contributions(args: argparse.Namespace) -> list[Contribution]:
    """The inputs as the arguments name them; InputError if they cannot be merged."""
    from assess.files.merge import Contribution, check_contributions
    from assess.model.base import MAX_ID, is_id

    ids = _ids(args)
    bad = [
        Problem(
            path,
            0,
            0,
            f"'{aid}' is not a valid assessor id (up to {MAX_ID} letters, digits, '_', '.', '-'); "
            "give one with --names",
        )
        for path, aid in zip(args.cases, ids, strict=True)
        if not is_id(aid)
    ]
    if bad:
        raise InputError(bad)
    found = [Contribution(lc, aid, aid) for lc, aid in zip(_load(args.cases), ids, strict=True)]
    problems = check_contributions(found)
    if problems:
        raise InputError(problems)
    return found


def _check_output(args: argparse.Namespace) -> Path:
    """Refuse a bad output before loading anything (`write_output` checks again)."""
    from assess.files.atomic import check_output

    output = check_output(args.output, args.cases)
    if output.exists() and not args.force:
        raise InputError([Problem(args.output, 0, 0, "exists; use --force to replace it")])
    return output


def header(files: list[str]) -> str:
    """The comment the merged file starts with."""
    names = ", ".join(Path(f).name for f in files)
    return (
        f"# A team case merged by `assess merge` from {names}.\n"
        "# Each assessor's scores are under `assessors`; the team's score of a cell is their\n"
        "# mean (see `team`) unless `scores` holds an agreed value, and their weights combine\n"
        "# as `team.weights` says unless `weights` holds agreed ones. `assess team` shows\n"
        "# where they disagree.\n"
    )


def run(args: argparse.Namespace) -> int:
    from assess.cli.common import case_inputs, say_wrote
    from assess.core.validate import check_case
    from assess.files.atomic import write_output
    from assess.files.casefile import case_data
    from assess.files.merge import merge_cases
    from assess.files.yaml.dump import dump_yaml

    output = _check_output(args)
    found = contributions(args)
    merged = merge_cases(found, output.parent, args.team_weights)
    findings = check_case(merged.case, found[0].loaded.catalogue_model)
    if findings:  # inputs that load should always merge into a valid case
        raise InputError([Problem(args.output, 0, 0, msg, ".".join(map(str, p))) for p, msg in findings])
    text = header(args.cases) + dump_yaml(case_data(merged.case))
    inputs = [p for c in found for p in case_inputs(c.loaded)]
    stamp = write_output(output, text, inputs=inputs, replace=args.force)
    for note in merged.notes:
        print(f"note: {note}", file=sys.stderr)
    names = ", ".join(c.assessor for c in found)
    say_wrote(output, stamp.size, f"merged {len(found)} assessors ({names})")
    for sentence in merged.weights:
        print(f"weights: {sentence}")
    return 0
