"""`assess score`: rank the options of a case."""

from __future__ import annotations

import argparse

from assess.cli.common import FORMATS, add_case_argument, add_scenario_argument, emit, load_view


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "score",
        help="rank the options of a case",
        description="Rank the options of a case by the weighted sum (additive value model).",
    )
    add_case_argument(p)
    add_scenario_argument(p)
    p.add_argument("--format", "-f", choices=FORMATS, default="table")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from assess.output.ranking import render_ranking
    from assess.scoring import score_wsm

    loaded, view = load_view(args.case, args.scenario)
    emit(render_ranking(score_wsm(view), args.format, args.case))
    return 0
