"""`assess score`: rank the options of a case, by one method or all of them.

A method that does not apply to the view (WPM with a score of 0 on a scale
that starts at 0) is refused in a planner's words: with one method, as bad
input (exit 2) at the score that makes it inapplicable; with `--method all`,
the others run and the refusal is printed under them (in JSON, as data under
`refused`). The case's warnings (see `assess.cli.common.warn`) go to stderr.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from assess.cli.common import (
    add_assessor_argument,
    add_case_argument,
    add_format_argument,
    add_scenario_argument,
    emit,
    load_view,
)

if TYPE_CHECKING:
    from assess.core.view import View
    from assess.errors import InputError
    from assess.files.casefile import LoadedCase
    from assess.kernels.methods import MethodError
    from assess.model.case import ScoreTable

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
    add_format_argument(p, csv=True)
    p.add_argument(
        "--method",
        "-m",
        choices=[*METHOD_NAMES, "all"],
        default="wsm",
        help="aggregation method (default: wsm); 'all' compares them",
    )
    add_assessor_argument(p)
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


def _cell_path(view: View, option: str, criterion: str) -> tuple[str, ...]:
    """Where the score of a cell of the view is written in the case file (a
    team's aggregate cell: at its first assessor's score, in a scenario their
    own cell of it where they wrote one)."""
    case = view.case
    tables: list[tuple[tuple[str, ...], ScoreTable]] = []
    if view.scenario is not None:
        sid = view.scenario
        own = [(aid, p.scenarios[sid]) for aid, p in case.assessors.items() if sid in p.scenarios]
        mine = [(a, s) for a, s in own if a == view.assessor]
        tables += [(("assessors", a, "scenarios", sid, "scores"), s.scores) for a, s in mine]
        tables.append((("scenarios", sid, "scores"), case.scenarios[sid].scores))
        if view.assessor is None:
            tables += [(("assessors", a, "scenarios", sid, "scores"), s.scores) for a, s in own]
    if view.assessor is not None:
        tables.append((("assessors", view.assessor, "scores"), case.assessors[view.assessor].scores))
    tables.append((("scores",), case.scores))
    tables += [(("assessors", aid, "scores"), person.scores) for aid, person in case.assessors.items()]
    for path, table in tables:
        if criterion in table.get(option, {}):
            return (*path, option, criterion, "value")
    return ("scores", option)


def _refused(args: argparse.Namespace, loaded: LoadedCase, view: View, err: MethodError) -> InputError:
    """A method's refusal as bad input, at the score it names."""
    from assess.core.refusal import MethodRefused
    from assess.errors import InputError, Problem

    refusal = err.refusal if isinstance(err, MethodRefused) else None
    if refusal is None or not refusal.cells:
        message = err.message if refusal and refusal.reason != "other" else f"{args.method}: {err}"
        return InputError([Problem(args.case, 0, 0, message)])
    path = _cell_path(view, refusal.cells[0].option, refusal.cells[0].criterion)
    return InputError([loaded.doc.problem(path, refusal.message)])


def run(args: argparse.Namespace) -> int:
    from assess.core.scoring import score_method
    from assess.render.safe import terminal_width

    loaded, view = load_view(args.case, args.scenario, args.assessor)
    if args.method != "all":
        try:
            result = score_method(view, args.method, **_params(args.method, args))
        except ValueError as err:  # MethodError is one; its module (NumPy's) loads only for others
            from assess.kernels.methods import MethodError

            if not isinstance(err, MethodError):
                raise
            raise _refused(args, loaded, view, err) from None
        from assess.render.text.ranking import render_ranking

        emit(render_ranking(result, args.format, args.case, terminal_width()))
        return 0
    from assess.core.refusal import MethodRefused
    from assess.kernels.methods import MethodError
    from assess.render.text.methods import render_methods

    results, failed, refused = {}, {}, {}
    for name in METHOD_NAMES:
        try:
            results[name] = score_method(view, name, **_params(name, args))
        except MethodError as err:
            failed[name] = str(err)
            if isinstance(err, MethodRefused):
                refused[name] = err.refusal.data()
    fmt = "table" if args.format == "csv" else args.format
    emit(render_methods(results, failed, fmt, args.case, terminal_width(), refused))
    return 0
