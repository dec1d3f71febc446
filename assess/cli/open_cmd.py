"""`assess open`: the planner's terminal UI (Textual is imported only here)."""

from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "open",
        help="open case files in the terminal UI (the default command)",
        description="Open one or more case files in the terminal UI; with none, the bundled default case.",
    )
    p.add_argument("cases", nargs="*", metavar="CASE")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from assess.bundled import default_case_path
    from assess.cli.score_cmd import run as score_run

    paths = args.cases or [str(default_case_path())]
    try:
        from assess.tui.app import run_app
    except ImportError:  # until the TUI lands, the main job is the score table
        args.case, args.scenario, args.format = paths[0], None, "table"
        return score_run(args)
    return run_app(paths)
