"""`assess score`: rank the options of a case, by one method or all of them."""

from __future__ import annotations

import argparse

from assess.cli.common import FORMATS, add_case_argument, add_scenario_argument, emit, load_view

METHOD_NAMES = ["wsm", "wpm", "topsis", "promethee", "vikor"]


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "score",
        help="rank the options of a case",
        description="Rank the options of a case: the weighted sum by default, or another "
        "method, or all of them side by side with their rank agreement.",
    )
    add_case_argument(p)
    add_scenario_argument(p)
    p.add_argument("--format", "-f", choices=FORMATS, default="table")
    p.add_argument(
        "--method",
        "-m",
        choices=[*METHOD_NAMES, "all"],
        default="wsm",
        help="aggregation method (default: wsm); 'all' compares them",
    )
    p.add_argument("--assessor", "-a", metavar="NAME", help="one assessor's view instead of the team's")
    p.add_argument(
        "--vikor-v",
        type=float,
        default=0.5,
        metavar="V",
        help="VIKOR's weight of the majority strategy (default 0.5)",
    )
    p.set_defaults(run=run)


def _params(method: str, args: argparse.Namespace) -> dict[str, object]:
    return {"v": args.vikor_v} if method == "vikor" else {}


def run(args: argparse.Namespace) -> int:
    from assess.errors import InputError, Problem
    from assess.methods import MethodError
    from assess.output.safe import terminal_width
    from assess.scoring import score_method

    _, view = load_view(args.case, args.scenario, args.assessor)
    if args.method != "all":
        try:
            result = score_method(view, args.method, **_params(args.method, args))
        except MethodError as err:
            raise InputError([Problem(args.case, 0, 0, f"{args.method}: {err}")]) from None
        from assess.output.ranking import render_ranking

        emit(render_ranking(result, args.format, args.case, terminal_width()))
        return 0
    from assess.output.methods import render_methods

    results, failed = {}, {}
    for name in METHOD_NAMES:
        try:
            results[name] = score_method(view, name, **_params(name, args))
        except MethodError as err:
            failed[name] = str(err)
    fmt = "table" if args.format == "csv" else args.format
    emit(render_methods(results, failed, fmt, args.case, terminal_width()))
    return 0
