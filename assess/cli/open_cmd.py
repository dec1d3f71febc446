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
    from assess.files.bundled import default_case_path
    from assess.tui.app import run_app

    return run_app(args.cases or [str(default_case_path())])
