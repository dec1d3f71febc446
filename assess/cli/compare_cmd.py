"""`assess compare`: what differs between case files, or between scenarios of one case.

    assess compare A.yaml B.yaml [C.yaml ...] [--scenario S] [--format F]
    assess compare CASE --scenarios 2019 2025 [more] [--format F]

The first form compares the same view (the baseline, or scenario S) of each
file; the second compares views of one case, named as `--scenario` takes
them. The table fits the terminal (`COLUMNS`, 80 when unknown); the Markdown
and the JSON keep every detail. The JSON form is a stable contract (see
`assess.render.text.compare`).
Exit codes: 0 done, 2 bad input (a file that does not load, an unknown
scenario, fewer than two views).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from assess.errors import InputError, Problem

if TYPE_CHECKING:
    from assess.core.view import View
    from assess.files.casefile import LoadedCase
    from assess.render.text.compare import ViewInfo

Pick = tuple["LoadedCase", str, "str | None"]
"""A loaded case, its path as given, and the scenario id (None: baseline)."""


def add_parser(sub: argparse._SubParsersAction) -> None:
    from assess.cli.common import add_format_argument

    p = sub.add_parser(
        "compare",
        help="compare case files, or scenarios of one case",
        description="Compare the rankings, weights and scores of two or more case files "
        "(the same scenario of each), or of scenarios of one case (--scenarios), and split "
        "each option's change of total into a weight effect and a score effect.",
    )
    p.add_argument("cases", nargs="+", metavar="CASE", help="case files (YAML)")
    which = p.add_mutually_exclusive_group()
    which.add_argument(
        "--scenario",
        "-s",
        metavar="NAME",
        help="the scenario to compare in each file (default: the baseline)",
    )
    which.add_argument(
        "--scenarios",
        nargs="+",
        metavar="NAME",
        help="compare these views of one case (its baseline by the baseline's name)",
    )
    add_format_argument(p)
    p.set_defaults(run=run)


def _usage(message: str) -> InputError:
    return InputError([Problem("assess compare", 0, 0, message)])


def _key(loaded: LoadedCase, path: str, name: str | None) -> str | None:
    from assess.core.view import scenario_key, view_names
    from assess.errors import did_you_mean

    try:
        return scenario_key(loaded.case, name)
    except KeyError:
        names = view_names(loaded.case)
        msg = f"no scenario '{name}'{did_you_mean(str(name), names)}; it has: {', '.join(names)}"
        raise InputError([Problem(path, 0, 0, msg)]) from None


def _load(paths: list[str]) -> list[LoadedCase]:
    """Every file loaded; the problems of all files reported together."""
    from assess.cli import settle_memory
    from assess.cli.common import warn
    from assess.files.cache import load_cases_cached

    loaded = load_cases_cached(paths)
    settle_memory()
    warn(loaded)
    return loaded


def _picks(args: argparse.Namespace) -> list[Pick]:
    if args.scenarios is not None:
        if len(args.cases) != 1 or len(args.scenarios) < 2:
            raise _usage("--scenarios compares two or more views of one case file")
        (loaded,) = _load(args.cases)
        return [(loaded, args.cases[0], _key(loaded, args.cases[0], n)) for n in args.scenarios]
    if len(args.cases) < 2:
        raise _usage("give two or more case files, or one case file with --scenarios A B")
    problems, picks = [], []
    for loaded, path in zip(_load(args.cases), args.cases, strict=True):
        try:
            picks.append((loaded, path, _key(loaded, path, args.scenario)))
        except InputError as err:
            problems += err.problems
    if problems:
        raise InputError(problems)
    return picks


def collect_views(args: argparse.Namespace) -> list[tuple[ViewInfo, View]]:
    """The labelled views the arguments name; InputError when they are wrong.
    Labels: the file names (with --scenarios, the names as given), made unique."""
    from assess.core.compare.views import unique_labels
    from assess.core.view import resolve
    from assess.render.text.compare import ViewInfo

    picks = _picks(args)
    views = [resolve(lc.case, lc.catalogue_model, key) for lc, _, key in picks]
    if args.scenarios is not None:
        labels = unique_labels(list(args.scenarios), [v.key for v in views])
    else:
        labels = unique_labels([Path(p).stem for _, p, _ in picks], [p for _, p, _ in picks])
    return [
        (ViewInfo(label, path, key, lc.case.title, _costs(view)), view)
        for label, (lc, path, key), view in zip(labels, picks, views, strict=True)
    ]


def _costs(view: View) -> frozenset[str]:
    return frozenset(c.id for c in view.criteria if c.direction == "cost")


def run(args: argparse.Namespace) -> int:
    from assess.cli.common import emit
    from assess.core.compare.views import compare_views
    from assess.render.safe import terminal_width
    from assess.render.text.compare_text import render_comparison

    pairs = collect_views(args)
    comparison = compare_views([(info.label, view) for info, view in pairs])
    emit(render_comparison(comparison, args.format, [info for info, _ in pairs], terminal_width()))
    return 0
