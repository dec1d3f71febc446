"""`assess dominance`: which options beat which for every weighting the statements allow.

    assess dominance CASE [--scenario S] [--assessor A] [--ranges]
                          [--format table|json|markdown]

Prints which weights count (the view's weight statements, with the share
each criterion can take; with none, every weighting: the whole simplex), the
possibly best options (first for some allowed weighting) and the necessarily
best (first for every one), the dominance table and the Hasse-style list
(each option over those it dominates directly). `--ranges` lets every score
vary over its low..high range too. Exact, by linear programming (see
`assess.core.dominance`); options a veto excludes are not compared.
Exit codes: 0 done, 2 bad input (unknown scenario or assessor, statements
that admit no weights, every option vetoed).

JSON (`--format json`); shares are fractions of 1, every number rounded to 6
decimals (`assess.render.jsonout`); keys are only ever added:

    file, case, scenario (null: baseline), view (its label), assessor,
    ranges (bool: score ranges taken into account),
    weights: {simplex (bool: no statement narrows the weights),
              statements: [{index (in the weights block's statements), text}],
              dropped: [index]            # statements on criteria outside the view
              bounds: {criterion: [least share, greatest share]}},
    options: [{option, name, possibly_best, necessarily_best,
               dominates: [option], dominated_by: [option], covers: [option]}],
    excluded: [{option, name}]            vetoed, not compared
    possibly_best: [option], necessarily_best: [option],
    hasse: [[a, b]]                       a dominates b directly
"""

from __future__ import annotations

import argparse

from assess.cli import EXIT_OK
from assess.cli.common import (
    add_assessor_argument,
    add_case_argument,
    add_format_argument,
    add_scenario_argument,
    emit,
    load_view,
)


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "dominance",
        help="which options beat which for every weighting the statements allow",
        description="The dominance relation, possibly and necessarily best options of a case "
        "for every weighting its weight statements allow (with none: every weighting), "
        "computed exactly by linear programming.",
    )
    add_case_argument(p)
    add_scenario_argument(p)
    add_assessor_argument(p)
    p.add_argument(
        "--ranges", action="store_true", help="let every score vary over its low..high range as well"
    )
    add_format_argument(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from assess.core.dominance import dominance_analysis
    from assess.errors import InputError, Problem
    from assess.render.safe import terminal_width
    from assess.render.text.dominance import render_dominance

    _, view = load_view(args.case, args.scenario, args.assessor)
    try:
        result = dominance_analysis(view, ranges=args.ranges)
    except ValueError as err:
        raise InputError([Problem(args.case, 0, 0, str(err))]) from None
    emit(render_dominance(result, view, args.format, args.case, terminal_width()))
    return EXIT_OK
